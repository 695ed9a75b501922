/// core/v1 NodeStatus: what a node agent reports about its node — resources, conditions,
/// addresses, software versions and cached images.
@APIObject(.core)
public struct NodeStatus {
    public var capacity: [String: Quantity] = [:]
    public var allocatable: [String: Quantity] = [:]
    /// Deprecated; `Pending`, `Running` or `Terminated`.
    public var phase: String?
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [NodeCondition] = []
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var addresses: [NodeAddress] = []
    public var daemonEndpoints: NodeDaemonEndpoints?
    public var nodeInfo: NodeSystemInfo?
    @ListType("atomic")
    public var images: [ContainerImage] = []
    @ListType("atomic")
    public var volumesInUse: [String] = []
    @ListType("atomic")
    public var volumesAttached: [AttachedVolume] = []
}

/// core/v1 NodeCondition: one condition of a node (`Ready`, `MemoryPressure`, `DiskPressure`,
/// `PIDPressure`, `NetworkUnavailable`).
@APIObject(.core)
public struct NodeCondition {
    public var type: String = ""
    public var status: String = ""
    public var lastHeartbeatTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}

/// core/v1 NodeAddress: one address of a node (`InternalIP`, `ExternalIP`, `Hostname`, …).
@APIObject(.core)
public struct NodeAddress {
    public var type: String = ""
    public var address: String = ""
}

/// core/v1 NodeDaemonEndpoints: the ports of daemons on the node.
@APIObject(.core)
public struct NodeDaemonEndpoints {
    public var kubeletEndpoint: DaemonEndpoint?
}

/// core/v1 DaemonEndpoint: one daemon's port.
@APIObject(.core)
public struct DaemonEndpoint {
    /// Kubernetes spells this member `Port`, capitalised; the Swift name follows Swift casing.
    @JSONKey("Port") public var port: Int32 = 0
}

/// core/v1 NodeSystemInfo: identifiers and software versions of a node.
@APIObject(.core)
public struct NodeSystemInfo {
    public var machineID: String = ""
    public var systemUUID: String = ""
    public var bootID: String = ""
    public var kernelVersion: String = ""
    public var osImage: String = ""
    public var containerRuntimeVersion: String = ""
    public var kubeletVersion: String = ""
    public var kubeProxyVersion: String = ""
    public var operatingSystem: String = ""
    public var architecture: String = ""
}

/// core/v1 ContainerImage: an image present on a node, by its names, and its size.
@APIObject(.core)
public struct ContainerImage {
    @ListType("atomic")
    public var names: [String] = []
    public var sizeBytes: Int64?
}

/// core/v1 AttachedVolume: a volume attached to a node, and its device path.
@APIObject(.core)
public struct AttachedVolume {
    public var name: String = ""
    public var devicePath: String = ""
}
