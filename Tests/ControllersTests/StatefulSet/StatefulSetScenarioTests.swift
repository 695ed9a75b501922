import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Testing

/// The StatefulSet controller against the in-process API server, with hollow nodes running pods.
@Suite(.timeLimit(.minutes(2))) struct StatefulSetScenarioTests {
    static func pods(_ cluster: InProcessCluster, app: String) async throws -> [Pod] {
        try await cluster.client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=\(app)")).items
            .filter { $0.metadata.deletionTimestamp == nil }
            .sorted { $0.name < $1.name }
    }

    static func status(_ cluster: InProcessCluster, _ name: String) async -> StatefulSetStatus? {
        try? await cluster.client.get(StatefulSet.self, name: name, namespace: "default").status
    }

    static func setImage(_ cluster: InProcessCluster, _ name: String, _ image: String, partition: Int32? = nil) async throws {
        var spec: [String: JSONValue] = [
            "template": .object(["spec": .object(["containers": .array([.object(["name": .string("main"), "image": .string(image)])])])]),
        ]
        if let partition {
            spec["updateStrategy"] = .object(["rollingUpdate": .object(["partition": .integer(Int64(partition))])])
        }
        _ = try await cluster.client.patch(StatefulSet.self, name: name, namespace: "default", .strategic(.object(["spec": .object(spec)])))
    }

    @Test func createsOrdinalPodsInOrderEachWithItsClaim() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        let set = try await cluster.client.create(Fixtures.statefulSet("db", replicas: 3, claims: true))
        #expect(await eventually { await Self.status(cluster, "db")?.readyReplicas == 3 })
        let pods = try await Self.pods(cluster, app: "db")
        #expect(pods.map(\.name) == ["db-0", "db-1", "db-2"])
        for pod in pods {
            #expect(pod.metadata.ownerReferences?.first?.uid == set.metadata.uid)
            #expect(pod.spec?.hostname == pod.name)
            #expect(pod.spec?.subdomain == "db")
        }
        // OrderedReady: each pod was created only after the one before it was ready.
        for (previous, next) in zip(pods, pods.dropFirst()) {
            let ready = previous.readyCondition?.lastTransitionTime?.date ?? .distantFuture
            #expect(next.metadata.creationTimestamp?.date ?? .distantPast >= ready.addingTimeInterval(-1),
                    "\(next.name) created after \(previous.name) was ready")
        }
        let claims = try await cluster.client.list(PersistentVolumeClaim.self, namespace: "default").items.map(\.name).sorted()
        #expect(claims == ["data-db-0", "data-db-1", "data-db-2"])
        let revisions = try await cluster.client.list(ControllerRevision.self, namespace: "default").items
        #expect(revisions.count == 1)
        #expect(await Self.status(cluster, "db")?.currentRevision == revisions.first?.name)
    }

    @Test func rollingUpdateStopsAtThePartitionThenCompletes() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.statefulSet("kv", replicas: 3, podManagementPolicy: "Parallel"))
        #expect(await eventually { await Self.status(cluster, "kv")?.readyReplicas == 3 })
        let first = await Self.status(cluster, "kv")?.currentRevision

        try await Self.setImage(cluster, "kv", "registry.local/kv:v2", partition: 1)
        #expect(await eventually {
            let status = await Self.status(cluster, "kv")
            return status?.updatedReplicas == 2 && status?.readyReplicas == 3
        }, "ordinals 1 and 2 are updated")
        var images = try await Self.pods(cluster, app: "kv").map { $0.spec?.containers.first?.image ?? "" }
        #expect(images == ["registry.local/web:v1", "registry.local/kv:v2", "registry.local/kv:v2"])
        let partial = await Self.status(cluster, "kv")
        #expect(partial?.currentRevision == first, "the current revision stays while db-0 is behind the partition")
        #expect(partial?.updateRevision != first)

        _ = try await cluster.client.patch(StatefulSet.self, name: "kv", namespace: "default",
                                           .merge(.object(["spec": .object(["updateStrategy": .object(["rollingUpdate": .object(["partition": .integer(0)])])])])))
        #expect(await eventually {
            let status = await Self.status(cluster, "kv")
            return status?.updatedReplicas == 3 && status?.readyReplicas == 3 && status?.currentRevision == status?.updateRevision
        }, "the rollout completes once the partition is lowered")
        images = try await Self.pods(cluster, app: "kv").map { $0.spec?.containers.first?.image ?? "" }
        #expect(images == Array(repeating: "registry.local/kv:v2", count: 3))
        #expect(try await cluster.client.list(ControllerRevision.self, namespace: "default").items.count == 2)
    }

    @Test func scaleDownRemovesTheHighestOrdinalsAndKeepsTheirClaims() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.statefulSet("mq", replicas: 3, claims: true))
        #expect(await eventually { await Self.status(cluster, "mq")?.readyReplicas == 3 })
        _ = try await cluster.client.patch(StatefulSet.self, name: "mq", namespace: "default",
                                           .merge(.object(["spec": .object(["replicas": .integer(1)])])))
        #expect(await eventually {
            let names = ((try? await Self.pods(cluster, app: "mq")) ?? []).map(\.name)
            return names == ["mq-0"]
        })
        let claims = try await cluster.client.list(PersistentVolumeClaim.self, namespace: "default").items.map(\.name).sorted()
        #expect(claims == ["data-mq-0", "data-mq-1", "data-mq-2"], "claims are retained on scale-down by default")
    }

    @Test func aDeletedPodComesBackWithTheSameName() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.statefulSet("zk", replicas: 2))
        #expect(await eventually { await Self.status(cluster, "zk")?.readyReplicas == 2 })
        let victim = try await cluster.client.get(Pod.self, name: "zk-0", namespace: "default")
        _ = try await cluster.client.delete(Pod.self, name: "zk-0", namespace: "default")
        #expect(await eventually {
            let pod = try? await cluster.client.get(Pod.self, name: "zk-0", namespace: "default")
            return pod != nil && pod?.metadata.uid != victim.metadata.uid && pod?.isReady == true
        }, "zk-0 is created again")
    }

    @Test func claimsGoWithTheSetWhenItsRetentionPolicySaysDelete() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        var set = Fixtures.statefulSet("cache", replicas: 2, claims: true)
        set.spec?.persistentVolumeClaimRetentionPolicy = StatefulSetPersistentVolumeClaimRetentionPolicy(whenDeleted: "Delete", whenScaled: "Retain")
        _ = try await cluster.client.create(set)
        #expect(await eventually { await Self.status(cluster, "cache")?.readyReplicas == 2 })
        #expect(try await cluster.client.list(PersistentVolumeClaim.self, namespace: "default").items.count == 2)
        _ = try await cluster.client.delete(StatefulSet.self, name: "cache", namespace: "default")
        #expect(await eventually {
            let claims = (try? await cluster.client.list(PersistentVolumeClaim.self, namespace: "default").items) ?? [PersistentVolumeClaim()]
            let pods = (try? await Self.pods(cluster, app: "cache")) ?? [Pod()]
            return claims.isEmpty && pods.isEmpty
        }, "the garbage collector removes the set's pods and claims")
    }

    @Test func claimsOfRemovedOrdinalsGoWhenTheRetentionPolicySaysDeleteOnScaleDown() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        var set = Fixtures.statefulSet("search", replicas: 3, claims: true)
        set.spec?.persistentVolumeClaimRetentionPolicy = StatefulSetPersistentVolumeClaimRetentionPolicy(whenDeleted: "Retain", whenScaled: "Delete")
        _ = try await cluster.client.create(set)
        #expect(await eventually { await Self.status(cluster, "search")?.readyReplicas == 3 })
        _ = try await cluster.client.patch(StatefulSet.self, name: "search", namespace: "default",
                                           .merge(.object(["spec": .object(["replicas": .integer(1)])])))
        #expect(await eventually {
            let claims = ((try? await cluster.client.list(PersistentVolumeClaim.self, namespace: "default").items) ?? [])
                .filter { $0.metadata.deletionTimestamp == nil }.map(\.name)
            return claims == ["data-search-0"]
        }, "the claims of search-1 and search-2 go with their pods")
    }
}
