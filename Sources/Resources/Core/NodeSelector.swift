/// core/v1 NodeSelector: node selector terms ORed together; used by node affinity and by a
/// PersistentVolume's node affinity.
@APIObject(.core)
public struct NodeSelector {
    @ListType("atomic")
    public var nodeSelectorTerms: [NodeSelectorTerm] = []
}

/// core/v1 NodeSelectorTerm: requirements on node labels and fields, ANDed together.
@APIObject(.core)
public struct NodeSelectorTerm {
    @ListType("atomic")
    public var matchExpressions: [NodeSelectorRequirement] = []
    @ListType("atomic")
    public var matchFields: [NodeSelectorRequirement] = []
}

/// core/v1 NodeSelectorRequirement: `key In/NotIn/Exists/DoesNotExist/Gt/Lt values`.
@APIObject(.core)
public struct NodeSelectorRequirement {
    public var key: String = ""
    public var `operator`: String = ""
    @ListType("atomic")
    public var values: [String] = []
}
