/// The read side of `SQLiteClusterStore`: one read-only connection, used only from its reader
/// thread (hence `@unchecked Sendable`). Every read runs inside one snapshot.
final class SQLiteReader: @unchecked Sendable {
    private let db: SQLiteConnection

    init(connection: SQLiteConnection) { db = connection }

    func close() { db.close() }

    private func snapshot<T>(_ body: (_ revision: Int64, _ compacted: Int64) throws -> T) throws -> T {
        try db.execute("BEGIN")
        defer {
            db.resetAll()
            try? db.execute("COMMIT")
        }
        let revision = try SQLiteSchema.meta(db, "revision")
        let compacted = try SQLiteSchema.meta(db, "compacted")
        return try body(revision, compacted)
    }

    func range(_ request: RangeRequest) throws -> RangeResult {
        try snapshot { revision, compacted in
            try Self.range(request, in: db, revision: revision, compacted: compacted)
        }
    }

    /// Reads `request` from `db` whose latest revision is `revision`. Current reads use the
    /// `current` table; older ones take each key's latest row at or before the revision.
    static func range(_ request: RangeRequest, in db: SQLiteConnection, revision: Int64, compacted: Int64) throws -> RangeResult {
        let rev = request.revision == 0 ? revision : request.revision
        if rev > revision { throw ClusterStoreError.futureRevision(requested: rev, current: revision) }
        if rev < compacted { throw ClusterStoreError.compacted(requested: rev, compactedRevision: compacted) }
        func keyFilter(_ column: String) -> String {
            request.end == nil ? "\(column) = ?1" : "\(column) >= ?1 AND \(column) < ?2"
        }
        let latest = rev == revision
        let sql = latest
            ? "SELECT \(SQLiteSchema.kvColumns), 0 FROM current c JOIN kv k ON k.id = c.id WHERE \(keyFilter("c.key")) ORDER BY c.key"
            : """
              SELECT \(SQLiteSchema.kvColumns), k.deleted FROM (
                  SELECT key, MAX(mod_revision) AS m FROM kv WHERE \(keyFilter("key")) AND mod_revision <= ?3 GROUP BY key
              ) AS last JOIN kv k ON k.key = last.key AND k.mod_revision = last.m ORDER BY k.key
              """
        let s = try db.statement(sql)
        s.bind(1, request.start)
        if let end = request.end { s.bind(2, end) }
        if !latest { s.bind(3, rev) }
        var kvs: [KeyValue] = []
        var count = 0
        var next: String?
        while try s.step() {
            if s.int64(6) != 0 { continue }  // tombstone: absent at this revision
            count += 1
            if request.countOnly { continue }
            if request.limit > 0 && kvs.count == request.limit {
                if next == nil { next = s.string(0) }
                continue
            }
            kvs.append(SQLiteSchema.keyValue(s, at: 0))
        }
        let token = next.map { ContinueToken(startKey: $0, end: request.end, revision: rev) }
        return RangeResult(kvs: request.countOnly ? [] : kvs, count: count, revision: rev, continueToken: token)
    }

    /// Committed events on keys with `prefix`, revisions `from...through`, in commit order.
    func events(prefix: String, from: Int64, through: Int64) throws -> [WatchEvent] {
        try snapshot { _, compacted in
            if from < compacted { throw ClusterStoreError.compacted(requested: from, compactedRevision: compacted) }
            let s = try db.statement("""
                SELECT \(SQLiteSchema.kvColumns), k.deleted, p.key, p.create_revision, p.mod_revision, p.version, p.lease, p.value
                FROM kv k LEFT JOIN kv p ON p.id = k.prev_id
                WHERE k.mod_revision >= ?1 AND k.mod_revision <= ?2 AND k.key >= ?3 AND k.key < ?4
                ORDER BY k.id
                """)
            s.bind(1, from).bind(2, through).bind(3, prefix).bind(4, KeyRange.prefixEnd(prefix))
            var events: [WatchEvent] = []
            while try s.step() {
                let kv = SQLiteSchema.keyValue(s, at: 0)
                let previous = s.isNull(7) ? nil : SQLiteSchema.keyValue(s, at: 7)
                events.append(WatchEvent(kind: s.int64(6) != 0 ? .delete : .put, kv: kv, previous: previous))
            }
            return events
        }
    }
}
