/// metav1.LabelSelector: matchLabels ANDed with matchExpressions.
@APIObject
public struct LabelSelector {
    public var matchLabels: [String: String]?
    public var matchExpressions: [LabelSelectorRequirement]?
}

/// metav1.LabelSelectorRequirement: `key In (a,b)`, `key NotIn (…)`, `key Exists`, `key DoesNotExist`.
@APIObject
public struct LabelSelectorRequirement {
    public var key: String = ""
    public var `operator`: String = ""
    public var values: [String]?
}
