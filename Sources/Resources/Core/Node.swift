/// core/v1 Node: a machine that runs pods, registered and kept current by its node agent.
@APIObject(.core)
public struct Node: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Node", plural: "nodes", namespaced: false)

    public var apiVersion: String = "v1"
    public var kind: String = "Node"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: NodeSpec?
    public var status: NodeStatus?
}

/// core/v1 NodeSpec: a node's pod address ranges, provider identity, taints and cordon flag.
@APIObject(.core)
public struct NodeSpec {
    public var podCIDR: String?
    @Patch(strategy: "merge") @ListType("set")
    public var podCIDRs: [String] = []
    public var providerID: String?
    public var unschedulable: Bool?
    @ListType("atomic")
    public var taints: [Taint] = []
}
