import Resources

extension PodTopologySpread {
    /// What PreFilter counted for Filter: per DoNotSchedule constraint, the matching pods in
    /// each eligible domain. No constraints when the pod has none: Filter passes every node.
    struct FilterState: Sendable {
        var constraints: [SpreadConstraint] = []
        var domainCounts: [[String: Int]] = []
        /// Per constraint, the fewest matching pods in any domain (the "global minimum").
        var minimums: [Int] = []
    }

    /// Counts, over every node that has all the constraints' keys and is eligible for a
    /// constraint, the matching pods per domain.
    public func preFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState) -> PreFilterResult {
        guard pod.spec?.topologySpreadConstraints.isEmpty == false else {
            state[Self.filterStateKey] = FilterState()
            state.skipFilter(name)
            return PreFilterResult()
        }
        state[Self.nodesKey] = snapshot.nodes
        let constraints: [SpreadConstraint]
        do {
            constraints = try SpreadConstraint.constraints(of: pod, SpreadConstraint.doNotSchedule)
            // Parsed here only to refuse a pod whose soft constraints are invalid; PreScore reads them again.
            _ = try SpreadConstraint.constraints(of: pod, SpreadConstraint.scheduleAnyway)
        } catch {
            return PreFilterResult(PluginStatus(.error, ["\(Self.name): \(error)"]))
        }
        // Only ScheduleAnyway constraints: nothing to filter, PreScore still needs the nodes.
        if constraints.isEmpty { state.skipFilter(name) }
        var filterState = FilterState(constraints: constraints, domainCounts: Array(repeating: [:], count: constraints.count))
        let namespace = pod.metadata.namespace ?? ""
        for node in snapshot.nodes where !constraints.isEmpty {
            let labels = node.node.metadata.labels ?? [:]
            guard SpreadConstraint.allKeys(of: constraints, in: labels) else { continue }
            for (index, constraint) in constraints.enumerated() where constraint.includes(node.node, for: pod) {
                let value = labels[constraint.topologyKey] ?? ""
                filterState.domainCounts[index][value, default: 0] += constraint.countMatching(node.pods, namespace: namespace)
            }
        }
        filterState.minimums = filterState.domainCounts.map { $0.values.min() ?? 0 }
        state[Self.filterStateKey] = filterState
        return PreFilterResult()
    }

    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        guard let filterState = state[Self.filterStateKey, as: FilterState.self] else {
            return PluginStatus(.error, ["\(Self.name): PreFilter did not run"])
        }
        let labels = node.node.metadata.labels ?? [:]
        let podLabels = pod.metadata.labels ?? [:]
        for (index, constraint) in filterState.constraints.enumerated() {
            guard let value = labels[constraint.topologyKey] else { return .unresolvable(Self.missingLabelReason) }
            let domains = filterState.domainCounts[index]
            let globalMinimum = domains.count < constraint.minDomains ? 0 : filterState.minimums[index]
            let selfMatch = constraint.selector.matches(podLabels) ? 1 : 0
            if (domains[value] ?? 0) + selfMatch - globalMinimum > constraint.maxSkew {
                return .unschedulable(Self.constraintsReason)
            }
        }
        return .success
    }
}
