/// apps/v1 ReplicaSet: keeps a number of identical pods matching a selector running.
@APIObject(.apps)
public struct ReplicaSet: APIResource {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", namespaced: true)

    public var apiVersion: String = "apps/v1"
    public var kind: String = "ReplicaSet"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: ReplicaSetSpec?
    public var status: ReplicaSetStatus?
}

/// The desired state of a `ReplicaSet`.
@APIObject(.apps)
public struct ReplicaSetSpec {
    public var replicas: Int32?
    public var minReadySeconds: Int32?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
}

/// The observed state of a `ReplicaSet`, written by its controller.
@APIObject(.apps)
public struct ReplicaSetStatus {
    public var replicas: Int32?
    public var fullyLabeledReplicas: Int32?
    public var readyReplicas: Int32?
    public var availableReplicas: Int32?
    public var observedGeneration: Int64?
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [ReplicaSetCondition] = []
}

/// A condition of a `ReplicaSet`, such as `ReplicaFailure`.
@APIObject(.apps)
public struct ReplicaSetCondition {
    public var type: String?
    public var status: String?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}
