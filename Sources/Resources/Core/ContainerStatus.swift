/// core/v1 ContainerStatus: the observed state of one container of a pod.
@APIObject(.core)
public struct ContainerStatus {
    public var name: String = ""
    public var state: ContainerState?
    public var lastState: ContainerState?
    public var ready: Bool = false
    public var restartCount: Int32 = 0
    public var image: String = ""
    public var imageID: String = ""
    public var containerID: String?
    public var started: Bool?
    public var allocatedResources: [String: Quantity] = [:]
    public var resources: ResourceRequirements?
    @Patch(strategy: "merge", key: "mountPath") @ListType("map", keys: ["mountPath"])
    public var volumeMounts: [VolumeMountStatus] = []
}

/// core/v1 ContainerState: a container's state — exactly one of waiting, running, terminated.
@APIObject(.core)
public struct ContainerState {
    public var waiting: ContainerStateWaiting?
    public var running: ContainerStateRunning?
    public var terminated: ContainerStateTerminated?
}

/// core/v1 ContainerStateWaiting: not yet running (`ContainerCreating`, `CrashLoopBackOff`, …).
@APIObject(.core)
public struct ContainerStateWaiting {
    public var reason: String?
    public var message: String?
}

/// core/v1 ContainerStateRunning: running since `startedAt`.
@APIObject(.core)
public struct ContainerStateRunning {
    public var startedAt: Time?
}

/// core/v1 ContainerStateTerminated: exited, with its exit code and why.
@APIObject(.core)
public struct ContainerStateTerminated {
    public var exitCode: Int32 = 0
    public var signal: Int32?
    public var reason: String?
    public var message: String?
    public var startedAt: Time?
    public var finishedAt: Time?
    public var containerID: String?
}

/// core/v1 VolumeMountStatus: how a volume is actually mounted in a running container.
@APIObject(.core)
public struct VolumeMountStatus {
    public var name: String = ""
    public var mountPath: String = ""
    public var readOnly: Bool?
    public var recursiveReadOnly: String?
}
