import Resources

/// A pod that names its node (`spec.nodeName`) fits only that node.
public struct NodeName: FilterPlugin {
    public let name = "NodeName"
    public static let reason = "node(s) didn't match the requested node name"

    public init() {}

    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        guard let wanted = pod.spec?.nodeName, !wanted.isEmpty, wanted != node.name else { return .success }
        return .unresolvable(Self.reason)
    }
}
