/// Decides automatic compaction: keep `window` of history, compacting to the revision that was
/// current `window` ago (etcd's periodic retention). Pure: fed the time and current revision.
public struct RevisionCompactor: Sendable {
    public var window: Duration
    private var samples: [(at: Duration, revision: Int64)] = []
    private var lastCompacted: Int64 = 0

    public init(window: Duration) { self.window = window }

    /// Records `revision` as current at `now`; returns the revision to compact to, if one is due.
    public mutating func observe(now: Duration, revision: Int64) -> Int64? {
        if samples.last?.revision != revision { samples.append((now, revision)) }
        guard let due = samples.lastIndex(where: { $0.at <= now - window }) else { return nil }
        let target = samples[due].revision
        samples.removeFirst(due)
        guard target > lastCompacted else { return nil }
        lastCompacted = target
        return target
    }
}
