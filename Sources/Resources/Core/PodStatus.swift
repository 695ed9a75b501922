/// core/v1 PodStatus: what the node agent and the scheduler last observed about a pod.
@APIObject(.core)
public struct PodStatus {
    public var observedGeneration: Int64?
    /// One of `Phase`.
    public var phase: String?
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [PodCondition] = []
    public var message: String?
    public var reason: String?
    public var nominatedNodeName: String?
    public var hostIP: String?
    @Patch(strategy: "merge", key: "ip") @ListType("atomic")
    public var hostIPs: [HostIP] = []
    public var podIP: String?
    @Patch(strategy: "merge", key: "ip") @ListType("map", keys: ["ip"])
    public var podIPs: [PodIP] = []
    public var startTime: Time?
    @ListType("atomic")
    public var initContainerStatuses: [ContainerStatus] = []
    @ListType("atomic")
    public var containerStatuses: [ContainerStatus] = []
    /// `Guaranteed`, `Burstable` or `BestEffort`.
    public var qosClass: String?
    @ListType("atomic")
    public var ephemeralContainerStatuses: [ContainerStatus] = []
    public var resize: String?

    /// The values of `phase`.
    public enum Phase: String, Sendable, CaseIterable {
        case pending = "Pending"
        case running = "Running"
        case succeeded = "Succeeded"
        case failed = "Failed"
        case unknown = "Unknown"
    }
}

/// core/v1 PodCondition: one condition of a pod (`PodScheduled`, `Initialized`,
/// `ContainersReady`, `Ready`, …).
@APIObject(.core)
public struct PodCondition {
    public var type: String = ""
    public var observedGeneration: Int64?
    /// `True`, `False` or `Unknown`.
    public var status: String = ""
    public var lastProbeTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}

/// core/v1 PodIP: one IP address of a pod (one per address family).
@APIObject(.core)
public struct PodIP {
    public var ip: String = ""
}

/// core/v1 HostIP: one IP address of the node a pod runs on.
@APIObject(.core)
public struct HostIP {
    public var ip: String = ""
}
