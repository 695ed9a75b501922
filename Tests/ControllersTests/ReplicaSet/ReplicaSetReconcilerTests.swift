import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Testing

/// The ReplicaSet controller against the in-process API server, with hollow nodes running pods.
@Suite(.timeLimit(.minutes(2))) struct ReplicaSetReconcilerTests {
    static func pods(_ cluster: InProcessCluster, app: String) async throws -> [Pod] {
        try await cluster.client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=\(app)")).items
    }

    static func active(_ pods: [Pod]) -> [Pod] { pods.filter { $0.metadata.deletionTimestamp == nil } }

    @Test func createsPodsOwnedByTheSetAndReportsThemReady() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        let set = try await cluster.client.create(Fixtures.replicaSet("web", replicas: 4))
        #expect(await eventually {
            let status = try? await cluster.client.get(ReplicaSet.self, name: "web", namespace: "default").status
            return status?.readyReplicas == 4 && status?.availableReplicas == 4 && status?.replicas == 4
        })
        let pods = try await Self.pods(cluster, app: "web")
        #expect(pods.count == 4)
        for pod in pods {
            let owner = pod.metadata.ownerReferences?.first
            #expect(owner?.uid == set.metadata.uid)
            #expect(owner?.controller == true)
            #expect(owner?.kind == "ReplicaSet")
            #expect(pod.name.hasPrefix("web-"))
        }
    }

    @Test func replacesADeletedPodAndRemovesExtrasOnScaleDown() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.replicaSet("api", replicas: 3))
        #expect(await eventually { (try? await Self.active(Self.pods(cluster, app: "api")).count) == 3 })
        let victim = try await Self.pods(cluster, app: "api")[0]
        _ = try await cluster.client.delete(Pod.self, name: victim.name, namespace: "default")
        #expect(await eventually {
            let pods = (try? await Self.active(Self.pods(cluster, app: "api"))) ?? []
            return pods.count == 3 && !pods.contains { $0.metadata.uid == victim.metadata.uid }
        }, "a deleted pod is replaced")

        _ = try await cluster.client.patch(ReplicaSet.self, name: "api", namespace: "default",
                                           .merge(.object(["spec": .object(["replicas": .integer(1)])])))
        #expect(await eventually {
            let pods = (try? await Self.pods(cluster, app: "api")) ?? []
            let status = try? await cluster.client.get(ReplicaSet.self, name: "api", namespace: "default").status
            return pods.count == 1 && status?.replicas == 1
        }, "scale-down leaves one pod")
    }

    @Test func adoptsAMatchingOrphanInsteadOfCreatingAnotherPod() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        let orphan = try await cluster.client.create(Fixtures.pod("stray", app: "cache"))
        let set = try await cluster.client.create(Fixtures.replicaSet("cache", replicas: 2))
        #expect(await eventually {
            let pods = (try? await Self.active(Self.pods(cluster, app: "cache"))) ?? []
            return pods.count == 2 && pods.allSatisfy { $0.metadata.ownerReferences?.first?.uid == set.metadata.uid }
        })
        let adopted = try await cluster.client.get(Pod.self, name: "stray", namespace: "default")
        #expect(adopted.metadata.uid == orphan.metadata.uid, "the orphan was adopted, not replaced")
    }

    @Test func releasesAPodWhoseLabelsNoLongerMatch() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.replicaSet("queue", replicas: 1))
        #expect(await eventually { (try? await Self.active(Self.pods(cluster, app: "queue")).count) == 1 })
        let pod = try await Self.pods(cluster, app: "queue")[0]
        _ = try await cluster.client.patch(Pod.self, name: pod.name, namespace: "default",
                                           .merge(.object(["metadata": .object(["labels": .object(["app": .string("debug")])])])))
        #expect(await eventually {
            let released = try? await cluster.client.get(Pod.self, name: pod.name, namespace: "default")
            let replacements = (try? await Self.active(Self.pods(cluster, app: "queue"))) ?? []
            return released?.metadata.ownerReferences?.isEmpty != false && replacements.count == 1
        }, "the relabelled pod is released and a replacement made")
    }
}
