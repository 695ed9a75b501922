/// core/v1 LoadBalancerStatus: the ingress points of a load balancer.
@APIObject(.core)
public struct LoadBalancerStatus {
    @ListType("atomic")
    public var ingress: [LoadBalancerIngress] = []
}

/// core/v1 LoadBalancerIngress: one address traffic for a load balancer arrives at.
@APIObject(.core)
public struct LoadBalancerIngress {
    public var ip: String?
    public var hostname: String?
    /// `VIP` or `Proxy`.
    public var ipMode: String?
    @ListType("atomic")
    public var ports: [PortStatus] = []
}

/// core/v1 PortStatus: the state of one port of a load balancer ingress.
@APIObject(.core)
public struct PortStatus {
    public var port: Int32 = 0
    public var `protocol`: String = ""
    public var error: String?
}
