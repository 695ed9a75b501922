/// core/v1 ResourceRequirements: a container's resource limits and requests (`cpu`,
/// `memory`, `ephemeral-storage`, extended resources) and the dynamic resource claims it uses.
@APIObject(.core)
public struct ResourceRequirements {
    public var limits: [String: Quantity] = [:]
    public var requests: [String: Quantity] = [:]
    @ListType("map", keys: ["name"])
    public var claims: [ResourceClaim] = []
}

/// core/v1 ResourceClaim: one of the pod's `resourceClaims` a container uses, by name.
@APIObject(.core)
public struct ResourceClaim {
    public var name: String = ""
    public var request: String?
}
