import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Testing

/// The DaemonSet controller against the in-process API server, with hollow nodes binding and
/// running its pods.
@Suite(.timeLimit(.minutes(2))) struct DaemonSetScenarioTests {
    static func pods(_ cluster: InProcessCluster, app: String) async throws -> [Pod] {
        try await cluster.client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=\(app)")).items
            .filter { $0.metadata.deletionTimestamp == nil }
    }

    static func status(_ cluster: InProcessCluster, _ name: String) async -> DaemonSetStatus? {
        try? await cluster.client.get(DaemonSet.self, name: name, namespace: "default").status
    }

    @Test func runsOnePodOnEveryNodeAndFollowsTaints() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.daemonSet("agent"))
        #expect(await eventually {
            let status = await Self.status(cluster, "agent")
            return status?.desiredNumberScheduled == 3 && status?.numberReady == 3
        })
        let nodes = try await Self.pods(cluster, app: "agent").map { $0.spec?.nodeName ?? "" }.sorted()
        #expect(nodes == ["hollow-0", "hollow-1", "hollow-2"], "one pod on each node")

        _ = try await cluster.client.patch(Node.self, name: "hollow-1", .merge(.object(["spec": .object(["taints": .array([
            .object(["key": .string("dedicated"), "value": .string("db"), "effect": .string("NoExecute")]),
        ])])])))
        #expect(await eventually {
            let nodes = ((try? await Self.pods(cluster, app: "agent")) ?? []).map { $0.spec?.nodeName ?? "" }.sorted()
            let status = await Self.status(cluster, "agent")
            return nodes == ["hollow-0", "hollow-2"] && status?.desiredNumberScheduled == 2
        }, "the pod leaves the node whose NoExecute taint it does not tolerate")
    }

    @Test func nodeSelectorLimitsTheNodes() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        var set = Fixtures.daemonSet("edge")
        set.spec?.template?.spec?.nodeSelector = ["kubernetes.io/hostname": "hollow-2"]
        _ = try await cluster.client.create(set)
        #expect(await eventually { await Self.status(cluster, "edge")?.numberAvailable == 1 })
        let pods = try await Self.pods(cluster, app: "edge")
        #expect(pods.map { $0.spec?.nodeName ?? "" } == ["hollow-2"])
        #expect(await Self.status(cluster, "edge")?.desiredNumberScheduled == 1)
    }

    @Test func rollingUpdateReplacesEveryPodAndKeepsRevisions() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.daemonSet("logs"))
        #expect(await eventually { await Self.status(cluster, "logs")?.numberAvailable == 3 })
        _ = try await cluster.client.patch(DaemonSet.self, name: "logs", namespace: "default", .strategic(.object(["spec": .object([
            "template": .object(["spec": .object(["containers": .array([
                .object(["name": .string("main"), "image": .string("registry.local/agent:v2")]),
            ])])]),
        ])])))
        #expect(await eventually {
            let status = await Self.status(cluster, "logs")
            let images = Set(((try? await Self.pods(cluster, app: "logs")) ?? []).compactMap { $0.spec?.containers.first?.image })
            return status?.updatedNumberScheduled == 3 && status?.numberAvailable == 3 && images == ["registry.local/agent:v2"]
        }, "every pod runs the new template")
        let revisions = try await cluster.client.list(ControllerRevision.self, namespace: "default").items
        #expect(revisions.map { $0.revision ?? 0 }.sorted() == [1, 2])
    }

    @Test func aDaemonPodThatKeepsFailingIsReplacedWithBackOff() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1) { pod in
            pod.metadata.labels?["app"] == "crash" ? .fail(exitCode: 1) : .runReady
        }
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.daemonSet("crash"))
        #expect(await eventually {
            let events = (try? await cluster.client.list(Event.self, namespace: "default").items) ?? []
            return events.contains { $0.reason == "FailedDaemonPod" }
        })
        try await Task.sleep(for: .seconds(3))
        let events = try await cluster.client.list(Event.self, namespace: "default").items
        let failures = events.filter { $0.reason == "FailedDaemonPod" }.reduce(Int32(0)) { $0 + ($1.count ?? 1) }
        // Back-off of 1 s, 2 s, 4 s: a handful of replacements in 3 s, not one per node pass.
        #expect((1...4).contains(failures), "\(failures) failed pods replaced in about 3 s")
    }
}
