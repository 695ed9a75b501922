/// The cluster store: a versioned key-value store with etcd v3 semantics.
///
/// - Every write (one `txn`) advances the store's single `revision` by one; all puts and
///   deletes in that txn carry the same `modRevision`.
/// - Per key: `createRevision` (revision of the put that created this generation of the key),
///   `modRevision` (revision of its last change), `version` (puts since creation; 1 at creation).
/// - Reads may ask for an older revision while it is retained (not compacted).
/// - A write is acknowledged (its `txn` returns) only once it is durable for durable backends,
///   and a watch event is delivered only after the write it describes is acknowledged.
public protocol ClusterStore: Sendable {
    /// The revision of the last acknowledged write (0 for an empty store).
    func currentRevision() async throws -> Int64

    /// The key at `revision` (nil: the current one), or nil if absent there.
    func get(_ key: String, revision: Int64?) async throws -> KeyValue?

    /// Keys in `request`'s range, in key order.
    func range(_ request: RangeRequest) async throws -> RangeResult

    /// Evaluates `compare`s against the current state; applies `success` if all hold,
    /// otherwise `failure`. Atomic and durable before it returns.
    func txn(_ txn: Txn) async throws -> TxnResult

    /// Every change to keys starting with `prefix`, in revision order, exactly once, starting at
    /// `fromRevision` (0: changes after the current revision). Throws `ClusterStoreError.compacted`
    /// when `fromRevision` is older than the history kept.
    func watch(prefix: String, fromRevision: Int64) async throws -> WatchStream

    /// A lease that deletes its keys when it is not kept alive for `ttlSeconds`.
    func grantLease(ttlSeconds: Int64) async throws -> Lease
    /// Restarts the lease's TTL. Throws `leaseNotFound` if it expired or was revoked.
    func keepAlive(_ leaseID: Int64) async throws -> Lease
    /// Deletes the lease and every key attached to it, in one revision.
    func revokeLease(_ leaseID: Int64) async throws
    /// Revokes every lease whose TTL has run out (by the store's clock); returns how many.
    func expireLeases() async throws -> Int

    /// Forgets history before `revision`: reads and watches older than it fail with `compacted`.
    func compact(_ revision: Int64) async throws
    /// The oldest revision still readable (0 before any compaction).
    func compactedRevision() async throws -> Int64
}

extension ClusterStore {
    public func get(_ key: String) async throws -> KeyValue? { try await get(key, revision: nil) }

    /// Unconditional put; returns the new revision.
    @discardableResult
    public func put(_ key: String, _ value: [UInt8], lease: Int64 = 0) async throws -> Int64 {
        try await txn(Txn(success: [.put(key, value, lease: lease)])).revision
    }

    /// Unconditional delete; returns the number of keys deleted.
    @discardableResult
    public func delete(_ key: String) async throws -> Int {
        let r = try await txn(Txn(success: [.delete(key)]))
        return r.responses.first?.deleted ?? 0
    }

    /// Creates `key` only if it does not exist. Returns the new revision, or nil if it existed.
    public func create(_ key: String, _ value: [UInt8], lease: Int64 = 0) async throws -> Int64? {
        let r = try await txn(Txn(compare: [.modRevision(key, .equal, 0)], success: [.put(key, value, lease: lease)]))
        return r.succeeded ? r.revision : nil
    }

    /// Replaces `key` only if its modRevision is still `expected` (compare-and-swap).
    /// Returns the new revision, or nil on conflict.
    public func update(_ key: String, _ value: [UInt8], expectedModRevision expected: Int64) async throws -> Int64? {
        let r = try await txn(Txn(compare: [.modRevision(key, .equal, expected)], success: [.put(key, value)]))
        return r.succeeded ? r.revision : nil
    }
}

/// One key at one revision.
public struct KeyValue: Hashable, Sendable {
    public var key: String
    public var value: [UInt8]
    public var createRevision: Int64
    public var modRevision: Int64
    public var version: Int64
    public var lease: Int64

    public init(key: String, value: [UInt8], createRevision: Int64, modRevision: Int64, version: Int64, lease: Int64 = 0) {
        self.key = key
        self.value = value
        self.createRevision = createRevision
        self.modRevision = modRevision
        self.version = version
        self.lease = lease
    }
}

/// A read of keys in `[start, end)` (or all keys with `prefix`), at a revision, a page at a time.
public struct RangeRequest: Hashable, Sendable {
    public var start: String
    /// Exclusive end; nil means the single key `start`.
    public var end: String?
    /// 0 means the current revision.
    public var revision: Int64
    /// 0 means no limit.
    public var limit: Int
    /// Only count, return no key-values.
    public var countOnly: Bool

    public init(start: String, end: String?, revision: Int64 = 0, limit: Int = 0, countOnly: Bool = false) {
        self.start = start
        self.end = end
        self.revision = revision
        self.limit = limit
        self.countOnly = countOnly
    }

    /// Every key beginning with `prefix`.
    public static func prefix(_ prefix: String, revision: Int64 = 0, limit: Int = 0) -> RangeRequest {
        RangeRequest(start: prefix, end: KeyRange.prefixEnd(prefix), revision: revision, limit: limit)
    }

    /// The next page after `token`, read at the same revision as the first page.
    public static func continuing(_ token: ContinueToken, limit: Int) -> RangeRequest {
        RangeRequest(start: token.startKey, end: token.end, revision: token.revision, limit: limit)
    }
}

/// Where the next page of a limited range starts, and the revision all pages are read at.
public struct ContinueToken: Hashable, Sendable, Codable {
    public var startKey: String
    public var end: String?
    public var revision: Int64

    public init(startKey: String, end: String?, revision: Int64) {
        self.startKey = startKey
        self.end = end
        self.revision = revision
    }
}

public struct RangeResult: Hashable, Sendable {
    public var kvs: [KeyValue]
    /// Keys in the range at that revision, regardless of limit.
    public var count: Int
    /// The revision the range was read at.
    public var revision: Int64
    /// Set when `limit` cut the result short.
    public var continueToken: ContinueToken?

    public init(kvs: [KeyValue], count: Int, revision: Int64, continueToken: ContinueToken?) {
        self.kvs = kvs
        self.count = count
        self.revision = revision
        self.continueToken = continueToken
    }

    public var more: Bool { continueToken != nil }
}

/// Key ordering and range helpers shared by every backend. Keys order by their UTF-8 bytes
/// (the same order as their Unicode scalars), as etcd orders keys.
public enum KeyRange {
    /// An end beyond every key; keys never begin with U+10FFFF.
    public static let unbounded = "\u{10FFFF}"

    /// The smallest key greater than every key with `prefix` (etcd's `GetPrefixRangeEnd`).
    public static func prefixEnd(_ prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if next == 0xD800 { next = 0xE000 }
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                var s = ""
                s.unicodeScalars.append(contentsOf: scalars)
                return s
            }
        }
        return unbounded
    }

    /// `a < b` in key order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Whether `key` is in `[start, end)` (end nil: only `start`).
    public static func contains(_ key: String, start: String, end: String?) -> Bool {
        guard let end else { return key == start }
        return !precedes(key, start) && precedes(key, end)
    }
}
