import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Testing

/// The node lifecycle controller against the in-process API server: a hollow node that stops
/// heartbeating is marked Unknown and tainted, and its pods are evicted once the default
/// 300 s toleration the API server gave them runs out.
@Suite(.timeLimit(.minutes(2))) struct NodeLifecycleScenarioTests {
    static func node(_ cluster: InProcessCluster, _ name: String) async -> Node? {
        try? await cluster.client.get(Node.self, name: name)
    }

    static func ready(_ node: Node?) -> String? {
        node?.status?.conditions.first { $0.type == "Ready" }?.status
    }

    /// Moves the clock on in 5 s steps, giving the live nodes time to heartbeat in between.
    static func pass(_ seconds: Int, on clock: ManualClock) async throws {
        for _ in 0..<(seconds / 5) {
            clock.advance(by: .seconds(5))
            try await Task.sleep(for: .milliseconds(30))
        }
    }

    @Test func silentNodeIsTaintedAndItsPodsAreEvictedAfterTheirToleration() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        let nodes = try #require(cluster.hollowNodes)
        _ = try await cluster.client.create(Fixtures.replicaSet("web", replicas: 4))
        #expect(await eventually {
            let pods = (try? await cluster.client.list(Pod.self, namespace: "default").items) ?? []
            return pods.filter(\.isReady).count == 4 && pods.contains { $0.spec?.nodeName == "hollow-1" }
        })
        let pods = try await cluster.client.list(Pod.self, namespace: "default").items
        let onSilent = pods.filter { $0.spec?.nodeName == "hollow-1" }
        #expect(pods.allSatisfy { pod in
            pod.spec?.tolerations.contains { $0.key == "node.kubernetes.io/unreachable" && $0.tolerationSeconds == 300 } == true
        })

        await nodes.silence("hollow-1")
        try await Self.pass(60, on: clock)
        #expect(await eventually { Self.ready(await Self.node(cluster, "hollow-1")) == "Unknown" })
        let silent = await Self.node(cluster, "hollow-1")
        let taints = Set((silent?.spec?.taints ?? []).map { "\($0.key):\($0.effect ?? "")" })
        #expect(taints == ["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"])
        #expect(Self.ready(await Self.node(cluster, "hollow-0")) == "True", "the live node was marked too")
        #expect(await Self.node(cluster, "hollow-0")?.spec?.taints.isEmpty == true)

        // Within the toleration the pods stay; past it they are evicted.
        try await Task.sleep(for: .milliseconds(100))
        for pod in onSilent {
            let current = try await cluster.client.get(Pod.self, name: pod.name, namespace: "default")
            #expect(current.metadata.deletionTimestamp == nil, "evicted before its toleration ran out")
        }
        try await Self.pass(310, on: clock)
        #expect(await eventually {
            var evicted = true
            for pod in onSilent {
                let current = try? await cluster.client.get(Pod.self, name: pod.name, namespace: "default")
                if current?.metadata.deletionTimestamp == nil { evicted = false }
            }
            return evicted
        })
        // The ReplicaSet replaces them on the live node.
        #expect(await eventually {
            let pods = (try? await cluster.client.list(Pod.self, namespace: "default").items) ?? []
            return pods.filter { $0.isReady && $0.spec?.nodeName == "hollow-0" && $0.metadata.deletionTimestamp == nil }.count == 4
        })
    }
}
