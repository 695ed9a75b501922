/// Where a kind lives in the API: group, version, kind, the plural resource name in paths,
/// and whether objects are namespaced.
public struct ResourceType: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String
    public var plural: String
    public var namespaced: Bool

    public init(group: String, version: String, kind: String, plural: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.namespaced = namespaced
    }

    /// `v1` for the core group, `group/version` otherwise.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { "\(plural).\(apiVersion)" }
}

/// A top-level API object: typed, with apiVersion, kind and metadata.
public protocol APIResource: Codable, Hashable, Sendable {
    static var resourceType: ResourceType { get }
    var apiVersion: String { get set }
    var kind: String { get set }
    var metadata: ObjectMeta { get set }
}

extension APIResource {
    public var name: String { metadata.name ?? "" }
    public var namespace: String? { metadata.namespace }
}
