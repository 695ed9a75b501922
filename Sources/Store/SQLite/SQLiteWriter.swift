import Synchronization

/// The writer side of `SQLiteClusterStore`: applies batches of writes in one SQL transaction.
/// Used only from the writer thread (hence `@unchecked Sendable`: it is handed over once).
final class SQLiteWriter: @unchecked Sendable {
    /// Revisions deleted per compaction step, so a large compaction does not stall writes.
    static let compactionChunk: Int64 = 10_000

    private let db: SQLiteConnection
    private let shared: SQLiteSharedState
    /// The revision of the last applied write (committed, or pending in the open batch).
    private var revision: Int64

    init(path: String, shared: SQLiteSharedState) throws(ClusterStoreError) {
        db = try SQLiteConnection(path: path, readOnly: false)
        try db.execute("PRAGMA synchronous=FULL")
        self.revision = shared.committed.load(ordering: .acquiring)
        self.shared = shared
    }

    func close() { db.close() }

    /// What to do once the batch is durable (or has failed).
    private struct Pending {
        var acknowledge: () -> Void
        var fail: (any Error) -> Void
    }

    /// Applies `batch` in order in one transaction, commits, then acknowledges each job and
    /// publishes events. A job that is invalid fails alone; a storage failure fails the batch.
    func run(_ batch: [WriteJob], hub: WatchHub) {
        let startRevision = revision
        var pending: [Pending] = []
        var published: [(Int64, [WatchEvent])] = []
        var afterCommit: [() -> Void] = []
        do {
            try db.execute("BEGIN IMMEDIATE")
            for job in batch {
                pending.append(apply(job, published: &published, afterCommit: &afterCommit))
            }
            try SQLiteSchema.setMeta(db, "revision", revision)
            db.resetAll()
            try db.execute("COMMIT")
        } catch {
            db.resetAll()
            try? db.execute("ROLLBACK")
            revision = startRevision
            for p in pending { p.fail(error) }
            // Jobs after the failure point never ran; fail them too.
            for job in batch.dropFirst(pending.count) { Self.fail(job, error) }
            return
        }
        for action in afterCommit { action() }
        shared.writes.add(batch.count, ordering: .relaxed)
        shared.commits.add(1, ordering: .relaxed)
        shared.committed.store(revision, ordering: .releasing)
        for (rev, events) in published { hub.publish(events, revision: rev) }
        for p in pending { p.acknowledge() }
    }

    private static func fail(_ job: WriteJob, _ error: any Error) {
        switch job {
        case .txn(_, let c): c.resume(throwing: error)
        case .grantLease(_, _, let c): c.resume(throwing: error)
        case .revokeLeases(_, _, let c): c.resume(throwing: error)
        case .markCompacted(_, let c): c.resume(throwing: error)
        case .compactChunk(_, _, let c): c.resume(throwing: error)
        }
    }

    /// Runs one job inside the open transaction. Job-level errors (invalid txn, missing lease)
    /// are answered after the batch commits; storage errors propagate and fail the batch.
    private func apply(
        _ job: WriteJob,
        published: inout [(Int64, [WatchEvent])],
        afterCommit: inout [() -> Void]
    ) -> Pending {
        func answer<T: Sendable>(_ c: CheckedContinuation<T, any Error>, _ body: () throws -> T) -> Pending {
            do {
                let value = try body()
                return Pending(acknowledge: { c.resume(returning: value) }, fail: { c.resume(throwing: $0) })
            } catch {
                return Pending(acknowledge: { c.resume(throwing: error) }, fail: { c.resume(throwing: $0) })
            }
        }
        switch job {
        case .txn(let txn, let c):
            return answer(c) {
                let (result, events) = try applyTxn(txn)
                if !events.isEmpty { published.append((result.revision, events)) }
                return result
            }
        case .grantLease(let ttl, let now, let c):
            return answer(c) {
                let lease = shared.leases.withLock { $0.grant(ttlSeconds: ttl, now: now) }
                try db.statement("INSERT INTO leases(id, ttl) VALUES (?1, ?2)").bind(1, lease.id).bind(2, lease.ttlSeconds).run()
                return lease
            }
        case .revokeLeases(let ids, let expiredAt, let c):
            return answer(c) {
                let due = shared.leases.withLock { table in
                    let expired = expiredAt.map { Set(table.expired(at: $0)) }
                    return ids.filter { table.contains($0) && (expired?.contains($0) ?? true) }
                }
                for id in due {
                    let events = try revoke(id)
                    if !events.isEmpty { published.append((revision, events)) }
                }
                afterCommit.append { [shared] in shared.leases.withLock { table in due.forEach { table.remove($0) } } }
                return due.count
            }
        case .markCompacted(let target, let c):
            return answer(c) {
                try SQLiteSchema.setMeta(db, "compacted", target)
                afterCommit.append { [shared] in shared.compacted.store(target, ordering: .releasing) }
            }
        case .compactChunk(let below, let target, let c):
            return answer(c) {
                // Drop rows older than the chunk bound that are tombstones or superseded by a
                // later row at or before the target, so every key keeps its value as of `target`.
                try db.statement("""
                    DELETE FROM kv WHERE mod_revision < ?1 AND (deleted = 1 OR EXISTS (
                        SELECT 1 FROM kv AS later WHERE later.key = kv.key
                            AND later.mod_revision > kv.mod_revision AND later.mod_revision <= ?2))
                    """).bind(1, below).bind(2, target).run()
            }
        }
    }

    // MARK: - Transactions

    /// The live row for `key`: its id and value.
    private func current(_ key: String) throws(ClusterStoreError) -> (id: Int64, kv: KeyValue)? {
        let s = try db.statement("SELECT k.id, \(SQLiteSchema.kvColumns) FROM current c JOIN kv k ON k.id = c.id WHERE c.key = ?1")
        s.bind(1, key)
        guard try s.step() else { return nil }
        return (s.int64(0), SQLiteSchema.keyValue(s, at: 1))
    }

    private func applyTxn(_ txn: Txn) throws -> (TxnResult, [WatchEvent]) {
        var succeeded = true
        for compare in txn.compare where !compare.holds(for: try current(compare.key)?.kv) {
            succeeded = false
            break
        }
        let ops = succeeded ? txn.success : txn.failure
        try TxnRules.checkNoDuplicateWrites(ops)
        for op in ops {
            if case .put(_, _, let lease) = op, lease != 0, !shared.leases.withLock({ $0.contains(lease) }) {
                throw ClusterStoreError.leaseNotFound(lease)
            }
        }
        let writes = ops.contains { $0.isWrite }
        let newRevision = writes ? revision + 1 : revision
        revision = newRevision
        var responses: [OpResponse] = []
        var events: [WatchEvent] = []
        for op in ops {
            switch op {
            case .put(let key, let value, let lease):
                let previous = try current(key)
                let kv = KeyValue(
                    key: key, value: value,
                    createRevision: previous?.kv.createRevision ?? newRevision,
                    modRevision: newRevision,
                    version: (previous?.kv.version ?? 0) + 1,
                    lease: lease)
                let id = try insert(kv, deleted: false, previousID: previous?.id ?? 0)
                try db.statement("""
                    INSERT INTO current(key, id, lease) VALUES (?1, ?2, ?3)
                    ON CONFLICT(key) DO UPDATE SET id = excluded.id, lease = excluded.lease
                    """).bind(1, key).bind(2, id).bind(3, lease).run()
                events.append(WatchEvent(kind: .put, kv: kv, previous: previous?.kv))
                responses.append(.put(previous: previous?.kv))
            case .delete(let key, let end):
                let deleted = try delete(keys: try liveKeys(from: key, to: end), revision: newRevision)
                events.append(contentsOf: deleted)
                responses.append(.delete(previous: deleted.compactMap(\.previous)))
            case .range(var request):
                request.revision = 0
                responses.append(.range(try SQLiteReader.range(request, in: db, revision: newRevision, compacted: 0)))
            }
        }
        return (TxnResult(succeeded: succeeded, revision: newRevision, responses: responses), events)
    }

    private func insert(_ kv: KeyValue, deleted: Bool, previousID: Int64) throws(ClusterStoreError) -> Int64 {
        let s = try db.statement("""
            INSERT INTO kv(key, mod_revision, create_revision, version, lease, deleted, prev_id, value)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id
            """)
        s.bind(1, kv.key).bind(2, kv.modRevision).bind(3, kv.createRevision).bind(4, kv.version)
            .bind(5, kv.lease).bind(6, deleted ? 1 : 0).bind(7, previousID).bind(8, kv.value)
        guard try s.step() else { throw ClusterStoreError.backend("insert returned no id") }
        let id = s.int64(0)
        _ = try s.step()
        return id
    }

    private func liveKeys(from start: String, to end: String?) throws(ClusterStoreError) -> [String] {
        guard let end else { return [start] }
        let s = try db.statement("SELECT key FROM current WHERE key >= ?1 AND key < ?2 ORDER BY key")
        s.bind(1, start).bind(2, end)
        var keys: [String] = []
        while try s.step() { keys.append(s.string(0)) }
        return keys
    }

    /// Writes tombstones for the live keys among `keys`; returns their delete events.
    private func delete(keys: [String], revision: Int64) throws(ClusterStoreError) -> [WatchEvent] {
        var events: [WatchEvent] = []
        for key in keys {
            guard let previous = try current(key) else { continue }
            let tombstone = KeyValue(key: key, value: [], createRevision: 0, modRevision: revision, version: 0, lease: 0)
            _ = try insert(tombstone, deleted: true, previousID: previous.id)
            try db.statement("DELETE FROM current WHERE key = ?1").bind(1, key).run()
            events.append(WatchEvent(kind: .delete, kv: tombstone, previous: previous.kv))
        }
        return events
    }

    /// Deletes the lease's keys at one new revision and forgets the lease.
    private func revoke(_ id: Int64) throws(ClusterStoreError) -> [WatchEvent] {
        let s = try db.statement("SELECT key FROM current WHERE lease = ?1 ORDER BY key").bind(1, id)
        var keys: [String] = []
        while try s.step() { keys.append(s.string(0)) }
        try db.statement("DELETE FROM leases WHERE id = ?1").bind(1, id).run()
        guard !keys.isEmpty else { return [] }
        revision += 1
        return try delete(keys: keys, revision: revision)
    }
}
