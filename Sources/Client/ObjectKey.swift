import Resources

/// Names one object: `namespace/name`, or `name` for a cluster-scoped object. The key of the
/// informer caches and of the work queues.
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Empty for cluster-scoped objects.
    public var namespace: String
    public var name: String

    public init(namespace: String?, name: String) {
        self.namespace = namespace ?? ""
        self.name = name
    }

    public init(_ object: some APIResource) {
        self.init(namespace: object.metadata.namespace, name: object.name)
    }

    /// `namespace/name`, or `name` for a cluster-scoped object.
    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    public static func < (a: ObjectKey, b: ObjectKey) -> Bool { (a.namespace, a.name) < (b.namespace, b.name) }
}
