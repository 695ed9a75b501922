import Resources

/// An object as the watch cache holds it: parsed, and serialized once (with its
/// `resourceVersion`) so that lists and watch fan-out copy bytes instead of re-encoding.
public struct CachedObject: Sendable {
    public let key: String
    public let object: JSONValue
    public let bytes: [UInt8]
    /// The revision the object was last written at (its resourceVersion).
    public let revision: Int64

    init(key: String, object: JSONValue, revision: Int64) {
        self.key = key
        self.object = object
        self.bytes = object.serializedBytes()
        self.revision = revision
    }

    /// The same object stamped with another resourceVersion (a DELETED event carries the
    /// revision of the delete).
    func restamped(_ revision: Int64) -> CachedObject {
        var o = object
        o.setResourceVersion(revision)
        return CachedObject(key: key, object: o, revision: revision)
    }
}

/// One change to one object, in the cache's revision order.
public struct CacheEvent: Sendable {
    public enum Change: Sendable {
        case added(CachedObject)
        case modified(CachedObject, previous: CachedObject)
        /// The previous object, stamped with the revision of the delete.
        case deleted(CachedObject, previous: CachedObject)
    }

    public let revision: Int64
    public let change: Change
}
