import Foundation
import Synchronization

/// The embedded `ClusterStore`: an MVCC log in one SQLite database (WAL, `synchronous=FULL`).
///
/// - One writer thread group-commits: it takes every queued write, applies them in order inside
///   one SQL transaction, commits (one fsync for the whole batch), and only then acknowledges
///   each write and publishes its watch events. So throughput does not fall to one fsync per
///   write, and no acknowledged write can be lost.
/// - Reader threads serve gets, ranges and watch replay from their own connections, each read
///   inside one snapshot.
/// - Tables: `kv` holds one row per change (put or tombstone) in commit order (`id`);
///   `current` points each live key at its latest row; `meta` holds the revision counters;
///   `leases` holds granted leases.
public final class SQLiteClusterStore: ClusterStore {
    /// Most writes taken into one SQL transaction.
    static let maxBatch = 1024
    static let readerCount = 2

    private let path: String
    private let clock: any StoreClock
    private let writes = JobQueue<WriteJob>()
    private let reads = JobQueue<ReadJob>()
    private let hub: WatchHub
    private let shared: SQLiteSharedState

    /// Opens (creating if needed) the store at `path`, a SQLite database file.
    public init(path: String, clock: any StoreClock = SystemStoreClock()) throws {
        self.path = path
        self.clock = clock
        let setup = try SQLiteConnection(path: path, readOnly: false)
        try SQLiteSchema.migrate(setup)
        let revision = try SQLiteSchema.meta(setup, "revision")
        let compacted = try SQLiteSchema.meta(setup, "compacted")
        var persisted: [(id: Int64, ttlSeconds: Int64)] = []
        let leaseRows = try setup.statement("SELECT id, ttl FROM leases")
        while try leaseRows.step() { persisted.append((leaseRows.int64(0), leaseRows.int64(1))) }
        setup.close()

        shared = SQLiteSharedState(revision: revision, compacted: compacted, leases: LeaseTable(restoring: persisted, now: clock.now()))
        hub = WatchHub(publishedRevision: revision)

        let writer = try SQLiteWriter(path: path, shared: shared)
        writes.startThreads(count: 1, name: "capstan-store-writer") { [writes, hub] in
            while let batch = writes.take(limit: SQLiteClusterStore.maxBatch) {
                writer.run(batch, hub: hub)
            }
            writer.close()
        }
        for _ in 0..<Self.readerCount {
            let connection = try SQLiteConnection(path: path, readOnly: true)
            let reader = SQLiteReader(connection: connection)
            reads.startThreads(count: 1, name: "capstan-store-reader") { [reads] in
                while let jobs = reads.take(limit: 1) {
                    for job in jobs { job.run(reader) }
                }
                reader.close()
            }
        }
    }

    /// Stops accepting work, finishes what is queued, ends all watches and closes the database.
    public func close() async {
        hub.close()
        writes.close()
        reads.close()
    }

    deinit {
        writes.close()
        reads.close()
    }

    // MARK: - Reads

    private func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteReader) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = ReadJob { reader in continuation.resume(with: Result { try body(reader) }) }
            if !reads.submit(job) { continuation.resume(throwing: ClusterStoreError.closed) }
        }
    }

    public func currentRevision() async throws -> Int64 { shared.committed.load(ordering: .acquiring) }

    /// Writes acknowledged and SQL transactions committed since open: their ratio is the
    /// group-commit batch size (one fsync per commit).
    public var commitStatistics: (writes: Int, commits: Int) {
        (shared.writes.load(ordering: .relaxed), shared.commits.load(ordering: .relaxed))
    }

    public func compactedRevision() async throws -> Int64 { shared.compacted.load(ordering: .acquiring) }

    public func get(_ key: String, revision: Int64?) async throws -> KeyValue? {
        try await range(RangeRequest(start: key, end: nil, revision: revision ?? 0)).kvs.first
    }

    public func range(_ request: RangeRequest) async throws -> RangeResult {
        try await read { reader in try reader.range(request) }
    }

    public func watch(prefix: String, fromRevision: Int64) async throws -> WatchStream {
        try await hub.watch(prefix: prefix, fromRevision: fromRevision) { from, through in
            try await self.read { reader in try reader.events(prefix: prefix, from: from, through: through) }
        }
    }

    // MARK: - Writes

    private func write<T: Sendable>(_ make: (CheckedContinuation<T, any Error>) -> WriteJob) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            if !writes.submit(make(continuation)) { continuation.resume(throwing: ClusterStoreError.closed) }
        }
    }

    public func txn(_ txn: Txn) async throws -> TxnResult {
        try await write { .txn(txn, $0) }
    }

    public func grantLease(ttlSeconds: Int64) async throws -> Lease {
        let now = clock.now()
        return try await write { .grantLease(ttlSeconds: ttlSeconds, now: now, $0) }
    }

    public func keepAlive(_ leaseID: Int64) async throws -> Lease {
        let now = clock.now()
        return try shared.leases.withLock { table throws(ClusterStoreError) in try table.keepAlive(leaseID, now: now) }
    }

    public func revokeLease(_ leaseID: Int64) async throws {
        let revoked: Int = try await write { .revokeLeases([leaseID], onlyIfExpiredAt: nil, $0) }
        if revoked == 0 { throw ClusterStoreError.leaseNotFound(leaseID) }
    }

    public func expireLeases() async throws -> Int {
        let now = clock.now()
        let expired = shared.leases.withLock { $0.expired(at: now) }
        guard !expired.isEmpty else { return 0 }
        return try await write { .revokeLeases(expired, onlyIfExpiredAt: now, $0) }
    }

    public func compact(_ revision: Int64) async throws {
        let current = shared.committed.load(ordering: .acquiring)
        let compacted = shared.compacted.load(ordering: .acquiring)
        if revision <= compacted { throw ClusterStoreError.compacted(requested: revision, compactedRevision: compacted) }
        if revision > current { throw ClusterStoreError.futureRevision(requested: revision, current: current) }
        // Mark first (reads older than `revision` fail from now on), then delete in chunks so
        // that writes keep flowing between them.
        try await write { .markCompacted(revision, $0) } as Void
        var low = compacted
        while low < revision {
            let high = min(revision, low + SQLiteWriter.compactionChunk)
            try await write { .compactChunk(below: high, target: revision, $0) } as Void
            low = high
        }
    }
}

/// State the writer thread updates and the store's callers read.
final class SQLiteSharedState: Sendable {
    /// The revision of the last committed write.
    let committed: Atomic<Int64>
    /// The oldest readable revision.
    let compacted: Atomic<Int64>
    let leases: Mutex<LeaseTable>
    /// Write jobs committed, and the SQL transactions that committed them.
    let writes = Atomic<Int>(0)
    let commits = Atomic<Int>(0)

    init(revision: Int64, compacted: Int64, leases: LeaseTable) {
        self.committed = Atomic(revision)
        self.compacted = Atomic(compacted)
        self.leases = Mutex(leases)
    }
}

/// A unit of work for the writer thread; the continuation is resumed after the batch commits.
enum WriteJob: Sendable {
    case txn(Txn, CheckedContinuation<TxnResult, any Error>)
    case grantLease(ttlSeconds: Int64, now: Duration, CheckedContinuation<Lease, any Error>)
    /// Revokes those of `ids` that exist (and, if `onlyIfExpiredAt` is set, are still expired);
    /// answers how many were revoked.
    case revokeLeases([Int64], onlyIfExpiredAt: Duration?, CheckedContinuation<Int, any Error>)
    case markCompacted(Int64, CheckedContinuation<Void, any Error>)
    case compactChunk(below: Int64, target: Int64, CheckedContinuation<Void, any Error>)
}

/// A read for a reader thread; resumes its own continuation.
struct ReadJob: Sendable {
    let run: @Sendable (SQLiteReader) -> Void
}

/// The schema and its counters.
enum SQLiteSchema {
    static func migrate(_ db: SQLiteConnection) throws(ClusterStoreError) {
        try db.execute("PRAGMA journal_mode=WAL")
        try db.execute("""
            CREATE TABLE IF NOT EXISTS kv (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL,
                mod_revision INTEGER NOT NULL,
                create_revision INTEGER NOT NULL,
                version INTEGER NOT NULL,
                lease INTEGER NOT NULL,
                deleted INTEGER NOT NULL,
                prev_id INTEGER NOT NULL,
                value BLOB NOT NULL
            );
            CREATE UNIQUE INDEX IF NOT EXISTS kv_by_key ON kv(key, mod_revision);
            CREATE INDEX IF NOT EXISTS kv_by_revision ON kv(mod_revision);
            CREATE TABLE IF NOT EXISTS current (
                key TEXT PRIMARY KEY,
                id INTEGER NOT NULL,
                lease INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS current_by_lease ON current(lease) WHERE lease != 0;
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS leases (id INTEGER PRIMARY KEY, ttl INTEGER NOT NULL);
            INSERT OR IGNORE INTO meta(name, value) VALUES ('revision', 0), ('compacted', 0);
            """)
    }

    static func meta(_ db: SQLiteConnection, _ name: String) throws(ClusterStoreError) -> Int64 {
        let s = try db.statement("SELECT value FROM meta WHERE name = ?1").bind(1, name)
        return try s.step() ? s.int64(0) : 0
    }

    static func setMeta(_ db: SQLiteConnection, _ name: String, _ value: Int64) throws(ClusterStoreError) {
        try db.statement("UPDATE meta SET value = ?2 WHERE name = ?1").bind(1, name).bind(2, value).run()
    }

    /// Columns read by `keyValue(from:at:)`, prefixed by table alias `k`.
    static let kvColumns = "k.key, k.create_revision, k.mod_revision, k.version, k.lease, k.value"

    static func keyValue(_ s: SQLiteStatement, at column: Int32) -> KeyValue {
        KeyValue(
            key: s.string(column), value: s.bytes(column + 5),
            createRevision: s.int64(column + 1), modRevision: s.int64(column + 2),
            version: s.int64(column + 3), lease: s.int64(column + 4))
    }
}
