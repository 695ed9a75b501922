import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Testing

/// The endpoints controller against the in-process API server: a Service's Endpoints and
/// EndpointSlices follow its pods as they come, go and get ready.
@Suite(.timeLimit(.minutes(2))) struct EndpointsScenarioTests {
    static func service() -> Service {
        var service = Service()
        service.metadata.name = "web"
        service.metadata.namespace = "default"
        var port = ServicePort()
        port.name = "http"
        port.port = 80
        port.targetPort = "http"
        service.spec = ServiceSpec(ports: [port], selector: ["app": "web"])
        return service
    }

    static func replicaSet(replicas: Int32) -> ReplicaSet {
        var set = Fixtures.replicaSet("web", replicas: replicas)
        var port = ContainerPort()
        port.name = "http"
        port.containerPort = 8080
        set.spec?.template?.spec?.containers[0].ports = [port]
        return set
    }

    static func addresses(_ cluster: InProcessCluster) async -> (ready: Int, ports: Set<Int32>)? {
        guard let endpoints = try? await cluster.client.get(Endpoints.self, name: "web", namespace: "default") else { return nil }
        let ready = endpoints.subsets.reduce(0) { $0 + $1.addresses.count }
        return (ready, Set(endpoints.subsets.flatMap { $0.ports.map(\.port) }))
    }

    static func slices(_ cluster: InProcessCluster) async -> [EndpointSlice] {
        (try? await cluster.client.list(EndpointSlice.self, namespace: "default",
                                        options: ListOptions(labelSelector: "kubernetes.io/service-name=web")).items) ?? []
    }

    @Test func endpointsAndSlicesFollowTheServicesReadyPods() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Self.service())
        _ = try await cluster.client.create(Self.replicaSet(replicas: 3))
        #expect(await eventually {
            guard let seen = await Self.addresses(cluster) else { return false }
            return seen.ready == 3 && seen.ports == [8080]
        })
        #expect(await eventually {
            let slices = await Self.slices(cluster)
            return slices.count == 1 && slices[0].endpoints.filter { $0.conditions?.ready == true }.count == 3
                && slices[0].ports.first?.port == 8080 && slices[0].metadata.ownerReferences?.first?.kind == "Service"
        })

        _ = try await cluster.client.patch(ReplicaSet.self, name: "web", namespace: "default", .merge(["spec": ["replicas": 1]]))
        #expect(await eventually { await Self.addresses(cluster)?.ready == 1 })
        #expect(await eventually { await Self.slices(cluster).first?.endpoints.count == 1 })

        _ = try await cluster.client.delete(Service.self, name: "web", namespace: "default")
        #expect(await eventually { await Self.addresses(cluster) == nil })
        #expect(await eventually { await Self.slices(cluster).isEmpty })
    }

    @Test func notReadyPodsAreListedAsNotReady() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1) { _ in .runNotReady }
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Self.service())
        _ = try await cluster.client.create(Self.replicaSet(replicas: 2))
        #expect(await eventually {
            guard let endpoints = try? await cluster.client.get(Endpoints.self, name: "web", namespace: "default") else { return false }
            return endpoints.subsets.reduce(0) { $0 + $1.notReadyAddresses.count } == 2 && endpoints.subsets.allSatisfy { $0.addresses.isEmpty }
        })
    }
}
