/// core/v1 Probe: a periodic health check of a container (exec, HTTP GET, TCP connect or
/// gRPC health) and its timing thresholds.
@APIObject(.core)
public struct Probe {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var grpc: GRPCAction?
    public var initialDelaySeconds: Int32?
    public var timeoutSeconds: Int32?
    public var periodSeconds: Int32?
    public var successThreshold: Int32?
    public var failureThreshold: Int32?
    public var terminationGracePeriodSeconds: Int64?
}

/// core/v1 ExecAction: a command run inside the container; exit status 0 is success.
@APIObject(.core)
public struct ExecAction {
    @ListType("atomic")
    public var command: [String] = []
}

/// core/v1 HTTPGetAction: an HTTP GET against the pod; a 2xx or 3xx status is success.
@APIObject(.core)
public struct HTTPGetAction {
    public var path: String?
    /// A port number or the name of a container port.
    public var port: IntOrString?
    /// Defaults to the pod IP.
    public var host: String?
    /// `HTTP` (the default) or `HTTPS`.
    public var scheme: String?
    @ListType("atomic")
    public var httpHeaders: [HTTPHeader] = []
}

/// core/v1 HTTPHeader: one request header of an `HTTPGetAction`.
@APIObject(.core)
public struct HTTPHeader {
    public var name: String = ""
    public var value: String = ""
}

/// core/v1 TCPSocketAction: a TCP connect to the pod; an established connection is success.
@APIObject(.core)
public struct TCPSocketAction {
    public var port: IntOrString?
    public var host: String?
}

/// core/v1 GRPCAction: a call to the gRPC health-checking protocol on `port`.
@APIObject(.core)
public struct GRPCAction {
    public var port: Int32 = 0
    public var service: String?
}
