/// core/v1 PodSpec: the desired state of a pod — its containers, volumes, placement and
/// security. `ephemeralContainers` and other members not declared here survive in
/// `unknownFields`.
@APIObject(.core)
public struct PodSpec {
    @Patch(strategy: "merge,retainKeys", key: "name") @ListType("map", keys: ["name"])
    public var volumes: [Volume] = []
    @Patch(strategy: "merge", key: "name") @ListType("map", keys: ["name"])
    public var initContainers: [Container] = []
    @Patch(strategy: "merge", key: "name") @ListType("map", keys: ["name"])
    public var containers: [Container] = []
    /// One of `RestartPolicy`.
    public var restartPolicy: String?
    public var terminationGracePeriodSeconds: Int64?
    public var activeDeadlineSeconds: Int64?
    /// One of `DNSPolicy`.
    public var dnsPolicy: String?
    @MapType("atomic")
    public var nodeSelector: [String: String] = [:]
    public var serviceAccountName: String?
    /// Deprecated alias of `serviceAccountName`.
    public var serviceAccount: String?
    public var automountServiceAccountToken: Bool?
    public var nodeName: String?
    public var hostNetwork: Bool?
    public var hostPID: Bool?
    public var hostIPC: Bool?
    public var shareProcessNamespace: Bool?
    public var securityContext: PodSecurityContext?
    @Patch(strategy: "merge", key: "name") @ListType("map", keys: ["name"])
    public var imagePullSecrets: [LocalObjectReference] = []
    public var hostname: String?
    public var subdomain: String?
    public var affinity: Affinity?
    public var schedulerName: String?
    @ListType("atomic")
    public var tolerations: [Toleration] = []
    @Patch(strategy: "merge", key: "ip") @ListType("map", keys: ["ip"])
    public var hostAliases: [HostAlias] = []
    public var priorityClassName: String?
    public var priority: Int32?
    public var dnsConfig: PodDNSConfig?
    @ListType("atomic")
    public var readinessGates: [PodReadinessGate] = []
    public var runtimeClassName: String?
    public var enableServiceLinks: Bool?
    /// `PreemptLowerPriority` or `Never`.
    public var preemptionPolicy: String?
    public var overhead: [String: Quantity] = [:]
    @Patch(strategy: "merge", key: "topologyKey") @ListType("map", keys: ["topologyKey", "whenUnsatisfiable"])
    public var topologySpreadConstraints: [TopologySpreadConstraint] = []
    public var setHostnameAsFQDN: Bool?
    public var os: PodOS?
    public var hostUsers: Bool?
    @Patch(strategy: "merge", key: "name") @ListType("map", keys: ["name"])
    public var schedulingGates: [PodSchedulingGate] = []
    @Patch(strategy: "merge,retainKeys", key: "name") @ListType("map", keys: ["name"])
    public var resourceClaims: [PodResourceClaim] = []
    /// Pod-level resource requirements, shared by all containers.
    public var resources: ResourceRequirements?

    /// The values of `restartPolicy` (also a container's `restartPolicy`, where only
    /// `Always` is allowed, marking a sidecar init container).
    public enum RestartPolicy: String, Sendable, CaseIterable {
        case always = "Always"
        case onFailure = "OnFailure"
        case never = "Never"
    }

    /// The values of `dnsPolicy`.
    public enum DNSPolicy: String, Sendable, CaseIterable {
        case clusterFirst = "ClusterFirst"
        case clusterFirstWithHostNet = "ClusterFirstWithHostNet"
        case `default` = "Default"
        case none = "None"
    }
}

/// core/v1 PodDNSConfig: nameservers, search domains and resolver options merged into (or,
/// with dnsPolicy `None`, replacing) the ones the DNS policy generates.
@APIObject(.core)
public struct PodDNSConfig {
    @ListType("atomic")
    public var nameservers: [String] = []
    @ListType("atomic")
    public var searches: [String] = []
    @ListType("atomic")
    public var options: [PodDNSConfigOption] = []
}

/// core/v1 PodDNSConfigOption: one resolver option (`ndots:2`, `edns0`).
@APIObject(.core)
public struct PodDNSConfigOption {
    public var name: String?
    public var value: String?
}

/// core/v1 HostAlias: an extra `/etc/hosts` entry.
@APIObject(.core)
public struct HostAlias {
    public var ip: String = ""
    @ListType("atomic")
    public var hostnames: [String] = []
}

/// core/v1 PodReadinessGate: a pod condition that must be True for the pod to be Ready.
@APIObject(.core)
public struct PodReadinessGate {
    public var conditionType: String = ""
}

/// core/v1 PodOS: the operating system the pod's containers need (`linux`, `windows`).
@APIObject(.core)
public struct PodOS {
    public var name: String = ""
}

/// core/v1 PodSchedulingGate: while any gate is listed the scheduler leaves the pod alone.
@APIObject(.core)
public struct PodSchedulingGate {
    public var name: String = ""
}

/// core/v1 PodResourceClaim: a dynamic-resource claim a pod's containers may use.
@APIObject(.core)
public struct PodResourceClaim {
    public var name: String = ""
    public var resourceClaimName: String?
    public var resourceClaimTemplateName: String?
}
