/// The store's housekeeping loop: expires leases and compacts history older than the
/// retention window. Runs until its task is cancelled.
public struct StoreMaintenance: Sendable {
    public let store: any ClusterStore
    public let clock: any StoreClock
    public let retention: Duration
    public let interval: Duration

    /// - Parameters:
    ///   - retention: how much history stays readable and watchable (Kubernetes compacts every 5 minutes).
    ///   - interval: how often leases and compaction are checked.
    public init(store: any ClusterStore, clock: any StoreClock = SystemStoreClock(), retention: Duration = .seconds(300), interval: Duration = .milliseconds(500)) {
        self.store = store
        self.clock = clock
        self.retention = retention
        self.interval = interval
    }

    /// One round: expire due leases, then compact if the window has moved. Returns the revision
    /// compacted to, if any.
    @discardableResult
    public func tick(_ compactor: inout RevisionCompactor) async throws -> Int64? {
        _ = try await store.expireLeases()
        guard let target = compactor.observe(now: clock.now(), revision: try await store.currentRevision()) else { return nil }
        do {
            try await store.compact(target)
        } catch ClusterStoreError.compacted {
            return nil  // someone compacted further already
        }
        return target
    }

    public func run() async throws {
        var compactor = RevisionCompactor(window: retention)
        while !Task.isCancelled {
            try await tick(&compactor)
            try? await Task.sleep(for: interval)
        }
    }
}
