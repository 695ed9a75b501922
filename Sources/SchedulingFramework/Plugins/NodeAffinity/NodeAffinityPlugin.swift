import Resources

/// The NodeAffinity plugin (named apart from the API type). Filter: the node matches the pod's nodeSelector and required node affinity.
/// Score: the summed weights of the preferred terms the node matches, normalized.
public struct NodeAffinityPlugin: FilterPlugin, ScorePlugin {
    public let name = "NodeAffinity"
    public static let reason = "node(s) didn't match Pod's node affinity/selector"

    public init() {}

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
