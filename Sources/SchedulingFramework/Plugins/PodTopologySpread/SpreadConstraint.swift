import Resources

/// One topology spread constraint made ready to count (upstream's topologySpreadConstraint):
/// the label selector with the pod's `matchLabelKeys` merged in, and the API defaults filled
/// in (minDomains 1, nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore).
struct SpreadConstraint: Sendable {
    static let doNotSchedule = "DoNotSchedule"
    static let scheduleAnyway = "ScheduleAnyway"
    static let hostnameKey = "kubernetes.io/hostname"

    var maxSkew: Int
    var topologyKey: String
    var selector: Selector
    var minDomains: Int
    /// Only nodes matching the pod's nodeSelector and required node affinity count.
    var honorsNodeAffinity: Bool
    /// Only nodes whose NoSchedule and NoExecute taints the pod tolerates count.
    var honorsNodeTaints: Bool

    init(_ constraint: TopologySpreadConstraint, podLabels: [String: String]) throws(ValidationErrors) {
        var selector = try Selector(constraint.labelSelector)
        let pinned = constraint.matchLabelKeys.reduce(into: [String: String]()) { pinned, key in
            if let value = podLabels[key] { pinned[key] = value }
        }
        if !pinned.isEmpty && !selector.matchesNothing {
            // As upstream's mergeLabelSetWithSelector: `key=value` added; nothing stays nothing.
            selector = Selector(matching: pinned).requirements.reduce(selector) { $0.adding($1) }
        }
        self.selector = selector
        maxSkew = Int(constraint.maxSkew)
        topologyKey = constraint.topologyKey
        minDomains = Int(constraint.minDomains ?? 1)
        honorsNodeAffinity = (constraint.nodeAffinityPolicy ?? "Honor") == "Honor"
        honorsNodeTaints = (constraint.nodeTaintsPolicy ?? "Ignore") == "Honor"
    }

    /// The pod's constraints whose `whenUnsatisfiable` is `action`.
    static func constraints(of pod: Pod, _ action: String) throws(ValidationErrors) -> [SpreadConstraint] {
        let labels = pod.metadata.labels ?? [:]
        return try (pod.spec?.topologySpreadConstraints ?? []).filter { $0.whenUnsatisfiable == action }
            .map { constraint throws(ValidationErrors) in try SpreadConstraint(constraint, podLabels: labels) }
    }

    /// Whether `node` is one whose pods count toward its domain, by the inclusion policies.
    func includes(_ node: Node, for pod: Pod) -> Bool {
        let spec = pod.spec ?? PodSpec()
        if honorsNodeAffinity && !spec.nodeSelectionMatches(node) { return false }
        if honorsNodeTaints {
            for taint in node.spec?.taints ?? [] where taint.effect == "NoSchedule" || taint.effect == "NoExecute" {
                if !spec.tolerations.contains(where: { $0.tolerates(taint) }) { return false }
            }
        }
        return true
    }

    /// The pods among `pods` that the selector matches, in `namespace` and not terminating;
    /// none for an empty selector, as upstream.
    func countMatching(_ pods: [Pod], namespace: String) -> Int {
        guard !selector.isEmpty else { return 0 }
        return pods.count { pod in
            pod.metadata.deletionTimestamp == nil && (pod.metadata.namespace ?? "") == namespace
                && selector.matches(pod.metadata.labels ?? [:])
        }
    }

    /// Whether every one of `constraints`' topology keys is among `labels`.
    static func allKeys(of constraints: [SpreadConstraint], in labels: [String: String]) -> Bool {
        constraints.allSatisfy { labels[$0.topologyKey] != nil }
    }
}
