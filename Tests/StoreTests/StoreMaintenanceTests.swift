import Testing
@testable import Store

@Suite struct StoreMaintenanceTests {
    @Test func aTickExpiresLeasesAndCompactsHistoryOlderThanTheRetentionWindow() async throws {
        let clock = ManualStoreClock()
        let store = MemoryClusterStore(clock: clock)
        let maintenance = StoreMaintenance(store: store, clock: clock, retention: .seconds(60))
        var compactor = RevisionCompactor(window: maintenance.retention)
        let lease = try await store.grantLease(ttlSeconds: 30)
        try await store.put("/a", [1])                       // 1
        try await store.put("/b", [1], lease: lease.id)      // 2
        #expect(try await maintenance.tick(&compactor) == nil)

        clock.advance(by: .seconds(31))
        try await store.put("/a", [2])                       // 3
        #expect(try await maintenance.tick(&compactor) == nil)   // expires the lease: delete at 4
        #expect(try await store.get("/b") == nil)

        clock.advance(by: .seconds(30))
        // Revision 2 was current 60 s ago: history before it is compacted away.
        #expect(try await maintenance.tick(&compactor) == 2)
        #expect(try await store.compactedRevision() == 2)
        await #expect(throws: ClusterStoreError.compacted(requested: 1, compactedRevision: 2)) {
            try await store.get("/a", revision: 1)
        }
    }
}
