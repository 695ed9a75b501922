import Store

/// A cluster store that times every call into `APIMetrics`; otherwise the store it wraps.
struct InstrumentedClusterStore: ClusterStore {
    let base: any ClusterStore
    let metrics: APIMetrics

    private func timed<T>(_ operation: String, _ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { metrics.recordStore(operation: operation, duration: ContinuousClock.now - start) }
        return try await body()
    }

    func currentRevision() async throws -> Int64 { try await base.currentRevision() }
    func get(_ key: String, revision: Int64?) async throws -> KeyValue? {
        try await timed("get") { try await base.get(key, revision: revision) }
    }
    func range(_ request: RangeRequest) async throws -> RangeResult {
        try await timed("range") { try await base.range(request) }
    }
    func txn(_ txn: Txn) async throws -> TxnResult {
        try await timed("txn") { try await base.txn(txn) }
    }
    func watch(prefix: String, fromRevision: Int64) async throws -> WatchStream {
        try await base.watch(prefix: prefix, fromRevision: fromRevision)
    }
    func grantLease(ttlSeconds: Int64) async throws -> Lease { try await base.grantLease(ttlSeconds: ttlSeconds) }
    func keepAlive(_ leaseID: Int64) async throws -> Lease { try await base.keepAlive(leaseID) }
    func revokeLease(_ leaseID: Int64) async throws { try await base.revokeLease(leaseID) }
    func expireLeases() async throws -> Int { try await base.expireLeases() }
    func compact(_ revision: Int64) async throws { try await base.compact(revision) }
    func compactedRevision() async throws -> Int64 { try await base.compactedRevision() }
}
