/// The whole multi-version state of an in-memory store, as a value: every retained revision of
/// every key, the event log since the last compaction, and the revision counters.
///
/// Pure: `apply` and `range` do no I/O; `MemoryClusterStore` wraps it in a lock.
struct MVCCState: Sendable {
    /// One change of a key. A tombstone has `deleted` set and an empty value.
    struct Entry: Sendable {
        var kv: KeyValue
        var deleted: Bool
    }

    private(set) var revision: Int64 = 0
    private(set) var compacted: Int64 = 0
    /// Every key with retained history, oldest entry first.
    private var history: [String: [Entry]] = [:]
    /// The keys of `history`, in key order.
    private var sortedKeys: [String] = []
    /// Every event after `compacted`, in revision order.
    private(set) var log: [WatchEvent] = []

    /// The live value of `key` at `revision` (latest if nil).
    func value(of key: String, at revision: Int64? = nil) -> KeyValue? {
        guard let entries = history[key] else { return nil }
        let rev = revision ?? self.revision
        guard let entry = entries.last(where: { $0.kv.modRevision <= rev }), !entry.deleted else { return nil }
        return entry.kv
    }

    func checkReadable(_ revision: Int64) throws(ClusterStoreError) {
        if revision > self.revision { throw .futureRevision(requested: revision, current: self.revision) }
        if revision > 0 && revision < compacted { throw .compacted(requested: revision, compactedRevision: compacted) }
    }

    func range(_ request: RangeRequest) throws(ClusterStoreError) -> RangeResult {
        let rev = request.revision == 0 ? revision : request.revision
        try checkReadable(rev)
        var kvs: [KeyValue] = []
        var count = 0
        var next: String?
        for key in keys(from: request.start, to: request.end) {
            guard let kv = value(of: key, at: rev) else { continue }
            count += 1
            if request.countOnly { continue }
            if request.limit > 0 && kvs.count == request.limit {
                if next == nil { next = key }
                continue
            }
            kvs.append(kv)
        }
        let token = next.map { ContinueToken(startKey: $0, end: request.end, revision: rev) }
        return RangeResult(kvs: kvs, count: count, revision: rev, continueToken: token)
    }

    /// The keys with history in `[start, end)` (only `start` if `end` is nil), in key order.
    private func keys(from start: String, to end: String?) -> ArraySlice<String> {
        guard let end else { return history[start] == nil ? [] : [start] }
        let lower = lowerBound(start)
        let upper = lowerBound(end)
        return lower < upper ? sortedKeys[lower..<upper] : []
    }

    private func lowerBound(_ key: String) -> Int {
        var low = 0, high = sortedKeys.count
        while low < high {
            let mid = (low + high) / 2
            if KeyRange.precedes(sortedKeys[mid], key) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Applies `txn` at the next revision. Returns its result and the events it produced.
    mutating func apply(_ txn: Txn) throws(ClusterStoreError) -> (TxnResult, [WatchEvent]) {
        let succeeded = txn.compare.allSatisfy { $0.holds(for: value(of: $0.key)) }
        let ops = succeeded ? txn.success : txn.failure
        try TxnRules.checkNoDuplicateWrites(ops)
        let writes = ops.contains { $0.isWrite }
        let newRevision = writes ? revision + 1 : revision
        var responses: [OpResponse] = []
        var events: [WatchEvent] = []
        revision = newRevision  // reads later in the branch see its earlier writes
        for op in ops {
            switch op {
            case .put(let key, let value, let lease):
                let previous = self.value(of: key)
                let kv = KeyValue(
                    key: key, value: value,
                    createRevision: previous?.createRevision ?? newRevision,
                    modRevision: newRevision,
                    version: (previous?.version ?? 0) + 1,
                    lease: lease)
                record(Entry(kv: kv, deleted: false))
                events.append(WatchEvent(kind: .put, kv: kv, previous: previous))
                responses.append(.put(previous: previous))
            case .delete(let key, let end):
                var deleted: [KeyValue] = []
                for k in Array(keys(from: key, to: end)) {
                    guard let previous = value(of: k) else { continue }
                    let tombstone = KeyValue(key: k, value: [], createRevision: 0, modRevision: newRevision, version: 0, lease: 0)
                    record(Entry(kv: tombstone, deleted: true))
                    events.append(WatchEvent(kind: .delete, kv: tombstone, previous: previous))
                    deleted.append(previous)
                }
                responses.append(.delete(previous: deleted))
            case .range(var request):
                request.revision = 0
                responses.append(.range(try range(request)))
            }
        }
        log.append(contentsOf: events)
        return (TxnResult(succeeded: succeeded, revision: newRevision, responses: responses), events)
    }

    private mutating func record(_ entry: Entry) {
        let key = entry.kv.key
        if history[key] == nil {
            sortedKeys.insert(key, at: lowerBound(key))
            history[key] = [entry]
        } else {
            history[key]!.append(entry)
        }
    }

    /// Events with revision >= `from` on keys starting with `prefix`.
    func events(prefix: String, from: Int64) throws(ClusterStoreError) -> [WatchEvent] {
        if from < compacted { throw .compacted(requested: from, compactedRevision: compacted) }
        let start = firstLogIndex(atOrAfter: from)
        return log[start...].filter { $0.kv.key.hasPrefix(prefix) }
    }

    private func firstLogIndex(atOrAfter revision: Int64) -> Int {
        var low = 0, high = log.count
        while low < high {
            let mid = (low + high) / 2
            if log[mid].revision < revision { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Forgets history before `revision`, keeping each key's latest live value at or before it.
    mutating func compact(_ revision: Int64) throws(ClusterStoreError) {
        if revision <= compacted { throw .compacted(requested: revision, compactedRevision: compacted) }
        if revision > self.revision { throw .futureRevision(requested: revision, current: self.revision) }
        var removedKeys = false
        for (key, entries) in history {
            // Index of the latest entry at or before `revision`; everything older is superseded.
            guard let keep = entries.lastIndex(where: { $0.kv.modRevision <= revision }) else { continue }
            var kept = Array(entries[keep...])
            if kept[0].deleted && kept[0].kv.modRevision < revision { kept.removeFirst() }
            if kept.isEmpty {
                history[key] = nil
                removedKeys = true
            } else if kept.count != entries.count {
                history[key] = kept
            }
        }
        if removedKeys { sortedKeys = sortedKeys.filter { history[$0] != nil } }
        log.removeFirst(firstLogIndex(atOrAfter: revision))
        compacted = revision
    }
}

/// Rules every backend applies to a transaction before running it.
enum TxnRules {
    /// etcd refuses a transaction branch that writes the same key twice.
    static func checkNoDuplicateWrites(_ ops: [Op]) throws(ClusterStoreError) {
        var seen: Set<String> = []
        for op in ops {
            if case .put(let key, _, _) = op, !seen.insert(key).inserted {
                throw .invalidTxn("duplicate key \"\(key)\" given in txn request")
            }
        }
        var ranges: [(String, String?)] = []
        for op in ops {
            if case .delete(let start, let end) = op { ranges.append((start, end)) }
        }
        for key in seen where ranges.contains(where: { KeyRange.contains(key, start: $0.0, end: $0.1) }) {
            throw .invalidTxn("key \"\(key)\" is both put and deleted in txn request")
        }
    }
}
