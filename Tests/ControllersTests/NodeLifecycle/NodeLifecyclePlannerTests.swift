@testable import Controllers
import Foundation
import Resources
import Testing

/// Heartbeats, Unknown conditions, NoExecute taints and evictions.
@Suite struct NodeLifecyclePlannerTests {
    static let start = Date(timeIntervalSince1970: 1_000_000)

    static func node(ready: String = "True", heartbeat: Date = start, taints: [Taint] = []) -> Node {
        var node = Node()
        node.metadata.name = "node-1"
        node.metadata.creationTimestamp = Time(start.addingTimeInterval(-3600))
        var status = NodeStatus()
        for type in NodeLifecyclePlanner.monitoredConditions {
            var condition = NodeCondition()
            condition.type = type
            condition.status = type == "Ready" ? ready : "False"
            condition.lastHeartbeatTime = Time(heartbeat)
            status.conditions.append(condition)
        }
        node.status = status
        var spec = NodeSpec()
        spec.taints = taints
        node.spec = spec
        return node
    }

    static func lease(renewed: Date) -> Lease {
        var lease = Lease()
        lease.metadata.name = "node-1"
        var spec = LeaseSpec()
        spec.renewTime = MicroTime(Time(renewed))
        spec.leaseDurationSeconds = 40
        lease.spec = spec
        return lease
    }

    static func taint(_ key: String, _ effect: String, added: Date = start) -> Taint {
        var taint = Taint()
        taint.key = key
        taint.effect = effect
        taint.timeAdded = Time(added)
        return taint
    }

    static func pod(tolerations: [(String?, String, Int64?)] = []) -> Pod {
        var pod = Pod()
        pod.metadata.name = "p"
        var spec = PodSpec()
        spec.tolerations = tolerations.map { key, op, seconds in
            var toleration = Toleration()
            toleration.key = key
            toleration.operator = op
            toleration.effect = "NoExecute"
            toleration.tolerationSeconds = seconds
            return toleration
        }
        pod.spec = spec
        return pod
    }

    @Test func freshLeaseKeepsTheNodeAsItIs() {
        let node = Self.node()
        let now = Self.start.addingTimeInterval(30)
        #expect(NodeLifecyclePlanner.updatedNode(node, lease: Self.lease(renewed: now), now: now, gracePeriod: .seconds(50)) == nil)
    }

    @Test func silentNodeBecomesUnknownAndUnreachableAfterTheGracePeriod() throws {
        let node = Self.node()
        let now = Self.start.addingTimeInterval(51)
        let updated = try #require(NodeLifecyclePlanner.updatedNode(node, lease: Self.lease(renewed: Self.start), now: now, gracePeriod: .seconds(50)))
        #expect(updated.status?.conditions.allSatisfy { $0.status == "Unknown" } == true)
        #expect(updated.status?.conditions.first { $0.type == "Ready" }?.reason == "NodeStatusUnknown")
        let taints = updated.spec?.taints.map { "\($0.key):\($0.effect)" }.sorted()
        #expect(taints == ["node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule"])
    }

    @Test func leaseRenewalCountsAsAHeartbeatEvenWhenStatusIsOld() {
        let node = Self.node(heartbeat: Self.start)
        let now = Self.start.addingTimeInterval(300)
        #expect(NodeLifecyclePlanner.updatedNode(node, lease: Self.lease(renewed: now.addingTimeInterval(-5)), now: now, gracePeriod: .seconds(50)) == nil)
    }

    @Test func notReadyNodeGetsNotReadyTaintsAndRecoveryRemovesThem() throws {
        let now = Self.start.addingTimeInterval(1)
        let notReady = try #require(NodeLifecyclePlanner.updatedNode(Self.node(ready: "False"), lease: Self.lease(renewed: now), now: now, gracePeriod: .seconds(50)))
        #expect(notReady.spec?.taints.map(\.key) == ["node.kubernetes.io/not-ready", "node.kubernetes.io/not-ready"])
        let recovered = try #require(NodeLifecyclePlanner.updatedNode(
            Self.node(ready: "True", taints: notReady.spec?.taints ?? []), lease: Self.lease(renewed: now), now: now, gracePeriod: .seconds(50)))
        #expect(recovered.spec?.taints.isEmpty == true)
    }

    @Test func podWithoutTolerationIsEvictedAtOnce() {
        let taints = [Self.taint(NodeLifecyclePlanner.unreachableTaint, "NoExecute")]
        #expect(NodeLifecyclePlanner.eviction(of: Self.pod(), taints: taints, now: Self.start) == .now)
    }

    @Test func boundedTolerationDelaysEvictionUntilItRunsOut() {
        let taints = [Self.taint(NodeLifecyclePlanner.unreachableTaint, "NoExecute")]
        let pod = Self.pod(tolerations: [(NodeLifecyclePlanner.unreachableTaint, "Exists", 300)])
        #expect(NodeLifecyclePlanner.eviction(of: pod, taints: taints, now: Self.start.addingTimeInterval(10))
            == .at(Self.start.addingTimeInterval(300)))
        #expect(NodeLifecyclePlanner.eviction(of: pod, taints: taints, now: Self.start.addingTimeInterval(300)) == .now)
    }

    @Test func unboundedTolerationKeepsThePod() {
        let taints = [Self.taint(NodeLifecyclePlanner.unreachableTaint, "NoExecute")]
        #expect(NodeLifecyclePlanner.eviction(of: Self.pod(tolerations: [(nil, "Exists", nil)]), taints: taints, now: Self.start) == .never)
    }

    @Test func noScheduleTaintsNeverEvict() {
        let taints = [Self.taint(NodeLifecyclePlanner.unreachableTaint, "NoSchedule")]
        #expect(NodeLifecyclePlanner.eviction(of: Self.pod(), taints: taints, now: Self.start) == .never)
    }
}
