/// core/v1 Lifecycle: actions the node agent runs right after a container starts and
/// right before it is stopped.
@APIObject(.core)
public struct Lifecycle {
    public var postStart: LifecycleHandler?
    public var preStop: LifecycleHandler?
    public var stopSignal: String?
}

/// core/v1 LifecycleHandler: one lifecycle hook action (exactly one member).
@APIObject(.core)
public struct LifecycleHandler {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var sleep: SleepAction?
}

/// core/v1 SleepAction: pause for a number of seconds.
@APIObject(.core)
public struct SleepAction {
    public var seconds: Int64 = 0
}
