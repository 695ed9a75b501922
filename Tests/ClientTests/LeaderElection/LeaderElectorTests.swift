import CapstanTestKit
import Client
import Foundation
import Resources
import Testing

/// Who leads, and whether two ever led at once.
private actor Leadership {
    private(set) var leaders: Set<String> = []
    private(set) var overlapped = false
    private(set) var stopped = false

    func start(_ identity: String) {
        if !leaders.isEmpty { overlapped = true }
        leaders.insert(identity)
    }

    func stop(_ identity: String) {
        leaders.remove(identity)
        stopped = true
    }
}

/// Leader election against the in-process API server.
@Suite(.timeLimit(.minutes(1))) struct LeaderElectorTests {
    static func elector(_ identity: String, _ client: any ClusterClient) -> LeaderElector {
        LeaderElector(configuration: .init(name: "election-test", identity: identity, leaseDuration: .seconds(2),
                                           renewDeadline: .milliseconds(1500), retryPeriod: .milliseconds(100)),
                      client: client)
    }

    static func holder(_ client: any ClusterClient) async -> String? {
        try? await client.get(Lease.self, name: "election-test", namespace: "kube-system").spec?.holderIdentity
    }

    @Test func onlyOneLeadsAndTheOtherTakesOverWhenTheLeaderStops() async throws {
        let cluster = try await InProcessCluster.start(controllers: false)
        defer { Task { await cluster.stop() } }
        let leadership = Leadership()
        let client = cluster.client
        func campaign(_ identity: String) -> Task<Void, Never> {
            Task {
                await Self.elector(identity, client).run {
                    await leadership.start(identity)
                    do { try await Task.sleep(for: .seconds(3600)) } catch {}
                    await leadership.stop(identity)
                }
            }
        }
        let first = campaign("one")
        #expect(await eventually { await leadership.leaders == ["one"] })
        let second = campaign("two")
        try await Task.sleep(for: .milliseconds(500))
        #expect(await leadership.leaders == ["one"], "the second waits while the first renews")

        first.cancel()
        _ = await first.value
        #expect(await eventually { await leadership.leaders == ["two"] }, "the second takes over")
        #expect(await Self.holder(cluster.client) == "two")
        #expect(await !leadership.overlapped, "never two leaders at once")
        second.cancel()
        _ = await second.value
    }

    @Test func losingTheLeaseStopsTheWork() async throws {
        let cluster = try await InProcessCluster.start(controllers: false)
        defer { Task { await cluster.stop() } }
        let leadership = Leadership()
        let client = cluster.client
        let task = Task {
            await Self.elector("one", client).run {
                await leadership.start("one")
                do { try await Task.sleep(for: .seconds(3600)) } catch {}
                await leadership.stop("one")
            }
        }
        defer { task.cancel() }
        #expect(await eventually { await leadership.leaders == ["one"] })
        // Another holder takes the lease for a long time: every renewal now fails.
        for _ in 0..<5 {
            do {
                var lease = try await cluster.client.get(Lease.self, name: "election-test", namespace: "kube-system")
                lease.spec?.holderIdentity = "usurper"
                lease.spec?.leaseDurationSeconds = 3600
                lease.spec?.renewTime = MicroTime(Time(Date()))
                _ = try await cluster.client.update(lease)
                break
            } catch {
                guard error.isConflict else { throw error }
            }
        }
        #expect(await eventually { await leadership.stopped }, "the work is cancelled once the lease is lost")
        #expect(await Self.holder(cluster.client) == "usurper")
    }
}
