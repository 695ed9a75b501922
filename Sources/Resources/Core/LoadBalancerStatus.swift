/// core/v1 LoadBalancerStatus: the ingress points of a load balancer.
@APIObject
public struct LoadBalancerStatus {
    public var ingress: [LoadBalancerIngress] = []
}

/// core/v1 LoadBalancerIngress: one address traffic for a load balancer arrives at.
@APIObject
public struct LoadBalancerIngress {
    public var ip: String?
    public var hostname: String?
    /// `VIP` or `Proxy`.
    public var ipMode: String?
    public var ports: [PortStatus] = []
}

/// core/v1 PortStatus: the state of one port of a load balancer ingress.
@APIObject
public struct PortStatus {
    public var port: Int32 = 0
    public var `protocol`: String = ""
    public var error: String?
}
