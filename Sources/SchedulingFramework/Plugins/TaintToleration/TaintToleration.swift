import Resources

/// Filter: every NoSchedule and NoExecute taint of the node must be tolerated.
/// Score: fewer untolerated PreferNoSchedule taints rank higher.
public struct TaintToleration: FilterPlugin, ScorePlugin {
    public let name = "TaintToleration"

    public init() {}

    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        let tolerations = pod.spec?.tolerations ?? []
        for taint in node.node.spec?.taints ?? [] where taint.effect == "NoSchedule" || taint.effect == "NoExecute" {
            if !tolerations.contains(where: { $0.tolerates(taint) }) {
                return .unresolvable("node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}")
            }
        }
        return .success
    }

    public func score(_ pod: Pod, node: NodeInfo, state: CycleState) -> Int64 {
        let tolerations = (pod.spec?.tolerations ?? []).filter { ($0.effect ?? "").isEmpty || $0.effect == "PreferNoSchedule" }
        return Int64((node.node.spec?.taints ?? []).filter { taint in
            taint.effect == "PreferNoSchedule" && !tolerations.contains { $0.tolerates(taint) }
        }.count)
    }

    public func normalize(_ scores: inout [Int64], pod: Pod, state: CycleState) {
        normalizeToMax(&scores, reverse: true)
    }
}
