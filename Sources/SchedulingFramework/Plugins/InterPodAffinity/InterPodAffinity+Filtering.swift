import Resources

extension InterPodAffinity {
    /// What PreFilter counted per domain for Filter. Empty (no terms, no counts) when neither
    /// the pod nor any placed pod has required terms: Filter then passes every node at once.
    struct FilterState: Sendable {
        var affinityTerms: [AffinityTerm] = []
        var antiAffinityTerms: [AffinityTerm] = []
        /// Placed pods matching all of `affinityTerms`, per domain of each term.
        var affinityCounts: [TopologyPair: Int] = [:]
        /// Placed pods matching each of `antiAffinityTerms`, per domain of the term.
        var antiAffinityCounts: [TopologyPair: Int] = [:]
        /// Placed pods' required anti-affinity terms that match the incoming pod, per domain.
        var existingAntiAffinityCounts: [TopologyPair: Int] = [:]
        /// The pod matches all of its own `affinityTerms`.
        var podMatchesOwnAffinity = false

        var hasWork: Bool { !affinityTerms.isEmpty || !antiAffinityTerms.isEmpty || !existingAntiAffinityCounts.isEmpty }
    }

    /// Parses the pod's terms (refusing the pod when one is invalid, as upstream) and counts,
    /// over every node, the placed pods in each domain that the required terms care about.
    public func preFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState) -> PreFilterResult {
        state[Self.nodesKey] = snapshot.nodes
        var filterState = FilterState()
        do {
            filterState.affinityTerms = try AffinityTerm.terms(.requiredAffinity, of: pod)
            filterState.antiAffinityTerms = try AffinityTerm.terms(.requiredAntiAffinity, of: pod)
            // Parsed here only to refuse a pod whose preferred terms are invalid; PreScore reads them again.
            _ = try AffinityTerm.terms(.preferredAffinity, of: pod)
            _ = try AffinityTerm.terms(.preferredAntiAffinity, of: pod)
        } catch {
            return PreFilterResult(.unresolvable("parsing pod: \(error)"))
        }
        let podHasTerms = !filterState.affinityTerms.isEmpty || !filterState.antiAffinityTerms.isEmpty
        let anyPlacedAntiAffinity = snapshot.nodes.contains { !$0.podsWithRequiredAntiAffinity.isEmpty }
        guard podHasTerms || anyPlacedAntiAffinity else {
            state[Self.filterStateKey] = filterState
            state.skipFilter(name)
            return PreFilterResult()
        }
        for node in snapshot.nodes {
            let labels = node.node.metadata.labels ?? [:]
            for placed in node.podsWithRequiredAntiAffinity {
                for term in node.affinityTerms(.requiredAntiAffinity, of: placed) where term.matches(pod) {
                    Self.count(term, on: labels, into: &filterState.existingAntiAffinityCounts)
                }
            }
            guard podHasTerms else { continue }
            for placed in node.pods {
                if Self.matchesAll(filterState.affinityTerms, placed) {
                    for term in filterState.affinityTerms { Self.count(term, on: labels, into: &filterState.affinityCounts) }
                }
                for term in filterState.antiAffinityTerms where term.matches(placed) {
                    Self.count(term, on: labels, into: &filterState.antiAffinityCounts)
                }
            }
        }
        filterState.podMatchesOwnAffinity = Self.matchesAll(filterState.affinityTerms, pod)
        state[Self.filterStateKey] = filterState
        return PreFilterResult()
    }

    /// Affinity first (unresolvable: no placement of other pods will change a missing
    /// topology label), then the pod's anti-affinity, then placed pods' anti-affinity.
    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        guard let filterState = state[Self.filterStateKey, as: FilterState.self] else {
            return PluginStatus(.error, ["\(Self.name): PreFilter did not run"])
        }
        guard filterState.hasWork else { return .success }
        let labels = node.node.metadata.labels ?? [:]
        if !Self.satisfiesAffinity(filterState, labels) { return .unresolvable(Self.affinityReason) }
        if !Self.satisfiesAntiAffinity(filterState, labels) { return .unschedulable(Self.antiAffinityReason) }
        if !Self.satisfiesPlacedAntiAffinity(filterState, labels) { return .unschedulable(Self.existingAntiAffinityReason) }
        return .success
    }

    /// Every required affinity term's topology key is on the node and its domain holds a
    /// matching pod — or, when no pod anywhere matches the terms and the pod matches them
    /// itself, the keys alone suffice, so that the first pod of a self-affine group can land.
    static func satisfiesAffinity(_ state: FilterState, _ labels: [String: String]) -> Bool {
        var podsExist = true
        for term in state.affinityTerms {
            guard let value = labels[term.topologyKey] else { return false }
            if state.affinityCounts[TopologyPair(key: term.topologyKey, value: value), default: 0] <= 0 { podsExist = false }
        }
        return podsExist || (state.affinityCounts.isEmpty && state.podMatchesOwnAffinity)
    }

    /// No domain of the node holds a pod matching one of the pod's required anti-affinity
    /// terms; a node without a term's key is outside that term.
    static func satisfiesAntiAffinity(_ state: FilterState, _ labels: [String: String]) -> Bool {
        guard !state.antiAffinityCounts.isEmpty else { return true }
        return state.antiAffinityTerms.allSatisfy { term in
            guard let value = labels[term.topologyKey] else { return true }
            return state.antiAffinityCounts[TopologyPair(key: term.topologyKey, value: value), default: 0] <= 0
        }
    }

    /// No domain of the node holds a placed pod whose required anti-affinity term matches the pod.
    static func satisfiesPlacedAntiAffinity(_ state: FilterState, _ labels: [String: String]) -> Bool {
        guard !state.existingAntiAffinityCounts.isEmpty else { return true }
        return labels.allSatisfy { key, value in
            state.existingAntiAffinityCounts[TopologyPair(key: key, value: value), default: 0] <= 0
        }
    }

    /// Whether `pod` matches every one of `terms` (false for none, as upstream).
    static func matchesAll(_ terms: [AffinityTerm], _ pod: Pod) -> Bool {
        !terms.isEmpty && terms.allSatisfy { $0.matches(pod) }
    }

    /// Adds one to the domain of `term` on a node with `labels`, if the node has the key.
    static func count(_ term: AffinityTerm, on labels: [String: String], into counts: inout [TopologyPair: Int]) {
        guard let value = labels[term.topologyKey] else { return }
        counts[TopologyPair(key: term.topologyKey, value: value), default: 0] += 1
    }
}
