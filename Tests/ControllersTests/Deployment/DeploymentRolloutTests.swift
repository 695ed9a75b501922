import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Synchronization
import Testing

/// The Deployment and ReplicaSet controllers together, against the in-process API server
/// with hollow nodes: rollouts, their bounds, revisions and rollback.
@Suite(.timeLimit(.minutes(2))) struct DeploymentRolloutTests {
    static func sets(_ cluster: InProcessCluster, app: String) async throws -> [ReplicaSet] {
        try await cluster.client.list(ReplicaSet.self, namespace: "default", options: ListOptions(labelSelector: "app=\(app)")).items
    }

    static func pods(_ cluster: InProcessCluster, app: String) async throws -> [Pod] {
        try await cluster.client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=\(app)")).items
    }

    static func complete(_ cluster: InProcessCluster, _ name: String, image: String, replicas: Int32) async -> Bool {
        guard let deployment = try? await cluster.client.get(Deployment.self, name: name, namespace: "default"),
              let status = deployment.status,
              let pods = try? await pods(cluster, app: name) else { return false }
        let progressing = status.conditions.first { $0.type == "Progressing" }
        return status.observedGeneration == deployment.metadata.generation
            && status.updatedReplicas == replicas && status.availableReplicas == replicas && status.replicas == replicas
            && progressing?.reason == "NewReplicaSetAvailable"
            && pods.count == Int(replicas) && pods.allSatisfy { $0.spec?.containers.first?.image == image }
    }

    static func setImage(_ cluster: InProcessCluster, _ name: String, _ image: String) async throws {
        let patch: JSONValue = .object(["spec": .object(["template": .object(["spec": .object([
            "containers": .array([.object(["name": .string("main"), "image": .string(image)])]),
        ])])])])
        _ = try await cluster.client.patch(Deployment.self, name: name, namespace: "default", .strategic(patch))
    }

    @Test func firstRolloutCreatesRevisionOneAndBecomesAvailable() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.deployment("web", replicas: 3))
        #expect(await eventually { await Self.complete(cluster, "web", image: "registry.local/web:v1", replicas: 3) })
        let sets = try await Self.sets(cluster, app: "web")
        #expect(sets.count == 1)
        #expect(sets.first?.metadata.annotations?["deployment.kubernetes.io/revision"] == "1")
        #expect(sets.first?.metadata.labels?["pod-template-hash"]?.isEmpty == false)
        let deployment = try await cluster.client.get(Deployment.self, name: "web", namespace: "default")
        #expect(deployment.metadata.annotations?["deployment.kubernetes.io/revision"] == "1")
        #expect(deployment.status?.conditions.first { $0.type == "Available" }?.status == "True")
    }

    @Test func rollingUpdateStaysWithinSurgeAndAvailabilityBounds() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.deployment("api", replicas: 10))
        #expect(await eventually { await Self.complete(cluster, "api", image: "registry.local/web:v1", replicas: 10) })

        // Sample the cluster while v2 rolls out: 25% of 10 gives at most 13 pods planned
        // (round up) and at least 8 ready (round down).
        let extremes = Mutex((maxPlanned: Int32(0), minReady: Int.max, samples: 0))
        let sampler = Task {
            while !Task.isCancelled {
                if let sets = try? await Self.sets(cluster, app: "api"), let pods = try? await Self.pods(cluster, app: "api") {
                    let planned = sets.reduce(Int32(0)) { $0 + ($1.spec?.replicas ?? 0) }
                    let ready = pods.filter { $0.metadata.deletionTimestamp == nil && $0.isReady }.count
                    extremes.withLock { $0 = (max($0.maxPlanned, planned), min($0.minReady, ready), $0.samples + 1) }
                }
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
        try await Self.setImage(cluster, "api", "registry.local/web:v2")
        let finished = await eventually(timeout: .seconds(60)) { await Self.complete(cluster, "api", image: "registry.local/web:v2", replicas: 10) }
        sampler.cancel()
        _ = await sampler.value
        #expect(finished)
        let seen = extremes.withLock { $0 }
        #expect(seen.samples > 5)
        #expect(seen.maxPlanned <= 13, "planned pods exceeded replicas + maxSurge")
        #expect(seen.minReady >= 8, "ready pods fell below replicas - maxUnavailable")

        let sets = try await Self.sets(cluster, app: "api")
        #expect(sets.count == 2)
        let byRevision = Dictionary(uniqueKeysWithValues: sets.map { ($0.metadata.annotations?["deployment.kubernetes.io/revision"] ?? "", $0) })
        #expect(byRevision["1"]?.spec?.replicas == 0, "the old set is scaled to zero and kept for rollback")
        #expect(byRevision["2"]?.spec?.replicas == 10)
    }

    @Test func revertingTheTemplateReusesTheOldSetAsANewRevision() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.deployment("shop", replicas: 2))
        #expect(await eventually { await Self.complete(cluster, "shop", image: "registry.local/web:v1", replicas: 2) })
        let first = try await Self.sets(cluster, app: "shop")[0]
        try await Self.setImage(cluster, "shop", "registry.local/web:v2")
        #expect(await eventually { await Self.complete(cluster, "shop", image: "registry.local/web:v2", replicas: 2) })
        try await Self.setImage(cluster, "shop", "registry.local/web:v1")
        #expect(await eventually { await Self.complete(cluster, "shop", image: "registry.local/web:v1", replicas: 2) })

        let sets = try await Self.sets(cluster, app: "shop")
        #expect(sets.count == 2, "the v1 set is reused, not duplicated")
        let reused = try #require(sets.first { $0.metadata.uid == first.metadata.uid })
        #expect(reused.metadata.annotations?["deployment.kubernetes.io/revision"] == "3")
        #expect(reused.metadata.annotations?["deployment.kubernetes.io/revision-history"] == "1")
        #expect(reused.spec?.replicas == 2)
    }

    @Test func recreateStopsEveryOldPodBeforeStartingNewOnes() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        var deployment = Fixtures.deployment("batch", replicas: 3)
        deployment.spec?.strategy = DeploymentStrategy(type: "Recreate")
        _ = try await cluster.client.create(deployment)
        #expect(await eventually { await Self.complete(cluster, "batch", image: "registry.local/web:v1", replicas: 3) })
        let overlap = Mutex(false)
        let sampler = Task {
            while !Task.isCancelled {
                if let pods = try? await Self.pods(cluster, app: "batch") {
                    let images = Set(pods.compactMap { $0.spec?.containers.first?.image })
                    if images.count > 1 { overlap.withLock { $0 = true } }
                }
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
        try await Self.setImage(cluster, "batch", "registry.local/web:v2")
        let finished = await eventually { await Self.complete(cluster, "batch", image: "registry.local/web:v2", replicas: 3) }
        sampler.cancel()
        _ = await sampler.value
        #expect(finished)
        #expect(!overlap.withLock { $0 }, "old and new pods ran at the same time under Recreate")
    }

    @Test func scalingMidRolloutKeepsBothSetsProportional() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2, behaviour: { pod in
            // v2 pods never become ready, so the rollout stalls with both sets active.
            pod.spec?.containers.first?.image == "registry.local/web:v2" ? .runNotReady : .runReady
        })
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.deployment("feed", replicas: 4))
        #expect(await eventually { await Self.complete(cluster, "feed", image: "registry.local/web:v1", replicas: 4) })
        try await Self.setImage(cluster, "feed", "registry.local/web:v2")
        #expect(await eventually {
            let sets = (try? await Self.sets(cluster, app: "feed")) ?? []
            return sets.count == 2 && sets.allSatisfy { ($0.spec?.replicas ?? 0) > 0 }
        }, "the stalled rollout has both sets active")
        _ = try await cluster.client.patch(Deployment.self, name: "feed", namespace: "default",
                                           .merge(.object(["spec": .object(["replicas": .integer(8)])])))
        #expect(await eventually {
            let sets = (try? await Self.sets(cluster, app: "feed")) ?? []
            let total = sets.reduce(Int32(0)) { $0 + ($1.spec?.replicas ?? 0) }
            return sets.count == 2 && total == 10 && sets.allSatisfy { ($0.spec?.replicas ?? 0) > 1 }
        }, "8 replicas + 2 surge are shared between the sets")
    }
}
