/// core/v1 Node: a machine that runs pods, registered and kept current by its node agent.
@APIObject
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
@APIObject
public struct NodeSpec {
    public var podCIDR: String?
    public var podCIDRs: [String] = []
    public var providerID: String?
    public var unschedulable: Bool?
    public var taints: [Taint] = []
}
