import Resources

/// The NodeAffinity plugin (named apart from the API type). Filter: the node matches the pod's nodeSelector and required node affinity.
/// Score: the summed weights of the preferred terms the node matches, normalized.
public struct NodeAffinityPlugin: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public let name = "NodeAffinity"
    public static let reason = "node(s) didn't match Pod's node affinity/selector"

    public init() {}

    /// A pod with no nodeSelector and no required node affinity fits every node.
    public func preFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState) -> PreFilterResult {
        let spec = pod.spec ?? PodSpec()
        if spec.nodeSelector.isEmpty, spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution == nil {
            state.skipFilter(name)
        }
        return PreFilterResult()
    }

    /// A pod preferring no nodes ranks them all alike.
    public func preScore(_ pod: Pod, nodes: [NodeInfo], state: inout CycleState) {
        if pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution.isEmpty ?? true { state.skipScore(name) }
    }

    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        (pod.spec ?? PodSpec()).nodeSelectionMatches(node.node) ? .success : .unresolvable(Self.reason)
    }

    public func score(_ pod: Pod, node: NodeInfo, state: CycleState) -> Int64 {
        let labels = node.node.metadata.labels ?? [:]
        let fields = ["metadata.name": node.name]
        return (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).reduce(0) { total, term in
            guard let preference = term.preference, preference.matches(labels: labels, fields: fields) else { return total }
            return total + Int64(term.weight)
        }
    }

    public func normalize(_ scores: inout [Int64], pod: Pod, state: CycleState) {
        normalizeToMax(&scores, reverse: false)
    }
}
