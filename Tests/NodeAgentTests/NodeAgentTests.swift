import CapstanTestKit
import Client
import Foundation
import NodeAgent
import Resources
import Testing

@Suite struct PodAddressesTests {
    @Test func addressesComeFromTheBlockLowestFreeFirstSkippingNetworkGatewayAndBroadcast() throws {
        var addresses = try #require(PodAddresses(cidr: "10.42.3.0/29"))
        let first = (0..<5).map { addresses.address(for: "pod-\($0)") }
        #expect(first == ["10.42.3.2", "10.42.3.3", "10.42.3.4", "10.42.3.5", "10.42.3.6"])
        #expect(addresses.address(for: "pod-5") == nil, ".7 is the broadcast address: the block is full")
        #expect(addresses.address(for: "pod-2") == "10.42.3.4", "an owner keeps its address")
        addresses.release("pod-1")
        #expect(addresses.address(for: "pod-6") == "10.42.3.3", "a released address is handed out again")
    }

    @Test func aBlockThatIsNotIPv4IsRefused() {
        #expect(PodAddresses(cidr: "10.42.0.0") == nil)
        #expect(PodAddresses(cidr: "10.42.0.0/31") == nil)
        #expect(PodAddresses(cidr: "fd00::/64") == nil)
        #expect(PodAddresses(cidr: "10.300.0.0/24") == nil)
    }
}

/// A hollow node agent against the in-process control plane with the scheduler.
@Suite(.timeLimit(.minutes(2))) struct HollowAgentScenarioTests {
    static func agent(_ cluster: InProcessCluster, name: String = "worker-1") -> (NodeAgent, Informer<Pod>) {
        let configuration = NodeAgentConfiguration(
            nodeName: name, capacity: ["cpu": "4", "memory": "16Gi", "pods": "110"], labels: ["pool": "hollow"],
            taints: [], internalIP: "127.0.2.1", fallbackPodCIDR: "10.42.7.0/24", heartbeatInterval: .milliseconds(200))
        let agent = NodeAgent(configuration: configuration, client: cluster.client, runtime: HollowRuntime())
        let pods = Informer<Pod>(client: cluster.client, fieldSelector: "spec.nodeName=\(name)")
        pods.addHandler { agent.podChanged($0) }
        return (agent, pods)
    }

    @Test func itRegistersReadyHeartbeatsAndRunsWhatIsScheduledToIt() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true)
        defer { Task { await cluster.stop() } }
        let (agent, pods) = Self.agent(cluster)
        let tasks = [Task { await pods.run() }, Task { await agent.run() }]
        defer { tasks.forEach { $0.cancel() } }

        #expect(await eventually {
            let node = try? await cluster.client.get(Node.self, name: "worker-1")
            return node?.status?.conditions.first { $0.type == "Ready" }?.status == "True"
        }, "the node registers Ready")
        let node = try await cluster.client.get(Node.self, name: "worker-1")
        #expect(node.status?.capacity["cpu"] == "4")
        #expect(node.metadata.labels?["kubernetes.io/hostname"] == "worker-1")
        #expect(node.metadata.labels?["pool"] == "hollow")
        #expect(node.status?.addresses.first { $0.type == "InternalIP" }?.address == "127.0.2.1")
        #expect(await eventually {
            (try? await cluster.client.get(Lease.self, name: "worker-1", namespace: "kube-node-lease"))?.spec?.holderIdentity == "worker-1"
        }, "it heartbeats through its Lease")
        #expect(await eventually {
            let assigned = (try? await cluster.client.get(Node.self, name: "worker-1"))?.spec?.podCIDR
            return assigned == "10.42.0.0/24" && agent.podCIDR == assigned
        }, "node IPAM gives the node a range, and the agent takes it in place of its fallback")

        _ = try await cluster.client.create(Fixtures.deployment("web", replicas: 3))
        #expect(await eventually {
            (try? await cluster.client.get(Deployment.self, name: "web", namespace: "default"))?.status?.readyReplicas == 3
        }, "the scheduler binds the replicas to the node, and the agent reports them Running and Ready")
        let running = try await cluster.client.list(Pod.self, namespace: "default").items
        let addresses = Set(running.compactMap(\.status?.podIP))
        #expect(addresses.count == 3, "each pod has its own address")
        #expect(addresses.allSatisfy { $0.hasPrefix("10.42.0.") }, "from the node's podCIDR: \(addresses)")
        #expect(running.allSatisfy { $0.status?.containerStatuses.first?.containerID?.hasPrefix("hollow://") == true })

        let victim = try #require(running.first)
        try await cluster.client.delete(Pod.self, name: victim.name, namespace: "default")
        #expect(await eventually {
            let names = ((try? await cluster.client.list(Pod.self, namespace: "default").items) ?? []).map(\.name)
            return !names.contains(victim.name) && names.count == 3
        }, "a deleted pod is stopped and removed, and its replacement runs")
    }
}
