import CapstanTestKit
import Client
@testable import Controllers
import Foundation
import Resources
import Testing

@Suite struct DaemonSetPlannerTests {
    static let now = Date(timeIntervalSince1970: 2_000_000)

    static func node(_ name: String, labels: [String: String] = [:], taints: [Taint] = []) -> Node {
        var node = Node()
        node.metadata.name = name
        node.metadata.labels = labels.merging(["kubernetes.io/hostname": name]) { $1 }
        node.spec = NodeSpec(taints: taints)
        return node
    }

    static func pod(_ name: String, on node: String, hash: String = "v1", phase: String = "Running", ready: Bool = true,
                    age: TimeInterval = 600) -> Pod {
        var pod = DaemonSetPlanner.makePod(Fixtures.daemonSet("agent"), node: node, hash: hash)
        pod.metadata.generateName = nil
        pod.metadata.name = name
        pod.metadata.creationTimestamp = Time(now.addingTimeInterval(-age))
        var status = PodStatus()
        status.phase = phase
        status.conditions = [PodCondition(type: "Ready", status: ready ? "True" : "False",
                                          lastTransitionTime: Time(now.addingTimeInterval(-60)))]
        pod.status = status
        return pod
    }

    static let nodes = [node("n1"), node("n2"), node("n3")]

    @Test func nodeSelectionAndTaintsDecideWhereTheDaemonRuns() {
        var set = Fixtures.daemonSet("agent")
        set.spec?.template?.spec?.nodeSelector = ["role": "edge"]
        #expect(DaemonSetPlanner.placement(set, on: Self.node("a")) == .init(shouldRun: false, shouldContinueRunning: false))
        #expect(DaemonSetPlanner.placement(set, on: Self.node("b", labels: ["role": "edge"])) == .init(shouldRun: true, shouldContinueRunning: true))

        let plain = Fixtures.daemonSet("agent")
        let noSchedule = Taint(key: "dedicated", value: "db", effect: "NoSchedule")
        let noExecute = Taint(key: "dedicated", value: "db", effect: "NoExecute")
        #expect(DaemonSetPlanner.placement(plain, on: Self.node("c", taints: [noSchedule])) == .init(shouldRun: false, shouldContinueRunning: true))
        #expect(DaemonSetPlanner.placement(plain, on: Self.node("d", taints: [noExecute])) == .init(shouldRun: false, shouldContinueRunning: false))
        let notReady = Taint(key: "node.kubernetes.io/not-ready", effect: "NoExecute")
        let cordoned = Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")
        #expect(DaemonSetPlanner.placement(plain, on: Self.node("e", taints: [notReady, cordoned])).shouldRun,
                "daemons tolerate node-condition taints")
        var tolerant = plain
        tolerant.spec?.template?.spec?.tolerations = [Toleration(key: "dedicated", operator: "Exists")]
        #expect(DaemonSetPlanner.placement(tolerant, on: Self.node("f", taints: [noSchedule, noExecute])).shouldRun)
    }

    @Test func podsArePinnedToTheirNodeAndTolerateNodeConditions() {
        let pod = DaemonSetPlanner.makePod(Fixtures.daemonSet("agent"), node: "n2", hash: "abc")
        #expect(DaemonSetPlanner.targetNode(of: pod) == "n2")
        #expect(pod.metadata.labels?["controller-revision-hash"] == "abc")
        #expect(pod.metadata.generateName == "agent-")
        let keys = Set((pod.spec?.tolerations ?? []).compactMap(\.key))
        #expect(keys.isSuperset(of: ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable", "node.kubernetes.io/unschedulable"]))
        #expect(pod.spec?.nodeSelectionMatches(Self.node("n2")) == true)
        #expect(pod.spec?.nodeSelectionMatches(Self.node("n1")) == false)
    }

    @Test func createsOnEveryEligibleNodeAndRemovesWhatShouldNotBeThere() {
        let set = Fixtures.daemonSet("agent")
        let tainted = Self.node("n4", taints: [Taint(key: "x", effect: "NoExecute")])
        let pods = [Self.pod("a", on: "n1"), Self.pod("b", on: "n4"),
                    Self.pod("dup-old", on: "n2", age: 900), Self.pod("dup-new", on: "n2", age: 100)]
        let plan = DaemonSetPlanner.plan(set, nodes: Self.nodes + [tainted], pods: pods, hash: "v1", now: Self.now)
        #expect(plan.create == ["n3"])
        #expect(Set(plan.delete) == ["b", "dup-new"], "the pod on the NoExecute node and the younger duplicate go")
    }

    @Test func aFailedPodIsReplaced() {
        let plan = DaemonSetPlanner.plan(Fixtures.daemonSet("agent"), nodes: [Self.node("n1")],
                                         pods: [Self.pod("a", on: "n1", phase: "Failed", ready: false)], hash: "v1", now: Self.now)
        #expect(plan.delete == ["a"])
        #expect(plan.create == ["n1"])
    }

    @Test func aNodeInFailureBackOffKeepsItsFailedPodAndStartsNothing() {
        let failed = [Self.pod("a", on: "n1", phase: "Failed", ready: false)]
        let plan = DaemonSetPlanner.plan(Fixtures.daemonSet("agent"), nodes: [Self.node("n1")], pods: failed, hash: "v1",
                                         heldBack: ["n1"], now: Self.now)
        #expect(plan.delete.isEmpty && plan.create.isEmpty && plan.failedOn.isEmpty)
        let released = DaemonSetPlanner.plan(Fixtures.daemonSet("agent"), nodes: [Self.node("n1")], pods: failed, hash: "v1", now: Self.now)
        #expect(released.failedOn == ["n1"])
    }

    @Test func failureBackOffDoublesFromOneSecondToFifteenMinutesAndResetsOnRecovery() {
        let backoff = FailureBackoff()
        let key = ObjectKey(namespace: "default", name: "agent")
        var delays: [TimeInterval] = []
        for _ in 0..<12 {
            backoff.failed(set: key, node: "n1", now: Self.now)
            delays.append((backoff.nextRelease(set: key, now: Self.now) ?? Self.now).timeIntervalSince(Self.now))
        }
        #expect(Array(delays.prefix(5)) == [1, 2, 4, 8, 16])
        #expect(delays.last == 900)
        #expect(backoff.heldBack(set: key, now: Self.now) == ["n1"])
        #expect(backoff.heldBack(set: key, now: Self.now.addingTimeInterval(901)).isEmpty)
        backoff.recovered(set: key, nodes: ["n1"])
        backoff.failed(set: key, node: "n1", now: Self.now)
        #expect(backoff.nextRelease(set: key, now: Self.now) == Self.now.addingTimeInterval(1))
    }

    @Test func rollingUpdateStaysWithinMaxUnavailableAndReplacesUnavailablePodsFreely() {
        let set = Fixtures.daemonSet("agent", maxUnavailable: .int(1))
        let old = [Self.pod("a", on: "n1"), Self.pod("b", on: "n2"), Self.pod("c", on: "n3")]
        let plan = DaemonSetPlanner.plan(set, nodes: Self.nodes, pods: old, hash: "v2", now: Self.now)
        #expect(plan.delete.count == 1)
        #expect(plan.create.isEmpty)
        let oneDown = [Self.pod("a", on: "n1"), Self.pod("b", on: "n2", ready: false), Self.pod("c", on: "n3")]
        #expect(DaemonSetPlanner.plan(set, nodes: Self.nodes, pods: oneDown, hash: "v2", now: Self.now).delete == ["b"])
        let replacing = [Self.pod("a", on: "n1"), Self.pod("b2", on: "n2", hash: "v2", ready: false), Self.pod("c", on: "n3")]
        #expect(DaemonSetPlanner.plan(set, nodes: Self.nodes, pods: replacing, hash: "v2", now: Self.now).delete.isEmpty,
                "waits while a replacement is not yet available")
        let percent = Fixtures.daemonSet("agent", maxUnavailable: .string("100%"))
        #expect(DaemonSetPlanner.plan(percent, nodes: Self.nodes, pods: old, hash: "v2", now: Self.now).delete.count == 3)
    }

    @Test func surgeStartsTheNewPodBesideTheOldAndRemovesTheOldOnceTheNewIsAvailable() {
        let set = Fixtures.daemonSet("agent", maxUnavailable: .int(0), maxSurge: .int(1))
        let old = [Self.pod("a", on: "n1"), Self.pod("b", on: "n2")]
        var plan = DaemonSetPlanner.plan(set, nodes: Array(Self.nodes.prefix(2)), pods: old, hash: "v2", now: Self.now)
        #expect(plan.create == ["n1"], "one surge pod at a time")
        #expect(plan.delete.isEmpty)
        let starting = old + [Self.pod("a2", on: "n1", hash: "v2", ready: false, age: 5)]
        plan = DaemonSetPlanner.plan(set, nodes: Array(Self.nodes.prefix(2)), pods: starting, hash: "v2", now: Self.now)
        #expect(plan.create.isEmpty && plan.delete.isEmpty, "the old pod stays while its replacement starts")
        let ready = old + [Self.pod("a2", on: "n1", hash: "v2", age: 5)]
        plan = DaemonSetPlanner.plan(set, nodes: Array(Self.nodes.prefix(2)), pods: ready, hash: "v2", now: Self.now)
        #expect(plan.delete == ["a"])
    }

    @Test func statusCountsNodesNotPods() {
        var set = Fixtures.daemonSet("agent")
        set.metadata.generation = 2
        let tainted = Self.node("n4", taints: [Taint(key: "x", effect: "NoSchedule")])
        let pods = [Self.pod("a", on: "n1", hash: "v2"), Self.pod("b", on: "n2", ready: false), Self.pod("d", on: "n4")]
        let status = DaemonSetPlanner.status(set, nodes: Self.nodes + [tainted], pods: pods, hash: "v2", collisionCount: nil, now: Self.now)
        #expect(status.desiredNumberScheduled == 3)
        #expect(status.currentNumberScheduled == 2)
        #expect(status.numberMisscheduled == 1)
        #expect(status.numberReady == 1)
        #expect(status.numberAvailable == 1)
        #expect(status.numberUnavailable == 2)
        #expect(status.updatedNumberScheduled == 1)
        #expect(status.observedGeneration == 2)
    }
}
