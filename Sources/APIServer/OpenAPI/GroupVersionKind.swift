import Resources

/// A group, version and kind, as `x-kubernetes-group-version-kind` carries it.
struct GroupVersionKind: Hashable, Sendable {
    var group: String
    var version: String
    var kind: String

    init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    init(_ type: ResourceType, kind: String? = nil) {
        self.init(group: type.group, version: type.version, kind: kind ?? type.kind)
    }

    /// `{"group": …, "kind": …, "version": …}`: the core group is `""`, as upstream writes it
    /// and as kubectl compares it.
    var json: JSONValue {
        .object(["group": .string(group), "version": .string(version), "kind": .string(kind)])
    }
}
