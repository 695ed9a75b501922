import Resources
import Store

/// Where objects live in the cluster store: `/registry/GROUP/PLURAL/NAMESPACE/NAME`
/// (`core` for the core group; no namespace segment for cluster-scoped kinds). Values are the
/// object's JSON without `metadata.resourceVersion`, which is the key's `modRevision`.
public enum ObjectKeys {
    /// The prefix every API object key starts with.
    public static let root = "/registry/"

    public static func prefix(_ type: ResourceType) -> String {
        "\(root)\(type.group.isEmpty ? "core" : type.group)/\(type.plural)/"
    }

    /// All objects of the kind in `namespace` (nil or empty: every namespace).
    public static func prefix(_ type: ResourceType, namespace: String?) -> String {
        guard type.namespaced, let namespace, !namespace.isEmpty else { return prefix(type) }
        return prefix(type) + namespace + "/"
    }

    public static func key(_ type: ResourceType, namespace: String?, name: String) -> String {
        prefix(type, namespace: namespace) + name
    }
}

/// The object encoding in the store.
enum StoredObject {
    /// The stored bytes of `object`: its JSON without `resourceVersion`.
    static func encode(_ object: JSONValue) -> [UInt8] {
        var o = object
        o.setMeta("resourceVersion", nil)
        return o.serializedBytes()
    }

    /// The object at `kv`, with `metadata.resourceVersion` set to the key's modRevision.
    static func decode(_ kv: KeyValue) throws -> JSONValue {
        var o = try JSONValue.parse(kv.value)
        o.setResourceVersion(kv.modRevision)
        return o
    }
}

extension JSONValue {
    /// Sets `metadata.resourceVersion` (creating `metadata` if needed).
    mutating func setResourceVersion(_ revision: Int64?) {
        guard case .object(var members) = self else { return }
        var meta = members["metadata"]?.objectValue ?? [:]
        meta["resourceVersion"] = revision.map { .string(String($0)) }
        members["metadata"] = .object(meta)
        self = .object(members)
    }

    /// `metadata.MEMBER`, read.
    func meta(_ member: String) -> JSONValue? { self["metadata"]?[member] }

    /// Sets `metadata.MEMBER` (nil removes it).
    mutating func setMeta(_ member: String, _ value: JSONValue?) {
        guard case .object(var members) = self else { return }
        var meta = members["metadata"]?.objectValue ?? [:]
        meta[member] = value
        members["metadata"] = .object(meta)
        self = .object(members)
    }

    var name: String { meta("name")?.stringValue ?? "" }
    var namespace: String { meta("namespace")?.stringValue ?? "" }
    var resourceVersion: String { meta("resourceVersion")?.stringValue ?? "" }
    var labels: [String: String] {
        (meta("labels")?.objectValue ?? [:]).compactMapValues(\.stringValue)
    }
}
