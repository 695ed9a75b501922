import Foundation
import Testing
@testable import Store

/// The `ClusterStore` contract, run against every backend.
@Suite struct ClusterStoreConformanceTests {
    @Test(arguments: Backend.allCases)
    func everyWriteAdvancesTheRevisionByOne(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        #expect(try await f.store.currentRevision() == 0)
        #expect(try await f.store.put("/a", "1".bytes) == 1)
        #expect(try await f.store.put("/b", "2".bytes) == 2)
        #expect(try await f.store.delete("/a") == 1)
        #expect(try await f.store.currentRevision() == 3)
        // A transaction whose branch only reads does not advance the revision.
        let r = try await f.store.txn(Txn(success: [.range(.prefix("/"))]))
        #expect(r.revision == 3)
        #expect(try await f.store.currentRevision() == 3)
    }

    @Test(arguments: Backend.allCases)
    func keysTrackCreateRevisionModRevisionAndVersion(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        try await f.store.put("/k", "v1".bytes)
        try await f.store.put("/other", "x".bytes)
        try await f.store.put("/k", "v2".bytes)
        var kv = try #require(try await f.store.get("/k"))
        #expect((kv.createRevision, kv.modRevision, kv.version, kv.text) == (1, 3, 2, "v2"))
        try await f.store.delete("/k")
        #expect(try await f.store.get("/k") == nil)
        try await f.store.put("/k", "v3".bytes)
        kv = try #require(try await f.store.get("/k"))
        // A new generation starts after a delete.
        #expect((kv.createRevision, kv.modRevision, kv.version) == (5, 5, 1))
    }

    @Test(arguments: Backend.allCases)
    func rangeByPrefixReturnsKeysInOrderWithCount(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        for key in ["/pods/b", "/pods/a", "/podsx", "/pod", "/pods/c"] { try await f.store.put(key, key.bytes) }
        let r = try await f.store.range(.prefix("/pods/"))
        #expect(r.kvs.map(\.key) == ["/pods/a", "/pods/b", "/pods/c"])
        #expect(r.count == 3)
        #expect(r.revision == 5)
        #expect(!r.more)
        let counted = try await f.store.range(RangeRequest(start: "/pods/", end: KeyRange.prefixEnd("/pods/"), countOnly: true))
        #expect(counted.count == 3 && counted.kvs.isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func limitedRangesPageWithAContinueTokenAtTheFirstPagesRevision(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        for i in 0..<5 { try await f.store.put("/items/\(i)", "\(i)".bytes) }
        let first = try await f.store.range(.prefix("/items/", limit: 2))
        #expect(first.kvs.map(\.key) == ["/items/0", "/items/1"])
        #expect(first.count == 5)
        let token = try #require(first.continueToken)
        // Writes after the first page are not seen by later pages.
        try await f.store.put("/items/2", "changed".bytes)
        try await f.store.delete("/items/3")
        let second = try await f.store.range(.continuing(token, limit: 2))
        #expect(second.kvs.map(\.key) == ["/items/2", "/items/3"])
        #expect(second.kvs.map(\.text) == ["2", "3"])
        #expect(second.revision == first.revision)
        let third = try await f.store.range(.continuing(try #require(second.continueToken), limit: 2))
        #expect(third.kvs.map(\.key) == ["/items/4"])
        #expect(third.continueToken == nil)
    }

    @Test(arguments: Backend.allCases)
    func readsAtAnOlderRevisionSeeThatRevision(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        try await f.store.put("/x", "one".bytes)
        try await f.store.put("/x", "two".bytes)
        try await f.store.delete("/x")
        #expect(try await f.store.get("/x", revision: 1)?.text == "one")
        #expect(try await f.store.get("/x", revision: 2)?.text == "two")
        #expect(try await f.store.get("/x", revision: 3) == nil)
        #expect(try await f.store.range(.prefix("/", revision: 2)).kvs.map(\.text) == ["two"])
        await #expect(throws: ClusterStoreError.futureRevision(requested: 9, current: 3)) {
            try await f.store.get("/x", revision: 9)
        }
    }

    @Test(arguments: Backend.allCases)
    func compareAndSwapOnModRevisionRejectsStaleWriters(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        #expect(try await f.store.create("/obj", "a".bytes) == 1)
        #expect(try await f.store.create("/obj", "again".bytes) == nil)
        #expect(try await f.store.update("/obj", "b".bytes, expectedModRevision: 1) == 2)
        #expect(try await f.store.update("/obj", "stale".bytes, expectedModRevision: 1) == nil)
        #expect(try await f.store.get("/obj")?.text == "b")
        // The failure branch runs (and can read) when a compare does not hold.
        let r = try await f.store.txn(Txn(
            compare: [.modRevision("/obj", .equal, 1)],
            success: [.put("/obj", "c".bytes)],
            failure: [.range(RangeRequest(start: "/obj", end: nil))]))
        #expect(!r.succeeded)
        #expect(r.responses.first?.rangeResult?.kvs.first?.text == "b")
        #expect(r.revision == 2)
    }

    @Test(arguments: Backend.allCases)
    func aTransactionAppliesAllItsOperationsAtOneRevision(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        try await f.store.put("/gone", "x".bytes)
        let r = try await f.store.txn(Txn(success: [.put("/p", "1".bytes), .put("/q", "2".bytes), .delete("/gone"), .range(.prefix("/"))]))
        #expect(r.succeeded && r.revision == 2)
        #expect(r.responses[2].deleted == 1)
        #expect(r.responses[3].rangeResult?.kvs.map(\.key) == ["/p", "/q"])
        #expect(try await f.store.get("/p")?.modRevision == 2)
        #expect(try await f.store.get("/q")?.modRevision == 2)
    }

    @Test(arguments: Backend.allCases)
    func aTransactionWritingOneKeyTwiceIsRefusedAndChangesNothing(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        await #expect(throws: ClusterStoreError.self) {
            try await f.store.txn(Txn(success: [.put("/d", "1".bytes), .put("/d", "2".bytes)]))
        }
        #expect(try await f.store.currentRevision() == 0)
        #expect(try await f.store.get("/d") == nil)
    }

    @Test(arguments: Backend.allCases)
    func deleteRangeRemovesEveryKeyInItAtOneRevision(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        for key in ["/ns/a", "/ns/b", "/nt"] { try await f.store.put(key, [1]) }
        let r = try await f.store.txn(Txn(success: [.delete("/ns/", end: KeyRange.prefixEnd("/ns/"))]))
        #expect(r.responses.first?.deleted == 2)
        #expect(r.revision == 4)
        #expect(try await f.store.range(.prefix("/")).kvs.map(\.key) == ["/nt"])
        #expect(try await f.store.delete("/missing") == 0)
    }

    @Test(arguments: Backend.allCases)
    func watchDeliversEveryChangeInOrderExactlyOnceAcrossReplayAndLive(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        for i in 0..<20 { try await f.store.put("/w/\(i % 5)", "\(i)".bytes) }
        try await f.store.put("/elsewhere", [0])
        // Start in the past while writers keep writing: replay and live events must join seamlessly.
        let stream = try await f.store.watch(prefix: "/w/", fromRevision: 3)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<4 {
                group.addTask { for i in 0..<25 { try await f.store.put("/w/live-\(w)-\(i)", [1]) } }
            }
            group.addTask { try await f.store.delete("/w/0") }
            try await group.waitForAll()
        }
        let events = try await collect(18 + 100 + 1, from: stream)
        let revisions = events.map(\.revision)
        #expect(revisions == revisions.sorted())
        #expect(Set(revisions).count == revisions.count)
        #expect(revisions.first == 3)
        #expect(events.allSatisfy { $0.kv.key.hasPrefix("/w/") })
        let delete = try #require(events.first { $0.kind == .delete })
        #expect(delete.kv.key == "/w/0")
        #expect(delete.previous?.text == "15")
        let update = try #require(events.first { $0.revision == 6 })
        #expect(update.previous?.text == "0")
        #expect(update.kv.version == 2)
    }

    @Test(arguments: Backend.allCases)
    func watchFromNowSeesOnlyLaterChanges(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        try await f.store.put("/a", [1])
        let stream = try await f.store.watch(prefix: "/", fromRevision: 0)
        try await f.store.put("/b", [2])
        let events = try await collect(1, from: stream)
        #expect(events.map(\.kv.key) == ["/b"])
        #expect(events.first?.previous == nil)
    }

    @Test(arguments: Backend.allCases)
    func compactionForgetsOldRevisionsAndWatchingFromThemFails(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        try await f.store.put("/c", "1".bytes)     // 1
        try await f.store.put("/c", "2".bytes)     // 2
        try await f.store.put("/d", "x".bytes)     // 3
        try await f.store.delete("/d")             // 4
        try await f.store.put("/c", "3".bytes)     // 5
        try await f.store.compact(4)
        #expect(try await f.store.compactedRevision() == 4)
        await #expect(throws: ClusterStoreError.compacted(requested: 2, compactedRevision: 4)) {
            try await f.store.get("/c", revision: 2)
        }
        await #expect(throws: ClusterStoreError.compacted(requested: 1, compactedRevision: 4)) {
            try await f.store.watch(prefix: "/", fromRevision: 1)
        }
        // The compaction revision itself stays readable and watchable.
        #expect(try await f.store.get("/c", revision: 4)?.text == "2")
        #expect(try await f.store.get("/d", revision: 4) == nil)
        let events = try await collect(2, from: try await f.store.watch(prefix: "/", fromRevision: 4))
        #expect(events.map(\.revision) == [4, 5])
        #expect(events[1].previous?.text == "2")
        #expect(try await f.store.get("/c")?.text == "3")
    }

    @Test(arguments: Backend.allCases)
    func expiredLeasesDeleteTheirKeysAndKeepAliveExtendsThem(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        let short = try await f.store.grantLease(ttlSeconds: 10)
        let long = try await f.store.grantLease(ttlSeconds: 10)
        try await f.store.put("/leased/a", [1], lease: short.id)
        try await f.store.put("/leased/b", [2], lease: short.id)
        try await f.store.put("/leased/c", [3], lease: long.id)
        f.clock.advance(by: .seconds(6))
        _ = try await f.store.keepAlive(long.id)
        f.clock.advance(by: .seconds(5))
        #expect(try await f.store.expireLeases() == 1)
        #expect(try await f.store.range(.prefix("/leased/")).kvs.map(\.key) == ["/leased/c"])
        await #expect(throws: ClusterStoreError.leaseNotFound(short.id)) { try await f.store.keepAlive(short.id) }
        await #expect(throws: ClusterStoreError.leaseNotFound(short.id)) {
            try await f.store.put("/late", [0], lease: short.id)
        }
        f.clock.advance(by: .seconds(10))
        #expect(try await f.store.expireLeases() == 1)
        #expect(try await f.store.range(.prefix("/leased/")).kvs.isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func revokingALeaseDeletesItsKeysAtOneRevision(_ backend: Backend) async throws {
        let f = try StoreFixture(backend)
        let lease = try await f.store.grantLease(ttlSeconds: 60)
        try await f.store.put("/r/1", [1], lease: lease.id)
        try await f.store.put("/r/2", [1], lease: lease.id)
        let stream = try await f.store.watch(prefix: "/r/", fromRevision: 0)
        try await f.store.revokeLease(lease.id)
        let events = try await collect(2, from: stream)
        #expect(events.map(\.kind) == [.delete, .delete])
        #expect(events[0].revision == events[1].revision)
        await #expect(throws: ClusterStoreError.leaseNotFound(lease.id)) { try await f.store.revokeLease(lease.id) }
    }
}
