import CapstanTestKit
import Client
@testable import Controllers
import Foundation
import Resources
import Testing

@Suite struct PodGCPlannerTests {
    static let now = Date(timeIntervalSince1970: 2_000_000)

    static func pod(_ name: String, phase: String, age: TimeInterval, node: String? = "n1", deleting: Bool = false) -> Pod {
        var pod = Fixtures.pod(name, app: "x")
        pod.metadata.creationTimestamp = Time(now.addingTimeInterval(-age))
        if deleting { pod.metadata.deletionTimestamp = Time(now) }
        pod.spec?.nodeName = node
        pod.status = PodStatus(phase: phase)
        return pod
    }

    @Test func terminatedPodsPastTheThresholdGoOldestFirst() {
        let pods = [Self.pod("new-done", phase: "Succeeded", age: 10), Self.pod("old-failed", phase: "Failed", age: 900),
                    Self.pod("mid-done", phase: "Succeeded", age: 300), Self.pod("running", phase: "Running", age: 9999)]
        #expect(PodGCPlanner.terminatedOverThreshold(pods, threshold: 1).map(\.name) == ["old-failed", "mid-done"])
        #expect(PodGCPlanner.terminatedOverThreshold(pods, threshold: 3).isEmpty)
        #expect(PodGCPlanner.terminatedOverThreshold(pods, threshold: 0).isEmpty, "0 disables the threshold")
    }

    @Test func podsOnMissingNodesAndUnscheduledTerminatingPodsAreFound() {
        let pods = [Self.pod("here", phase: "Running", age: 1, node: "n1"), Self.pod("lost", phase: "Running", age: 1, node: "gone"),
                    Self.pod("stuck", phase: "Pending", age: 1, node: nil, deleting: true),
                    Self.pod("waiting", phase: "Pending", age: 1, node: nil)]
        #expect(PodGCPlanner.orphaned(pods, nodes: ["n1"]).map(\.name) == ["lost"])
        #expect(PodGCPlanner.unscheduledTerminating(pods).map(\.name) == ["stuck"])
    }
}

/// The pod garbage collector against the in-process API server.
@Suite(.timeLimit(.minutes(2))) struct PodGCScenarioTests {
    @Test func deletesPodsBoundToANodeThatDoesNotExist() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        var lost = Fixtures.pod("lost", app: "gc")
        lost.spec?.nodeName = "ghost"
        _ = try await cluster.client.create(lost)
        var kept = Fixtures.pod("kept", app: "gc")
        kept.spec?.nodeName = "hollow-0"
        _ = try await cluster.client.create(kept)
        #expect(await eventually {
            let pod = try? await cluster.client.get(Pod.self, name: "lost", namespace: "default")
            return pod == nil
        }, "the pod on a node that does not exist is deleted")
        #expect(try await cluster.client.get(Pod.self, name: "kept", namespace: "default").metadata.deletionTimestamp == nil)
    }

    @Test func keepsOnlyTheThresholdOfTerminatedPods() async throws {
        let cluster = try await InProcessCluster.start(terminatedPodThreshold: 1, hollowNodes: 1) { _ in .succeed }
        defer { Task { await cluster.stop() } }
        // Named against their age, so that the order kept is by age, not by name.
        for name in ["done-c", "done-b", "done-a"] {
            _ = try await cluster.client.create(Fixtures.pod(name, app: "batch"))
            try await Task.sleep(for: .milliseconds(1100))
        }
        #expect(await eventually {
            let pods = (try? await cluster.client.list(Pod.self, namespace: "default").items) ?? []
            return pods.map(\.name) == ["done-a"] && pods.first?.status?.phase == "Succeeded"
        }, "the two oldest finished pods are collected, the newest kept")
    }
}
