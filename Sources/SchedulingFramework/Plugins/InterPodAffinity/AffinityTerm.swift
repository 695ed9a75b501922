import Resources

/// One pod affinity or anti-affinity term made ready to match pods (upstream's
/// framework.AffinityTerm): the label selector with its owner's `matchLabelKeys` and
/// `mismatchLabelKeys` merged in, the namespaces it looks in, its topology key and, for a
/// preferred term, its weight (1 for a required one).
struct AffinityTerm: Sendable {
    /// Which of a pod's four term lists.
    enum Kind: Sendable {
        case requiredAffinity, requiredAntiAffinity, preferredAffinity, preferredAntiAffinity
    }

    var selector: Selector
    /// The namespaces a matching pod must be in; ignored when `allNamespaces`.
    var namespaces: Set<String>
    var allNamespaces: Bool
    var topologyKey: String
    var weight: Int64

    /// A nil label selector matches no pod, as upstream. Namespaces: without a
    /// namespaceSelector, the listed ones, or the owner's own when none are listed; an empty
    /// namespaceSelector `{}` adds every namespace. Any other namespaceSelector would need the
    /// namespaces' labels, which the snapshot does not hold, so it is treated as absent (the
    /// listed namespaces, or the owner's own) — a pod in a selected namespace other than those
    /// is not seen.
    init(_ term: PodAffinityTerm, of owner: Pod, weight: Int64 = 1) throws(ValidationErrors) {
        selector = try Self.selector(of: term, ownerLabels: owner.metadata.labels ?? [:])
        let namespaceSelector = term.namespaceSelector
        allNamespaces = namespaceSelector.map { ($0.matchLabels ?? [:]).isEmpty && ($0.matchExpressions ?? []).isEmpty } ?? false
        namespaces = term.namespaces.isEmpty ? [owner.metadata.namespace ?? ""] : Set(term.namespaces)
        topologyKey = term.topologyKey
        self.weight = weight
    }

    /// Whether `pod` is one this term selects (namespace and labels; topology is the caller's).
    func matches(_ pod: Pod) -> Bool {
        guard allNamespaces || namespaces.contains(pod.metadata.namespace ?? "") else { return false }
        return selector.matches(pod.metadata.labels ?? [:])
    }

    /// The terms of `kind` that `pod` declares.
    static func terms(_ kind: Kind, of pod: Pod) throws(ValidationErrors) -> [AffinityTerm] {
        let affinity = pod.spec?.affinity
        let weighted: [(term: PodAffinityTerm?, weight: Int64)]
        switch kind {
        case .requiredAffinity:
            weighted = (affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map { ($0, 1) }
        case .requiredAntiAffinity:
            weighted = (affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map { ($0, 1) }
        case .preferredAffinity:
            weighted = (affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map { ($0.podAffinityTerm, Int64($0.weight)) }
        case .preferredAntiAffinity:
            weighted = (affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map { ($0.podAffinityTerm, Int64($0.weight)) }
        }
        var terms: [AffinityTerm] = []
        for (term, weight) in weighted {
            guard let term else { continue }
            terms.append(try AffinityTerm(term, of: pod, weight: weight))
        }
        return terms
    }

    /// The terms of `kind` of a pod already placed. Upstream drops a placed pod's list whose
    /// terms do not parse rather than fail the incoming pod; so does this.
    static func placedTerms(_ kind: Kind, of pod: Pod) -> [AffinityTerm] {
        (try? terms(kind, of: pod)) ?? []
    }

    /// The term's label selector, with `key in (value)` for each of `matchLabelKeys` and
    /// `key notin (value)` for each of `mismatchLabelKeys` that the owner carries, as the API
    /// server merges them at pod creation (merging again adds nothing new). A nil selector stays
    /// matching nothing.
    private static func selector(of term: PodAffinityTerm, ownerLabels: [String: String]) throws(ValidationErrors) -> Selector {
        var selector = try Selector(term.labelSelector)
        guard !selector.matchesNothing else { return selector }
        for key in term.matchLabelKeys {
            guard let value = ownerLabels[key] else { continue }
            selector = selector.adding(try Selector.Requirement(key: key, operator: .in, values: [value]))
        }
        for key in term.mismatchLabelKeys {
            guard let value = ownerLabels[key] else { continue }
            selector = selector.adding(try Selector.Requirement(key: key, operator: .notIn, values: [value]))
        }
        return selector
    }
}
