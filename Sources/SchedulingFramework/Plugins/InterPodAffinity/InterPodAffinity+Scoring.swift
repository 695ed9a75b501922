import Resources

extension InterPodAffinity {
    /// What PreScore summed: per topology key, per value, the weight a node in that domain
    /// gets. Empty when nothing is preferred by or of the pod: every node then scores 0.
    struct ScoreState: Sendable {
        var domainScores: [String: [String: Int64]] = [:]
    }

    /// Sums the weights per domain over every node of the snapshot: all placed pods when the
    /// pod has preferred terms, otherwise only the placed pods with pod affinity of their own.
    public func preScore(_ pod: Pod, nodes: [NodeInfo], state: inout CycleState) {
        let allNodes = state[Self.nodesKey, as: [NodeInfo].self] ?? nodes
        // PreFilter refused the pod if these did not parse.
        let preferredAffinity = AffinityTerm.placedTerms(.preferredAffinity, of: pod)
        let preferredAntiAffinity = AffinityTerm.placedTerms(.preferredAntiAffinity, of: pod)
        let podPrefers = !preferredAffinity.isEmpty || !preferredAntiAffinity.isEmpty
        guard podPrefers || allNodes.contains(where: { !$0.podsWithAffinity.isEmpty }) else {
            // Nothing is preferred by or of the pod: every node would score 0.
            state.skipScore(name)
            return
        }
        var scoreState = ScoreState()
        for node in allNodes {
            let labels = node.node.metadata.labels ?? [:]
            guard !labels.isEmpty else { continue }
            for placed in podPrefers ? node.pods : node.podsWithAffinity {
                for term in preferredAffinity where term.matches(placed) {
                    scoreState.add(term.weight, for: term, on: labels)
                }
                for term in preferredAntiAffinity where term.matches(placed) {
                    scoreState.add(-term.weight, for: term, on: labels)
                }
                guard placed.spec?.affinity?.podAffinity != nil || placed.spec?.affinity?.podAntiAffinity != nil else { continue }
                if hardPodAffinityWeight > 0 {
                    for term in node.affinityTerms(.requiredAffinity, of: placed) where term.matches(pod) {
                        scoreState.add(hardPodAffinityWeight, for: term, on: labels)
                    }
                }
                for term in node.affinityTerms(.preferredAffinity, of: placed) where term.matches(pod) {
                    scoreState.add(term.weight, for: term, on: labels)
                }
                for term in node.affinityTerms(.preferredAntiAffinity, of: placed) where term.matches(pod) {
                    scoreState.add(-term.weight, for: term, on: labels)
                }
            }
        }
        state[Self.scoreStateKey] = scoreState
    }

    /// The summed weights of the node's domains.
    public func score(_ pod: Pod, node: NodeInfo, state: CycleState) -> Int64 {
        guard let scoreState = state[Self.scoreStateKey, as: ScoreState.self] else { return 0 }
        let labels = node.node.metadata.labels ?? [:]
        var total: Int64 = 0
        for (key, values) in scoreState.domainScores {
            if let value = labels[key] { total += values[value] ?? 0 }
        }
        return total
    }

    /// Min–max into 0…100 as upstream: `100 × (score − min) / (max − min)`, truncated; all 0
    /// when every node scores the same.
    public func normalize(_ scores: inout [Int64], pod: Pod, state: CycleState) {
        guard let scoreState = state[Self.scoreStateKey, as: ScoreState.self], !scoreState.domainScores.isEmpty,
              let lowest = scores.min(), let highest = scores.max() else { return }
        let spread = highest - lowest
        scores = scores.map { score in
            spread > 0 ? Int64(Double(maxNodeScore) * (Double(score - lowest) / Double(spread))) : 0
        }
    }
}

extension InterPodAffinity.ScoreState {
    /// Adds `weight` to the domain of `term` on a node with `labels`, if the node has the key.
    mutating func add(_ weight: Int64, for term: AffinityTerm, on labels: [String: String]) {
        guard let value = labels[term.topologyKey] else { return }
        domainScores[term.topologyKey, default: [:]][value, default: 0] += weight
    }
}
