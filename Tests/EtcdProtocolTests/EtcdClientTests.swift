import EtcdProtocol
import Foundation
import GRPCCore
import Testing

/// Live tests: each starts a real single-member etcd (Debian's etcd-server, installed by
/// scripts/setup) on loopback with a fresh data directory and talks to it through `EtcdClient`.
@Suite("EtcdClient against a live etcd")
struct EtcdClientTests {
    @Test func putThenRangeReturnsTheValuesInKeyOrder() async throws {
        try await withLiveEtcd { client in
            let first = try await client.put("/registry/pods/b", Array("two".utf8))
            let second = try await client.put("/registry/pods/a", Array("one".utf8))
            #expect(second == first + 1)
            try await client.put("/registry/podsx", Array("outside".utf8))

            let all = try await client.range(prefix: "/registry/pods/")
            #expect(all.kvs.map { String(decoding: $0.key, as: UTF8.self) } == ["/registry/pods/a", "/registry/pods/b"])
            #expect(all.kvs.map { String(decoding: $0.value, as: UTF8.self) } == ["one", "two"])
            #expect(all.count == 2)

            let page = try await client.range(prefix: "/registry/pods/", limit: 1)
            #expect(page.kvs.count == 1 && page.more)

            let old = try await client.range(prefix: "/registry/pods/", revision: first)
            #expect(old.kvs.map { String(decoding: $0.key, as: UTF8.self) } == ["/registry/pods/b"])

            #expect(try await client.delete("/registry/pods/a") == 1)
            #expect(try await client.get("/registry/pods/a") == nil)
        }
    }

    @Test func txnWithAStaleModRevisionFails() async throws {
        try await withLiveEtcd { client in
            let created = try await client.update("/k", Array("v1".utf8), expectedModRevision: 0)
            let createdRevision = try #require(created)
            #expect(try await client.update("/k", Array("again".utf8), expectedModRevision: 0) == nil)

            let updated = try await client.update("/k", Array("v2".utf8), expectedModRevision: createdRevision)
            #expect(updated == createdRevision + 1)
            // A writer still holding the first revision loses.
            #expect(try await client.update("/k", Array("stale".utf8), expectedModRevision: createdRevision) == nil)

            let failure = try await client.txn(
                compare: [.modRevision("/k", .equal, createdRevision)],
                success: [.put("/k", Array("never".utf8))],
                failure: [.get("/k")]
            )
            #expect(!failure.succeeded)
            let current = try #require(failure.responses.first?.responseRange.kvs.first)
            #expect(String(decoding: current.value, as: UTF8.self) == "v2")
            #expect(current.version == 2)
        }
    }

    @Test func watchDeliversEveryChangeFromARevision() async throws {
        try await withLiveEtcd { client in
            let start = try await client.put("/w/a", Array("1".utf8))
            try await client.put("/other", Array("x".utf8))
            try await client.put("/w/b", Array("2".utf8))
            try await client.delete("/w/a")

            let events = try await client.watch(prefix: "/w/", fromRevision: start, prevKV: true) { events in
                var seen: [Mvccpb_Event] = []
                for try await event in events {
                    seen.append(event)
                    if seen.count == 3 { break }
                }
                return seen
            }
            #expect(events.map(\.type) == [.put, .put, .delete])
            #expect(events.map { String(decoding: $0.kv.key, as: UTF8.self) } == ["/w/a", "/w/b", "/w/a"])
            #expect(events.map(\.kv.modRevision) == [start, start + 2, start + 3])
            #expect(String(decoding: events[2].prevKv.value, as: UTF8.self) == "1")
        }
    }

    @Test func watchFromACompactedRevisionIsCanceled() async throws {
        try await withLiveEtcd { client in
            let first = try await client.put("/c", Array("1".utf8))
            let last = try await client.put("/c", Array("2".utf8))
            try await client.compact(last, physical: true)
            await #expect {
                try await client.watch(prefix: "/c", fromRevision: first) { events in
                    for try await _ in events {}
                }
            } throws: { error in
                guard case EtcdClientError.watchCanceled(_, let compactRevision) = error else { return false }
                return compactRevision == last
            }
        }
    }

    @Test func keysOfAnExpiredLeaseAreDeleted() async throws {
        try await withLiveEtcd { client in
            let lease = try await client.grantLease(ttlSeconds: 2)
            #expect(lease.ttl >= 2)
            let revision = try await client.put("/leased", Array("v".utf8), lease: lease.id)
            #expect(try await client.keepAliveOnce(lease.id) >= 2)

            // Waits on the delete event itself; etcd expires the lease about 2 s after the keep-alive.
            let deletion = try await client.watch(prefix: "/leased", fromRevision: revision + 1) { events -> Mvccpb_Event? in
                for try await event in events where event.type == .delete { return event }
                return nil
            }
            #expect(deletion != nil)
            #expect(try await client.get("/leased") == nil)
            await #expect(throws: EtcdClientError.leaseNotFound(lease.id)) {
                try await client.keepAliveOnce(lease.id)
            }
        }
    }

    @Test func revokingALeaseDeletesItsKeys() async throws {
        try await withLiveEtcd { client in
            let lease = try await client.grantLease(ttlSeconds: 60)
            try await client.put("/revoked", Array("v".utf8), lease: lease.id)
            let alive = try await client.withKeepAlive(lease.id, every: .milliseconds(200)) {
                try await client.get("/revoked") != nil
            }
            #expect(alive)
            try await client.revokeLease(lease.id)
            #expect(try await client.get("/revoked") == nil)
            #expect(try await client.timeToLive(lease.id).ttl == -1)
        }
    }

    @Test func manyRequestsOnOneConnectionSucceed() async throws {
        // etcd pings after each request; without GRPCGoBDPPingFilter swift-nio-http2 closes the
        // connection after about 200 of them.
        try await withLiveEtcd { client in
            for index in 0..<600 {
                try await client.put("/many/\(index)", [UInt8](repeating: 0x61, count: 1024))
            }
            #expect(try await client.range(prefix: "/many/").count == 600)
        }
    }

    @Test func statusReportsTheMember() async throws {
        try await withLiveEtcd { client in
            let status = try await client.status()
            #expect(status.version.hasPrefix("3."))
            #expect(status.leader != 0)
            #expect(status.dbSize > 0)
        }
    }
}

/// Starts etcd in a temporary directory, runs `body` with a connected client, then stops etcd and
/// removes the directory. Fails (does not skip) when the etcd binary is missing.
func withLiveEtcd(_ body: (EtcdClient) async throws -> Void) async throws {
    guard FileManager.default.isExecutableFile(atPath: EtcdLocalServer.defaultBinary) else {
        Issue.record("\(EtcdLocalServer.defaultBinary) is missing: run scripts/setup, which installs Debian's etcd-server")
        return
    }
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("capstan-etcd-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let server = try await EtcdLocalServer.start(dataDirectory: directory + "/data", logFile: directory + "/etcd.log")
    defer { server.stop() }
    try await EtcdClient.connect(port: server.clientPort) { client in
        try await body(client)
    }
}
