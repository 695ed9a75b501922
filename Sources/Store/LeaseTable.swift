/// Lease TTLs and deadlines: which leases exist and which have expired. Pure; the store
/// persists leases and deletes their keys.
struct LeaseTable: Sendable {
    struct Entry: Sendable {
        var ttlSeconds: Int64
        var deadline: Duration
    }

    private(set) var leases: [Int64: Entry] = [:]
    private(set) var lastID: Int64 = 0

    /// Restores persisted leases; each gets a full TTL from `now`, as etcd does on restart.
    init(restoring persisted: [(id: Int64, ttlSeconds: Int64)] = [], now: Duration = .zero) {
        for lease in persisted {
            leases[lease.id] = Entry(ttlSeconds: lease.ttlSeconds, deadline: now + .seconds(lease.ttlSeconds))
            lastID = max(lastID, lease.id)
        }
    }

    func contains(_ id: Int64) -> Bool { leases[id] != nil }

    /// A new lease with a fresh id.
    mutating func grant(ttlSeconds: Int64, now: Duration) -> Lease {
        lastID += 1
        let ttl = max(1, ttlSeconds)
        leases[lastID] = Entry(ttlSeconds: ttl, deadline: now + .seconds(ttl))
        return Lease(id: lastID, ttlSeconds: ttl)
    }

    mutating func keepAlive(_ id: Int64, now: Duration) throws(ClusterStoreError) -> Lease {
        guard var entry = leases[id], entry.deadline > now else { throw .leaseNotFound(id) }
        entry.deadline = now + .seconds(entry.ttlSeconds)
        leases[id] = entry
        return Lease(id: id, ttlSeconds: entry.ttlSeconds)
    }

    mutating func remove(_ id: Int64) { leases[id] = nil }

    /// Leases whose deadline has passed, oldest id first.
    func expired(at now: Duration) -> [Int64] {
        leases.filter { $0.value.deadline <= now }.keys.sorted()
    }
}
