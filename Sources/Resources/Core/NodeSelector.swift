/// core/v1 NodeSelector: node selector terms ORed together; used by node affinity and by a
/// PersistentVolume's node affinity.
@APIObject
public struct NodeSelector {
    public var nodeSelectorTerms: [NodeSelectorTerm] = []
}

/// core/v1 NodeSelectorTerm: requirements on node labels and fields, ANDed together.
@APIObject
public struct NodeSelectorTerm {
    public var matchExpressions: [NodeSelectorRequirement] = []
    public var matchFields: [NodeSelectorRequirement] = []
}

/// core/v1 NodeSelectorRequirement: `key In/NotIn/Exists/DoesNotExist/Gt/Lt values`.
@APIObject
public struct NodeSelectorRequirement {
    public var key: String = ""
    public var `operator`: String = ""
    public var values: [String] = []
}
