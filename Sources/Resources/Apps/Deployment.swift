/// apps/v1 Deployment: declarative updates of replicated pods through ReplicaSets.
@APIObject(.apps)
public struct Deployment: APIResource {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "Deployment", plural: "deployments", namespaced: true)

    public var apiVersion: String = "apps/v1"
    public var kind: String = "Deployment"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: DeploymentSpec?
    public var status: DeploymentStatus?
}

/// The desired state of a `Deployment`.
@APIObject(.apps)
public struct DeploymentSpec {
    public var replicas: Int32?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    @Patch(strategy: "retainKeys")
    public var strategy: DeploymentStrategy?
    public var minReadySeconds: Int32?
    public var revisionHistoryLimit: Int32?
    public var paused: Bool?
    public var progressDeadlineSeconds: Int32?
}

/// How a `Deployment` replaces old pods: `Recreate` or `RollingUpdate`.
@APIObject(.apps)
public struct DeploymentStrategy {
    public var type: String?
    public var rollingUpdate: RollingUpdateDeployment?
}

/// The bounds of a rolling update: how many pods may be missing, and how many may be extra,
/// as a count or a percentage of the desired replicas.
@APIObject(.apps)
public struct RollingUpdateDeployment {
    public var maxUnavailable: IntOrString?
    public var maxSurge: IntOrString?
}

/// The observed state of a `Deployment`, written by its controller.
@APIObject(.apps)
public struct DeploymentStatus {
    public var observedGeneration: Int64?
    public var replicas: Int32?
    public var updatedReplicas: Int32?
    public var readyReplicas: Int32?
    public var availableReplicas: Int32?
    public var unavailableReplicas: Int32?
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [DeploymentCondition] = []
    public var collisionCount: Int32?
}

/// A condition of a `Deployment`: `Available`, `Progressing` or `ReplicaFailure`.
@APIObject(.apps)
public struct DeploymentCondition {
    public var type: String?
    public var status: String?
    public var lastUpdateTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}
