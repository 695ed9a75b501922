/// Whether a node satisfies a pod's node selection, as the scheduler's NodeAffinity filter
/// and the DaemonSet controller judge it: every `nodeSelector` label, and at least one term
/// of the required node affinity (each term's expressions on labels and fields ANDed; a term
/// with neither matches nothing). The only node field is `metadata.name`.
extension PodSpec {
    public func nodeSelectionMatches(_ node: Node) -> Bool {
        let labels = node.metadata.labels ?? [:]
        guard nodeSelector.allSatisfy({ labels[$0.key] == $0.value }) else { return false }
        guard let required = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution else { return true }
        return required.matches(labels: labels, fields: ["metadata.name": node.metadata.name ?? ""])
    }
}

extension NodeSelector {
    /// Whether any term matches.
    public func matches(labels: [String: String], fields: [String: String]) -> Bool {
        nodeSelectorTerms.contains { $0.matches(labels: labels, fields: fields) }
    }
}

extension NodeSelectorTerm {
    public func matches(labels: [String: String], fields: [String: String]) -> Bool {
        guard !matchExpressions.isEmpty || !matchFields.isEmpty else { return false }
        return matchExpressions.allSatisfy { $0.matches(labels) } && matchFields.allSatisfy { $0.matches(fields) }
    }
}

extension NodeSelectorRequirement {
    /// `In`, `NotIn`, `Exists`, `DoesNotExist`, and `Gt`/`Lt` comparing integers.
    public func matches(_ values: [String: String]) -> Bool {
        let value = values[key]
        switch self.operator {
        case "In": return value.map(self.values.contains) ?? false
        case "NotIn": return value.map { !self.values.contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        case "Gt", "Lt":
            guard let value, let actual = Int64(value), self.values.count == 1, let bound = Int64(self.values[0]) else { return false }
            return self.operator == "Gt" ? actual > bound : actual < bound
        default: return false
        }
    }
}
