import Foundation
import Testing
@testable import Store

/// What the SQLite backend keeps across close and reopen, and how it commits.
@Suite struct SQLiteDurabilityTests {
    static func withDirectory(_ body: (String) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try await body(dir.appendingPathComponent("store.db").path)
    }

    @Test func reopeningKeepsDataRevisionCompactionAndLeases() async throws {
        try await Self.withDirectory { path in
            let clock = ManualStoreClock()
            var store = try SQLiteClusterStore(path: path, clock: clock)
            let lease = try await store.grantLease(ttlSeconds: 30)
            try await store.put("/a", "1".bytes)
            try await store.put("/a", "2".bytes)
            try await store.put("/leased", "x".bytes, lease: lease.id)
            try await store.compact(2)
            await store.close()

            store = try SQLiteClusterStore(path: path, clock: clock)
            #expect(try await store.currentRevision() == 3)
            #expect(try await store.compactedRevision() == 2)
            #expect(try await store.get("/a")?.text == "2")
            #expect(try await store.get("/leased")?.lease == lease.id)
            // The lease survived with a fresh TTL and still expires its keys.
            _ = try await store.keepAlive(lease.id)
            clock.advance(by: .seconds(31))
            #expect(try await store.expireLeases() == 1)
            #expect(try await store.get("/leased") == nil)
            // A new lease never reuses a persisted id.
            #expect(try await store.grantLease(ttlSeconds: 5).id > lease.id)
            await store.close()
        }
    }

    @Test func concurrentWritersShareCommits() async throws {
        try await Self.withDirectory { path in
            let store = try SQLiteClusterStore(path: path)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for w in 0..<32 {
                    group.addTask { for i in 0..<8 { try await store.put("/g/\(w)/\(i)", [UInt8](repeating: 1, count: 1024)) } }
                }
                try await group.waitForAll()
            }
            let stats = store.commitStatistics
            #expect(stats.writes == 256)
            // Group commit: many acknowledged writes per fsync'd transaction.
            #expect(stats.commits * 2 < stats.writes, "\(stats.commits) commits for \(stats.writes) writes")
            await store.close()
        }
    }
}
