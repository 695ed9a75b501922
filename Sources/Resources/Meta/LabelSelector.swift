/// metav1.LabelSelector: matchLabels ANDed with matchExpressions.
@APIObject(.meta)
public struct LabelSelector {
    public var matchLabels: [String: String]?
    @ListType("atomic")
    public var matchExpressions: [LabelSelectorRequirement]?
}

/// metav1.LabelSelectorRequirement: `key In (a,b)`, `key NotIn (…)`, `key Exists`, `key DoesNotExist`.
@APIObject(.meta)
public struct LabelSelectorRequirement {
    public var key: String = ""
    public var `operator`: String = ""
    @ListType("atomic")
    public var values: [String]?
}
