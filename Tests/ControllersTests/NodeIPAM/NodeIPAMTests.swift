import CapstanTestKit
import Client
@testable import Controllers
import Foundation
import Resources
import Testing

@Suite struct PodCIDRPoolTests {
    @Test func blocksAreNumberedFromTheStartOfTheClusterCIDR() throws {
        let pool = try #require(PodCIDRPool(clusterCIDR: "10.42.0.0/16", maskSize: 24))
        #expect(pool.blockCount == 256)
        #expect(pool.cidr(0) == "10.42.0.0/24")
        #expect(pool.cidr(255) == "10.42.255.0/24")
        #expect(pool.index(of: "10.42.7.0/24") == 7)
        #expect(pool.index(of: "10.43.7.0/24") == nil, "outside the cluster CIDR")
        #expect(pool.index(of: "10.42.7.0/25") == nil, "not a block of this size")
        #expect(pool.index(of: "10.42.7.1/24") == nil, "host bits set")
        #expect(pool.firstFree(excluding: [0, 1, 3]) == 2)
        let small = try #require(PodCIDRPool(clusterCIDR: "10.0.0.0/8", maskSize: 26))
        #expect(small.cidr(5) == "10.0.1.64/26")
        #expect(small.index(of: "10.0.1.64/26") == 5)
    }

    @Test func unusableConfigurationsAreRefused() {
        #expect(PodCIDRPool(clusterCIDR: "10.42.0.0/16", maskSize: 16) == nil, "the mask must be longer than the prefix")
        #expect(PodCIDRPool(clusterCIDR: "10.42.0.1/16", maskSize: 24) == nil, "host bits set")
        #expect(PodCIDRPool(clusterCIDR: "fd00::/64", maskSize: 80) == nil, "IPv4 only")
        #expect(PodCIDRPool(clusterCIDR: "10.42.0.0", maskSize: 24) == nil)
        #expect(PodCIDRPool(clusterCIDR: "10.42.0.0/24", maskSize: 31) == nil)
    }
}

/// Node IPAM against the in-process API server.
@Suite(.timeLimit(.minutes(1))) struct NodeIPAMScenarioTests {
    static func node(_ name: String) -> Node {
        var node = Node()
        node.metadata.name = name
        return node
    }

    static func cidr(_ cluster: InProcessCluster, _ name: String) async -> String? {
        try? await cluster.client.get(Node.self, name: name).spec?.podCIDR
    }

    @Test func nodesGetDistinctRangesAndAFreedRangeIsReused() async throws {
        let cluster = try await InProcessCluster.start(clusterCIDR: "10.42.0.0/23")
        defer { Task { await cluster.stop() } }
        for name in ["n1", "n2"] { _ = try await cluster.client.create(Self.node(name)) }
        #expect(await eventually {
            let ranges = [await Self.cidr(cluster, "n1"), await Self.cidr(cluster, "n2")]
            return Set(ranges.compactMap { $0 }) == ["10.42.0.0/24", "10.42.1.0/24"]
        }, "two nodes, two blocks")
        let n1 = try await cluster.client.get(Node.self, name: "n1")
        #expect(n1.spec?.podCIDRs == [n1.spec?.podCIDR ?? ""])

        _ = try await cluster.client.create(Self.node("n3"))
        #expect(await eventually {
            let events = (try? await cluster.client.list(Event.self, namespace: "default").items) ?? []
            return events.contains { $0.involvedObject?.name == "n3" && $0.reason == "CIDRNotAvailable" }
        }, "the pool is full")
        #expect(await Self.cidr(cluster, "n3") == nil)

        let freed = await Self.cidr(cluster, "n1")
        try await cluster.client.delete(Node.self, name: "n1")
        #expect(await eventually { await Self.cidr(cluster, "n3") == freed }, "n1's block goes to the node that waited")
    }
}
