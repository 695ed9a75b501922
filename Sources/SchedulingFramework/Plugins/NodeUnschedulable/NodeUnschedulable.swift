import Resources

/// A cordoned node (`spec.unschedulable`) takes only pods that tolerate
/// `node.kubernetes.io/unschedulable:NoSchedule`.
public struct NodeUnschedulable: FilterPlugin {
    public let name = "NodeUnschedulable"
    public static let reason = "node(s) were unschedulable"

    public init() {}

    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        guard node.node.spec?.unschedulable == true else { return .success }
        let taint = Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")
        if (pod.spec?.tolerations ?? []).contains(where: { $0.tolerates(taint) }) { return .success }
        return .unresolvable(Self.reason)
    }
}
