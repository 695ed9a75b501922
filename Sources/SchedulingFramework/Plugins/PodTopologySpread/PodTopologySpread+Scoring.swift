import Foundation // log, for the topology weights
import Resources

extension PodTopologySpread {
    /// What PreScore counted for Score: per ScheduleAnyway constraint, the matching pods in
    /// each domain of a feasible node (by hostname, counted on the node itself in Score), and
    /// the constraint's weight. No constraints when the pod has none: every node scores 0.
    struct ScoreState: Sendable {
        var constraints: [SpreadConstraint] = []
        /// Feasible nodes lacking one of the constraints' keys: they score 0.
        var ignoredNodes: Set<String> = []
        var domainCounts: [[String: Int]] = []
        var topologyWeights: [Double] = []
    }

    /// The raw score of an ignored node, told apart in `normalize` (upstream's invalidScore).
    static let ignoredScore: Int64 = -1

    public func preScore(_ pod: Pod, nodes: [NodeInfo], state: inout CycleState) {
        guard pod.spec?.topologySpreadConstraints.isEmpty == false,
              let constraints = try? SpreadConstraint.constraints(of: pod, SpreadConstraint.scheduleAnyway),
              !constraints.isEmpty else {
            state.skipScore(name)
            return
        }
        var scoreState = ScoreState(constraints: constraints, domainCounts: Array(repeating: [:], count: constraints.count))
        for node in nodes {
            let labels = node.node.metadata.labels ?? [:]
            guard SpreadConstraint.allKeys(of: constraints, in: labels) else {
                scoreState.ignoredNodes.insert(node.name)
                continue
            }
            // Each feasible node's domains start at 0; by hostname, Score counts the node itself.
            for (index, constraint) in constraints.enumerated() where constraint.topologyKey != SpreadConstraint.hostnameKey {
                let value = labels[constraint.topologyKey] ?? ""
                if scoreState.domainCounts[index][value] == nil { scoreState.domainCounts[index][value] = 0 }
            }
        }
        scoreState.topologyWeights = constraints.indices.map { index in
            let domains = constraints[index].topologyKey == SpreadConstraint.hostnameKey
                ? nodes.count - scoreState.ignoredNodes.count : scoreState.domainCounts[index].count
            return log(Double(domains + 2))
        }
        let namespace = pod.metadata.namespace ?? ""
        for node in state[Self.nodesKey, as: [NodeInfo].self] ?? nodes {
            let labels = node.node.metadata.labels ?? [:]
            guard SpreadConstraint.allKeys(of: constraints, in: labels) else { continue }
            for (index, constraint) in constraints.enumerated() where constraint.includes(node.node, for: pod) {
                // Only domains of feasible nodes are worth counting.
                let value = labels[constraint.topologyKey] ?? ""
                guard scoreState.domainCounts[index][value] != nil else { continue }
                scoreState.domainCounts[index][value]! += constraint.countMatching(node.pods, namespace: namespace)
            }
        }
        state[Self.scoreStateKey] = scoreState
    }

    /// Per constraint, the matching pods in the node's domain times the constraint's weight,
    /// plus maxSkew − 1 (which waters down small differences), summed and rounded.
    public func score(_ pod: Pod, node: NodeInfo, state: CycleState) -> Int64 {
        guard let scoreState = state[Self.scoreStateKey, as: ScoreState.self] else { return 0 }
        if scoreState.ignoredNodes.contains(node.name) { return Self.ignoredScore }
        let labels = node.node.metadata.labels ?? [:]
        var score = 0.0
        for (index, constraint) in scoreState.constraints.enumerated() {
            guard let value = labels[constraint.topologyKey] else { continue }
            let count = constraint.topologyKey == SpreadConstraint.hostnameKey
                ? constraint.countMatching(node.pods, namespace: pod.metadata.namespace ?? "")
                : scoreState.domainCounts[index][value] ?? 0
            score += Double(count) * scoreState.topologyWeights[index] + Double(constraint.maxSkew - 1)
        }
        return Int64(score.rounded())
    }

    /// Reversed, as upstream: `100 × (max + min − score) / max`, so the fewest matching pods
    /// rank highest; 100 for all when the highest is 0; ignored nodes 0.
    public func normalize(_ scores: inout [Int64], pod: Pod, state: CycleState) {
        guard state[Self.scoreStateKey, as: ScoreState.self] != nil else { return }
        let counted = scores.filter { $0 != Self.ignoredScore }
        let lowest = counted.min() ?? 0, highest = counted.max() ?? 0
        scores = scores.map { score in
            if score == Self.ignoredScore { return 0 }
            return highest == 0 ? maxNodeScore : maxNodeScore * (highest + lowest - score) / highest
        }
    }
}
