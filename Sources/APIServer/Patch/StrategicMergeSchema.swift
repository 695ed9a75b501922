/// What strategic merge patch needs to know about an object type: for each member, how lists
/// and maps under it merge (Kubernetes' `patchStrategy` / `patchMergeKey` struct tags, carried
/// in OpenAPI as `x-kubernetes-patch-strategy` / `x-kubernetes-patch-merge-key`).
///
/// A member without metadata behaves as upstream treats fields it has no struct for: maps
/// merge recursively, lists are replaced whole.
public protocol StrategicMergeSchema: Sendable {
    /// The member `name` of this object type, or nil when the type does not declare it.
    func member(_ name: String) -> StrategicMergeMember?
}

/// The patch metadata of one member.
public struct StrategicMergeMember: Sendable {
    /// `merge`, `retainKeys`, `replace` (a member may carry `merge` and `retainKeys` together).
    public var patchStrategies: Set<String>
    /// The key list elements are matched by, for `merge` lists of objects.
    public var patchMergeKey: String?
    /// The schema of the member's value when it is an object, or of its elements (list) or
    /// values (map) when those are objects.
    public var valueSchema: (any StrategicMergeSchema)?

    public init(patchStrategies: Set<String> = [], patchMergeKey: String? = nil, valueSchema: (any StrategicMergeSchema)? = nil) {
        self.patchStrategies = patchStrategies
        self.patchMergeKey = patchMergeKey
        self.valueSchema = valueSchema
    }
}
