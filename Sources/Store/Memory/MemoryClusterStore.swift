import Synchronization

/// The in-memory `ClusterStore`: full etcd semantics without durability. Used by tests and by
/// the scale simulation. Every operation runs synchronously under one lock.
public final class MemoryClusterStore: ClusterStore {
    private struct State {
        var mvcc = MVCCState()
        var leases = LeaseTable()
        /// Keys attached to each lease, current state only.
        var leaseKeys: [Int64: Set<String>] = [:]
    }

    private let state = Mutex(State())
    private let hub = WatchHub(publishedRevision: 0)
    private let clock: any StoreClock

    public init(clock: any StoreClock = SystemStoreClock()) {
        self.clock = clock
    }

    public func currentRevision() async throws -> Int64 {
        state.withLock { $0.mvcc.revision }
    }

    public func get(_ key: String, revision: Int64?) async throws -> KeyValue? {
        try state.withLock { state throws(ClusterStoreError) in
            if let revision { try state.mvcc.checkReadable(revision) }
            return state.mvcc.value(of: key, at: revision)
        }
    }

    public func range(_ request: RangeRequest) async throws -> RangeResult {
        try state.withLock { state throws(ClusterStoreError) in try state.mvcc.range(request) }
    }

    public func txn(_ txn: Txn) async throws -> TxnResult {
        try state.withLock { state throws(ClusterStoreError) in try Self.apply(txn, to: &state, hub: hub) }
    }

    /// Applies and publishes under the lock, so watchers see revisions in order.
    private static func apply(_ txn: Txn, to state: inout State, hub: WatchHub) throws(ClusterStoreError) -> TxnResult {
        for op in txn.success + txn.failure {
            if case .put(_, _, let lease) = op, lease != 0, !state.leases.contains(lease) {
                throw .leaseNotFound(lease)
            }
        }
        let (result, events) = try state.mvcc.apply(txn)
        for event in events {
            if let old = event.previous?.lease, old != 0 { state.leaseKeys[old]?.remove(event.kv.key) }
            if event.kind == .put, event.kv.lease != 0 { state.leaseKeys[event.kv.lease, default: []].insert(event.kv.key) }
        }
        if !events.isEmpty { hub.publish(events, revision: result.revision) }
        return result
    }

    public func watch(prefix: String, fromRevision: Int64) async throws -> WatchStream {
        try await hub.watch(prefix: prefix, fromRevision: fromRevision) { from, _ in
            try self.state.withLock { state throws(ClusterStoreError) in try state.mvcc.events(prefix: prefix, from: from) }
        }
    }

    public func grantLease(ttlSeconds: Int64) async throws -> Lease {
        let now = clock.now()
        return state.withLock { $0.leases.grant(ttlSeconds: ttlSeconds, now: now) }
    }

    public func keepAlive(_ leaseID: Int64) async throws -> Lease {
        let now = clock.now()
        return try state.withLock { state throws(ClusterStoreError) in try state.leases.keepAlive(leaseID, now: now) }
    }

    public func revokeLease(_ leaseID: Int64) async throws {
        try state.withLock { state throws(ClusterStoreError) in
            guard state.leases.contains(leaseID) else { throw .leaseNotFound(leaseID) }
            try Self.revoke(leaseID, in: &state, hub: hub)
        }
    }

    private static func revoke(_ leaseID: Int64, in state: inout State, hub: WatchHub) throws(ClusterStoreError) {
        let keys = (state.leaseKeys.removeValue(forKey: leaseID) ?? []).sorted(by: KeyRange.precedes)
        state.leases.remove(leaseID)
        if !keys.isEmpty { _ = try apply(Txn(success: keys.map { .delete($0) }), to: &state, hub: hub) }
    }

    public func expireLeases() async throws -> Int {
        let now = clock.now()
        return try state.withLock { state throws(ClusterStoreError) in
            let expired = state.leases.expired(at: now)
            for id in expired { try Self.revoke(id, in: &state, hub: hub) }
            return expired.count
        }
    }

    public func compact(_ revision: Int64) async throws {
        try state.withLock { state throws(ClusterStoreError) in try state.mvcc.compact(revision) }
    }

    public func compactedRevision() async throws -> Int64 {
        state.withLock { $0.mvcc.compacted }
    }

    /// Ends every watch; later calls still work on the data (nothing to release).
    public func close() async {
        hub.close()
    }
}
