import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Synchronization
import Testing

/// Deleting owners with each propagation policy, against the in-process cluster.
@Suite(.timeLimit(.minutes(2))) struct GarbageCollectorScenarioTests {
    static func count<R: APIResource>(_ type: R.Type, _ cluster: InProcessCluster, app: String) async -> Int? {
        try? await cluster.client.list(type, namespace: "default", options: ListOptions(labelSelector: "app=\(app)")).items.count
    }

    static func exists<R: APIResource>(_ type: R.Type, _ cluster: InProcessCluster, _ name: String) async -> Bool {
        do {
            _ = try await cluster.client.get(type, name: name, namespace: "default")
            return true
        } catch {
            return !error.isNotFound
        }
    }

    static func running(_ cluster: InProcessCluster, _ name: String, replicas: Int32) async throws {
        _ = try await cluster.client.create(Fixtures.deployment(name, replicas: replicas))
        let ready = await eventually {
            (try? await cluster.client.get(Deployment.self, name: name, namespace: "default").status?.availableReplicas) == replicas
        }
        try #require(ready)
    }

    @Test func backgroundDeletionRemovesTheOwnerAtOnceAndItsDependentsAfter() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        try await Self.running(cluster, "web", replicas: 3)
        _ = try await cluster.client.delete(Deployment.self, name: "web", namespace: "default",
                                            options: DeleteOptions(propagationPolicy: .background))
        #expect(await !Self.exists(Deployment.self, cluster, "web"))
        #expect(await eventually {
            let sets = await Self.count(ReplicaSet.self, cluster, app: "web")
            let pods = await Self.count(Pod.self, cluster, app: "web")
            return sets == 0 && pods == 0
        }, "the replica set and its pods are collected")
    }

    @Test func foregroundDeletionKeepsTheOwnerUntilItsDependentsAreGone() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        try await Self.running(cluster, "api", replicas: 2)
        // Watch the order things disappear in.
        let order = Mutex<[String]>([])
        let observer = Task {
            var seen: Set<String> = []
            while !Task.isCancelled, seen.count < 3 {
                // Owners first: a dependent read later than its owner's absence is gone too,
                // so the order seen is the order of removal.
                let deployment = await Self.exists(Deployment.self, cluster, "api")
                let sets = await Self.count(ReplicaSet.self, cluster, app: "api") ?? -1
                let pods = await Self.count(Pod.self, cluster, app: "api") ?? -1
                for (name, gone) in [("pods", pods == 0), ("replicaset", sets == 0), ("deployment", !deployment)]
                    where gone && !seen.contains(name) {
                    seen.insert(name)
                    order.withLock { $0.append(name) }
                }
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
        _ = try await cluster.client.delete(Deployment.self, name: "api", namespace: "default",
                                            options: DeleteOptions(propagationPolicy: .foreground))
        let marked = try? await cluster.client.get(Deployment.self, name: "api", namespace: "default")
        #expect(marked?.metadata.finalizers?.contains("foregroundDeletion") == true)
        #expect(marked?.metadata.deletionTimestamp != nil)
        #expect(await eventually { await !Self.exists(Deployment.self, cluster, "api") })
        #expect(await eventually { order.withLock { $0.count } == 3 })
        observer.cancel()
        let seen = order.withLock { $0 }
        #expect(seen.last == "deployment", "the owner went before its dependents: \(seen)")
        #expect(seen.firstIndex(of: "pods")! <= seen.firstIndex(of: "replicaset")!, "the set went before its pods: \(seen)")
    }

    @Test func orphanDeletionLeavesDependentsWithoutTheOwnerReference() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        try await Self.running(cluster, "cache", replicas: 2)
        _ = try await cluster.client.delete(Deployment.self, name: "cache", namespace: "default",
                                            options: DeleteOptions(propagationPolicy: .orphan))
        #expect(await eventually { await !Self.exists(Deployment.self, cluster, "cache") })
        let sets = try await cluster.client.list(ReplicaSet.self, namespace: "default", options: ListOptions(labelSelector: "app=cache")).items
        #expect(sets.count == 1)
        #expect(sets.first?.metadata.ownerReferences?.isEmpty != false, "the set no longer names the deleted deployment")
        try? await Task.sleep(for: .milliseconds(300))
        #expect(await Self.count(Pod.self, cluster, app: "cache") == 2, "the orphaned set keeps its pods")
    }

    @Test func aDependentCreatedWithAnAbsentOwnerIsCollected() async throws {
        let cluster = try await InProcessCluster.start()
        defer { Task { await cluster.stop() } }
        var config = ConfigMap()
        config.metadata.name = "leftover"
        config.metadata.namespace = "default"
        config.metadata.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: "never-was",
                                                          uid: "00000000-0000-0000-0000-000000000000")]
        _ = try await cluster.client.create(config)
        var kept = ConfigMap()
        kept.metadata.name = "kept"
        kept.metadata.namespace = "default"
        _ = try await cluster.client.create(kept)
        #expect(await eventually { await !Self.exists(ConfigMap.self, cluster, "leftover") })
        #expect(await Self.exists(ConfigMap.self, cluster, "kept"))
    }
}
