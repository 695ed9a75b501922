import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Testing

/// The namespace and service-account controllers against the in-process API server.
@Suite(.timeLimit(.minutes(2))) struct NamespaceScenarioTests {
    static func namespace(_ name: String) -> Namespace {
        var namespace = Namespace()
        namespace.metadata.name = name
        return namespace
    }

    @Test func deletingANamespaceEmptiesItThenRemovesIt() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Self.namespace("shop"))
        _ = try await cluster.client.create(Fixtures.deployment("cart", replicas: 2, namespace: "shop"))
        var held = ConfigMap()
        held.metadata.name = "held"
        held.metadata.namespace = "shop"
        held.metadata.finalizers = ["example.com/hold"]
        _ = try await cluster.client.create(held)
        #expect(await eventually {
            (try? await cluster.client.list(Pod.self, namespace: "shop").items.filter(\.isReady).count) == 2
        })

        _ = try await cluster.client.delete(Namespace.self, name: "shop")
        let terminating = try await cluster.client.get(Namespace.self, name: "shop")
        #expect(terminating.status?.phase == "Terminating")
        #expect(terminating.metadata.deletionTimestamp != nil)
        // New content is refused while it terminates.
        await #expect(throws: ClientError.self) { try await cluster.client.create(Fixtures.pod("late", app: "x", namespace: "shop")) }

        // Everything without a finalizer goes; the held ConfigMap keeps the namespace.
        #expect(await eventually {
            let pods = (try? await cluster.client.list(Pod.self, namespace: "shop").items.count) ?? -1
            let deployments = (try? await cluster.client.list(Deployment.self, namespace: "shop").items.count) ?? -1
            return pods == 0 && deployments == 0
        })
        #expect(await eventually {
            let status = try? await cluster.client.get(Namespace.self, name: "shop").status
            return status?.conditions.first { $0.type == "NamespaceContentRemaining" }?.message?.contains("configmaps has 1") == true
        })
        #expect((try? await cluster.client.get(Namespace.self, name: "shop")) != nil)

        _ = try await cluster.client.patch(ConfigMap.self, name: "held", namespace: "shop", .merge(["metadata": ["finalizers": nil]]))
        #expect(await eventually { (try? await cluster.client.get(Namespace.self, name: "shop")) == nil })
    }

    @Test func everyNamespaceGetsADefaultServiceAccount() async throws {
        let cluster = try await InProcessCluster.start()
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Self.namespace("team"))
        #expect(await eventually { (try? await cluster.client.get(ServiceAccount.self, name: "default", namespace: "team")) != nil })
        #expect(await eventually { (try? await cluster.client.get(ServiceAccount.self, name: "default", namespace: "kube-system")) != nil })
        _ = try await cluster.client.delete(ServiceAccount.self, name: "default", namespace: "team")
        #expect(await eventually { (try? await cluster.client.get(ServiceAccount.self, name: "default", namespace: "team")) != nil })
    }
}
