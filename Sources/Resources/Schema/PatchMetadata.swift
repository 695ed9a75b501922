/// How a member merges in a strategic merge patch and in server-side apply, as upstream's Go
/// struct tags and markers say: `patchStrategy:"merge" patchMergeKey:"name"`,
/// `+listType=map`, `+listMapKey=name`, `+mapType=atomic`. Written with `@Patch`,
/// `@ListType` and `@MapType` on the property.
public struct PatchMetadata: Hashable, Sendable {
    /// `merge`, `retainKeys`, `replace`, or a comma-separated combination (`merge,retainKeys`),
    /// as `x-kubernetes-patch-strategy` carries it.
    public var strategy: String?
    /// The member list elements are matched by (`x-kubernetes-patch-merge-key`).
    public var mergeKey: String?
    /// `atomic`, `set` or `map` (`x-kubernetes-list-type`).
    public var listType: String?
    /// The keys of a `map` list (`x-kubernetes-list-map-keys`).
    public var listMapKeys: [String]
    /// `atomic` or `granular` (`x-kubernetes-map-type`).
    public var mapType: String?

    public init(strategy: String? = nil, mergeKey: String? = nil, listType: String? = nil,
                listMapKeys: [String] = [], mapType: String? = nil) {
        self.strategy = strategy
        self.mergeKey = mergeKey
        self.listType = listType
        self.listMapKeys = listMapKeys
        self.mapType = mapType
    }

    /// The strategies of `strategy`, split.
    public var strategies: [String] {
        strategy?.split(separator: ",").map(String.init) ?? []
    }

    public var isEmpty: Bool { self == PatchMetadata() }
}
