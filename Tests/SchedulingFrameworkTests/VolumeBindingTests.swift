import CapstanTestKit
import Resources
@testable import SchedulingFramework
import Testing

/// VolumeBinding: bound claims go where their volume is reachable; unbound
/// WaitForFirstConsumer claims go where a fitting volume is, and take the smallest.
@Suite struct VolumeBindingTests {
    static let nodes = [Build.node("a"), Build.node("b"), Build.node("c")]

    static func localClass(_ name: String = "local", mode: String = "WaitForFirstConsumer") -> StorageClass {
        Fixtures.storageClass(name, mode: mode)
    }

    static func volume(_ name: String, on node: String?, size: String, className: String = "local",
                       modes: [String] = ["ReadWriteOnce"], claim: (String, String)? = nil) -> PersistentVolume {
        Fixtures.localVolume(name, on: node, size: size, className: className, modes: modes, claim: claim)
    }

    static func claim(_ name: String, size: String = "1Gi", className: String = "local", volume: String? = nil,
                      modes: [String] = ["ReadWriteOnce"]) -> PersistentVolumeClaim {
        Fixtures.claim(name, size: size, className: className, volume: volume, modes: modes)
    }

    static func pod(using claims: String...) -> Pod {
        Fixtures.mounting(claims, in: Build.pod("db"))
    }

    static func schedule(_ pod: Pod, _ volumes: VolumeSnapshot) -> Framework.Outcome {
        Registry.defaultProfile().schedule(pod, snapshot: Snapshot(nodes: nodes, pods: [], volumes: volumes))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var pod: Pod
        var volumes: VolumeSnapshot
        /// The nodes that fit, or the refusal message.
        var feasible: [String]
        var message: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no claims: every node", pod: Build.pod("plain"), volumes: VolumeSnapshot(), feasible: ["a", "b", "c"]),
        Case(name: "a missing claim refuses the pod", pod: pod(using: "data"), volumes: VolumeSnapshot(), feasible: [],
             message: "0/3 nodes are available: persistentvolumeclaim \"data\" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."),
        Case(name: "a bound claim goes where its volume is",
             pod: pod(using: "data"),
             volumes: VolumeSnapshot(claims: [claim("data", volume: "pv-b")], volumes: [volume("pv-b", on: "b", size: "5Gi", claim: ("default", "data"))]),
             feasible: ["b"]),
        Case(name: "a bound claim without affinity goes anywhere",
             pod: pod(using: "data"),
             volumes: VolumeSnapshot(claims: [claim("data", volume: "nfs")], volumes: [volume("nfs", on: nil, size: "5Gi", claim: ("default", "data"))]),
             feasible: ["a", "b", "c"]),
        Case(name: "an unbound first-consumer claim goes where a big enough free volume is",
             pod: pod(using: "data"),
             volumes: VolumeSnapshot(claims: [claim("data", size: "4Gi")],
                                     volumes: [volume("small-a", on: "a", size: "1Gi"), volume("big-b", on: "b", size: "10Gi"),
                                               volume("taken-c", on: "c", size: "10Gi", claim: ("other", "x"))],
                                     classes: [localClass()]),
             feasible: ["b"]),
        Case(name: "access modes and class must match",
             pod: pod(using: "data"),
             volumes: VolumeSnapshot(claims: [claim("data", modes: ["ReadWriteMany"])],
                                     volumes: [volume("rwo-a", on: "a", size: "5Gi"), volume("other-b", on: "b", size: "5Gi", className: "fast", modes: ["ReadWriteMany"])],
                                     classes: [localClass()]),
             feasible: [], message: "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind."),
        Case(name: "two claims need two volumes on the same node",
             pod: pod(using: "data", "logs"),
             volumes: VolumeSnapshot(claims: [claim("data"), claim("logs")],
                                     volumes: [volume("a1", on: "a", size: "2Gi"), volume("b1", on: "b", size: "2Gi"), volume("b2", on: "b", size: "2Gi")],
                                     classes: [localClass()]),
             feasible: ["b"]),
        Case(name: "an unbound immediate claim waits for the binder",
             pod: pod(using: "data"),
             volumes: VolumeSnapshot(claims: [claim("data", className: "standard")], volumes: [volume("v", on: "a", size: "5Gi", className: "standard")],
                                     classes: [localClass("standard", mode: "Immediate")]),
             feasible: [], message: "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."),
    ]

    @Test(arguments: cases) func feasibleNodes(_ test: Case) {
        let outcome = Self.schedule(test.pod, test.volumes)
        switch outcome {
        case .node(let node, _):
            #expect(test.feasible.contains(node), "placed on \(node)")
            #expect(test.message == nil)
        case .unschedulable(let error):
            #expect(test.feasible.isEmpty, "\(error.message)")
            #expect(error.message == test.message)
        }
        let snapshot = Snapshot(nodes: Self.nodes, pods: [], volumes: test.volumes)
        let framework = Registry.defaultProfile()
        var state = CycleState()
        var feasible: [String] = []
        if framework.preFilters.allSatisfy({ $0.preFilter(test.pod, snapshot: snapshot, state: &state).status.isSuccess }) {
            feasible = snapshot.nodes.filter { framework.firstRefusal(test.pod, node: $0, state: state) == nil }.map(\.name)
        }
        #expect(feasible == test.feasible)
    }

    @Test func reserveTakesTheSmallestFittingVolumeAndPreBindWritesTheBinding() {
        let volumes = VolumeSnapshot(claims: [Self.claim("data", size: "3Gi")],
                                     volumes: [Self.volume("b-20", on: "b", size: "20Gi"), Self.volume("b-5", on: "b", size: "5Gi"),
                                               Self.volume("b-2", on: "b", size: "2Gi")],
                                     classes: [Self.localClass()])
        let framework = Registry.defaultProfile()
        let pod = Self.pod(using: "data")
        let cycle = framework.run(pod, snapshot: Snapshot(nodes: Self.nodes, pods: [], volumes: volumes))
        guard case .node(let node, _) = cycle.outcome else {
            Issue.record("unschedulable: \(cycle.outcome)")
            return
        }
        #expect(node == "b")
        var state = cycle.state
        #expect(framework.reserve(pod, node: node, state: &state).isSuccess)
        let writes = framework.bindingWrites(pod, node: node, state: state)
        #expect(writes.first == .bindClaim(namespace: "default", claim: "data", claimUID: "uid-data", volume: "b-5"))
        #expect(writes.count == 2, "the claim's binding, then the pod's")
        framework.unreserve(pod, node: node, state: &state)
        #expect(framework.bindingWrites(pod, node: node, state: state).count == 1)
    }
}
