/// One change delivered by a watch.
public struct WatchEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case put, delete }

    public var kind: Kind
    /// For `put`: the new value. For `delete`: the key with `modRevision` set to the revision of
    /// the delete and an empty value.
    public var kv: KeyValue
    /// The key's value before this change, if it existed.
    public var previous: KeyValue?

    public init(kind: Kind, kv: KeyValue, previous: KeyValue?) {
        self.kind = kind
        self.kv = kv
        self.previous = previous
    }

    public var revision: Int64 { kv.modRevision }
}

/// The stream a watch delivers: events in revision order, exactly once. It ends with an error if
/// the watcher falls too far behind (`ClusterStoreError.watcherTooSlow`) or the store closes;
/// a consumer resumes by watching again from the revision after its last event.
public typealias WatchStream = AsyncThrowingStream<WatchEvent, any Error>

/// A lease: keys attached to it are deleted when it expires.
public struct Lease: Hashable, Sendable {
    public var id: Int64
    public var ttlSeconds: Int64
    public init(id: Int64, ttlSeconds: Int64) {
        self.id = id
        self.ttlSeconds = ttlSeconds
    }
}

/// Errors every backend reports the same way.
public enum ClusterStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The revision asked for was compacted; `compactedRevision` is the oldest still kept.
    case compacted(requested: Int64, compactedRevision: Int64)
    /// The revision asked for is newer than the store's.
    case futureRevision(requested: Int64, current: Int64)
    case leaseNotFound(Int64)
    /// The transaction is malformed (e.g. writes one key twice); nothing was applied.
    case invalidTxn(String)
    /// A watcher's buffer filled up; it should watch again from its last revision + 1.
    case watcherTooSlow
    case closed
    /// The backend failed (I/O, corruption); the write was not acknowledged.
    case backend(String)

    public var description: String {
        switch self {
        case .compacted(let r, let c): "required revision \(r) has been compacted (oldest kept: \(c))"
        case .futureRevision(let r, let c): "required revision \(r) is a future revision (current: \(c))"
        case .leaseNotFound(let id): "lease \(id) not found"
        case .invalidTxn(let m): "invalid transaction: \(m)"
        case .watcherTooSlow: "watcher fell too far behind"
        case .closed: "cluster store is closed"
        case .backend(let m): "cluster store backend error: \(m)"
        }
    }
}
