/// apps/v1 DaemonSet: one pod on every eligible node.
@APIObject(.apps)
public struct DaemonSet: APIResource {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", namespaced: true)

    public var apiVersion: String = "apps/v1"
    public var kind: String = "DaemonSet"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: DaemonSetSpec?
    public var status: DaemonSetStatus?
}

/// The desired state of a `DaemonSet`.
@APIObject(.apps)
public struct DaemonSetSpec {
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    public var updateStrategy: DaemonSetUpdateStrategy?
    public var minReadySeconds: Int32?
    public var revisionHistoryLimit: Int32?
}

/// How a `DaemonSet` replaces its pods: `RollingUpdate` or `OnDelete`.
@APIObject(.apps)
public struct DaemonSetUpdateStrategy {
    public var type: String?
    public var rollingUpdate: RollingUpdateDaemonSet?
}

/// The bounds of a `DaemonSet` rolling update, as counts or percentages of the nodes.
@APIObject(.apps)
public struct RollingUpdateDaemonSet {
    public var maxUnavailable: IntOrString?
    public var maxSurge: IntOrString?
}

/// The observed state of a `DaemonSet`, written by its controller.
@APIObject(.apps)
public struct DaemonSetStatus {
    public var currentNumberScheduled: Int32?
    public var numberMisscheduled: Int32?
    public var desiredNumberScheduled: Int32?
    public var numberReady: Int32?
    public var observedGeneration: Int64?
    public var updatedNumberScheduled: Int32?
    public var numberAvailable: Int32?
    public var numberUnavailable: Int32?
    public var collisionCount: Int32?
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [DaemonSetCondition] = []
}

/// A condition of a `DaemonSet`.
@APIObject(.apps)
public struct DaemonSetCondition {
    public var type: String?
    public var status: String?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}
