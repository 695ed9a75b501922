/// core/v1 Service: a stable virtual IP and DNS name in front of the pods its selector
/// matches (or an external name).
@APIObject(.core)
public struct Service: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Service", plural: "services", namespaced: true)

    public var apiVersion: String = "v1"
    public var kind: String = "Service"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: ServiceSpec?
    public var status: ServiceStatus?
}

/// core/v1 ServiceSpec: how a service is exposed and which pods back it.
@APIObject(.core)
public struct ServiceSpec {
    @Patch(strategy: "merge", key: "port") @ListType("map", keys: ["port", "protocol"])
    public var ports: [ServicePort] = []
    @MapType("atomic")
    public var selector: [String: String] = [:]
    /// An IP, `None` for a headless service, or empty to allocate one.
    public var clusterIP: String?
    @ListType("atomic")
    public var clusterIPs: [String] = []
    /// One of `ServiceType`.
    public var type: String?
    @ListType("atomic")
    public var externalIPs: [String] = []
    /// `None` or `ClientIP`.
    public var sessionAffinity: String?
    public var loadBalancerIP: String?
    @ListType("atomic")
    public var loadBalancerSourceRanges: [String] = []
    public var externalName: String?
    /// `Cluster` or `Local`.
    public var externalTrafficPolicy: String?
    public var healthCheckNodePort: Int32?
    public var publishNotReadyAddresses: Bool?
    public var sessionAffinityConfig: SessionAffinityConfig?
    /// `IPv4`, `IPv6`.
    @ListType("atomic")
    public var ipFamilies: [String] = []
    /// `SingleStack`, `PreferDualStack` or `RequireDualStack`.
    public var ipFamilyPolicy: String?
    public var allocateLoadBalancerNodePorts: Bool?
    public var loadBalancerClass: String?
    /// `Cluster` or `Local`.
    public var internalTrafficPolicy: String?
    public var trafficDistribution: String?

    /// The values of `type`.
    public enum ServiceType: String, Sendable, CaseIterable {
        case clusterIP = "ClusterIP"
        case nodePort = "NodePort"
        case loadBalancer = "LoadBalancer"
        case externalName = "ExternalName"
    }
}

/// core/v1 ServicePort: one port a service exposes and the pod port it forwards to.
@APIObject(.core)
public struct ServicePort {
    public var name: String?
    /// `TCP` (the default), `UDP` or `SCTP`.
    public var `protocol`: String?
    public var appProtocol: String?
    public var port: Int32 = 0
    /// A port number on the pods, or the name of a container port.
    public var targetPort: IntOrString?
    public var nodePort: Int32?
}

/// core/v1 SessionAffinityConfig: settings of `ClientIP` session affinity.
@APIObject(.core)
public struct SessionAffinityConfig {
    public var clientIP: ClientIPConfig?
}

/// core/v1 ClientIPConfig: how long a client sticks to one endpoint.
@APIObject(.core)
public struct ClientIPConfig {
    public var timeoutSeconds: Int32?
}

/// core/v1 ServiceStatus: the load balancer provisioned for a service, and its conditions.
@APIObject(.core)
public struct ServiceStatus {
    public var loadBalancer: LoadBalancerStatus?
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [Condition] = []
}
