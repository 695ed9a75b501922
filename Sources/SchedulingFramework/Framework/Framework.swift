import Resources

/// One scheduling profile: the plugins at each extension point, and the score weights.
/// `schedule` runs a pod through them against a snapshot: PreFilter, Filter on every
/// candidate node, PreScore and Score on the feasible ones (each plugin's scores normalized
/// and weighted), and picks the highest total — the first node in snapshot order among
/// equals, so that a run is reproducible.
public struct Framework: Sendable {
    public var profileName: String
    public var preFilters: [any PreFilterPlugin]
    public var filters: [any FilterPlugin]
    public var preScores: [any PreScorePlugin]
    public var scores: [(plugin: any ScorePlugin, weight: Int64)]

    public init(profileName: String, preFilters: [any PreFilterPlugin] = [], filters: [any FilterPlugin] = [],
                preScores: [any PreScorePlugin] = [], scores: [(plugin: any ScorePlugin, weight: Int64)] = []) {
        self.profileName = profileName
        self.preFilters = preFilters
        self.filters = filters
        self.preScores = preScores
        self.scores = scores
    }

    /// A placement, or why there is none.
    public enum Outcome: Sendable {
        case node(String, score: Int64)
        case unschedulable(FitError)
    }

    public func schedule(_ pod: Pod, snapshot: Snapshot) -> Outcome {
        var state = CycleState()
        var candidates: Set<String>?
        for plugin in preFilters {
            let result = plugin.preFilter(pod, snapshot: snapshot, state: &state)
            guard result.status.isSuccess else {
                var status = result.status
                status.plugin = plugin.name
                return .unschedulable(FitError(nodeCount: snapshot.nodes.count, preFilter: status))
            }
            if let names = result.nodeNames { candidates = candidates.map { $0.intersection(names) } ?? names }
        }
        var feasible: [NodeInfo] = []
        var refusals: [String: PluginStatus] = [:]
        for node in snapshot.nodes {
            if let candidates, !candidates.contains(node.name) {
                refusals[node.name] = PluginStatus(.unresolvable, ["node(s) didn't satisfy plugin(s) [PreFilter]"])
                continue
            }
            if let refusal = firstRefusal(pod, node: node, state: state) {
                refusals[node.name] = refusal
            } else {
                feasible.append(node)
            }
        }
        guard !feasible.isEmpty else {
            return .unschedulable(FitError(nodeCount: snapshot.nodes.count, refusals: refusals))
        }
        if feasible.count == 1 { return .node(feasible[0].name, score: 0) }
        for plugin in preScores { plugin.preScore(pod, nodes: feasible, state: &state) }
        let totals = totalScores(pod, nodes: feasible, state: state)
        var best = 0
        for index in totals.indices where totals[index] > totals[best] { best = index }
        return .node(feasible[best].name, score: totals[best])
    }

    /// The first filter that refuses the pod on `node`, if any.
    public func firstRefusal(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus? {
        for plugin in filters {
            var status = plugin.filter(pod, node: node, state: state)
            if !status.isSuccess {
                status.plugin = plugin.name
                return status
            }
        }
        return nil
    }

    /// Each node's weighted sum of normalized plugin scores.
    public func totalScores(_ pod: Pod, nodes: [NodeInfo], state: CycleState) -> [Int64] {
        var totals = [Int64](repeating: 0, count: nodes.count)
        for (plugin, weight) in scores {
            var pluginScores = nodes.map { plugin.score(pod, node: $0, state: state) }
            plugin.normalize(&pluginScores, pod: pod, state: state)
            for index in totals.indices { totals[index] += pluginScores[index] * weight }
        }
        return totals
    }
}

/// Why no node fits: upstream's FitError, whose message is the FailedScheduling event,
/// e.g. `0/5 nodes are available: 3 Insufficient cpu, 2 node(s) had untolerated taint {…}.`
public struct FitError: Sendable, Error {
    public var nodeCount: Int
    /// Per node, the filter that refused it.
    public var refusals: [String: PluginStatus] = [:]
    /// Set when a PreFilter refused the pod before any node was looked at.
    public var preFilter: PluginStatus?

    public var message: String {
        if let preFilter {
            return "0/\(nodeCount) nodes are available: \(preFilter.reasons.joined(separator: ", ")). "
                + "preemption: 0/\(nodeCount) nodes are available: \(nodeCount) Preemption is not helpful for scheduling."
        }
        var counts: [String: Int] = [:]
        for status in refusals.values {
            for reason in status.reasons { counts[reason, default: 0] += 1 }
        }
        // Upstream sorts the "COUNT REASON" strings themselves.
        let parts = counts.map { "\($0.value) \($0.key)" }.sorted()
        return "0/\(nodeCount) nodes are available: \(parts.joined(separator: ", "))."
    }
}
