import Resources
@testable import SchedulingFramework
import Testing

@Suite struct PodTopologySpreadTests {
    /// One node in each of zones a, b and c.
    static let nodes = Placement.zonedNodes([("a", 1), ("b", 1), ("c", 1)])

    static func web(_ name: String, on node: String? = nil) -> Pod {
        Build.pod(name, on: node).labelled(["app": "web"])
    }

    static func byZone(maxSkew: Int32 = 1, _ whenUnsatisfiable: String = "DoNotSchedule", minDomains: Int32? = nil,
                       nodeAffinityPolicy: String? = nil, nodeTaintsPolicy: String? = nil,
                       matchLabelKeys: [String] = [], topologyKey: String = zoneKey) -> TopologySpreadConstraint {
        TopologySpreadConstraint(maxSkew: maxSkew, topologyKey: topologyKey, whenUnsatisfiable: whenUnsatisfiable,
                                 labelSelector: LabelSelector(matchLabels: ["app": "web"]), minDomains: minDomains,
                                 nodeAffinityPolicy: nodeAffinityPolicy, nodeTaintsPolicy: nodeTaintsPolicy,
                                 matchLabelKeys: matchLabelKeys)
    }

    /// The pod, kept out of zone c by required node affinity.
    static func avoidingZoneC(_ pod: Pod) -> Pod {
        var pod = pod
        pod.spec?.affinity = Affinity(nodeAffinity: NodeAffinity(requiredDuringSchedulingIgnoredDuringExecution: NodeSelector(nodeSelectorTerms: [
            NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: zoneKey, operator: "NotIn", values: ["c"])]),
        ])))
        return pod
    }

    static let dedicated = Taint(key: "dedicated", value: "batch", effect: "NoSchedule")

    struct FilterCase: Sendable, CustomTestStringConvertible {
        var name: String
        var nodes: [Node] = PodTopologySpreadTests.nodes
        var placed: [Pod]
        var incoming: Pod
        var feasible: [String]
        var testDescription: String { name }
    }

    static let filterCases: [FilterCase] = [
        FilterCase(name: "the zone that would go two ahead of the emptiest is refused",
                   placed: [web("w1", on: "a-1")],
                   incoming: web("w").spread(byZone()),
                   feasible: ["b-1", "c-1"]),
        FilterCase(name: "maxSkew 2 allows it",
                   placed: [web("w1", on: "a-1")],
                   incoming: web("w").spread(byZone(maxSkew: 2)),
                   feasible: ["a-1", "b-1", "c-1"]),
        FilterCase(name: "a node lacking the topology key is refused",
                   nodes: nodes + [Build.node("bare")],
                   placed: [],
                   incoming: web("w").spread(byZone()),
                   feasible: ["a-1", "b-1", "c-1"]),
        FilterCase(name: "a pod its own selector does not match adds nothing to the skew",
                   placed: [web("w1", on: "a-1")],
                   incoming: Build.pod("other").labelled(["app": "other"]).spread(byZone()),
                   feasible: ["a-1", "b-1", "c-1"]),
        FilterCase(name: "pods in other namespaces and terminating pods do not count",
                   placed: [
                       { var pod = web("w1", on: "a-1"); pod.metadata.namespace = "other"; return pod }(),
                       { var pod = web("w2", on: "a-1"); pod.metadata.deletionTimestamp = Time(secondsSince1970: 1_700_000_000); return pod }(),
                   ],
                   incoming: web("w").spread(byZone()),
                   feasible: ["a-1", "b-1", "c-1"]),
        FilterCase(name: "with fewer eligible domains than minDomains the global minimum is 0",
                   nodes: Placement.zonedNodes([("a", 1), ("b", 1)]),
                   placed: [web("w1", on: "a-1"), web("w2", on: "b-1")],
                   incoming: web("w").spread(byZone(minDomains: 3)),
                   feasible: []),
        FilterCase(name: "with enough domains minDomains changes nothing",
                   nodes: Placement.zonedNodes([("a", 1), ("b", 1)]),
                   placed: [web("w1", on: "a-1"), web("w2", on: "b-1")],
                   incoming: web("w").spread(byZone(minDomains: 2)),
                   feasible: ["a-1", "b-1"]),
        FilterCase(name: "nodeAffinityPolicy Honor: a zone the pod may not use is no domain",
                   placed: [web("w1", on: "a-1"), web("w2", on: "b-1")],
                   incoming: avoidingZoneC(web("w")).spread(byZone()),
                   feasible: ["a-1", "b-1"]),
        FilterCase(name: "nodeAffinityPolicy Ignore: its empty zone holds the minimum at 0",
                   placed: [web("w1", on: "a-1"), web("w2", on: "b-1")],
                   incoming: avoidingZoneC(web("w")).spread(byZone(nodeAffinityPolicy: "Ignore")),
                   feasible: []),
        FilterCase(name: "nodeTaintsPolicy Ignore: an untolerated tainted zone still counts",
                   nodes: Placement.zonedNodes([("a", 1), ("b", 1)]) + [Build.node("c-1", labels: [zoneKey: "c"], taints: [dedicated])],
                   placed: [web("w1", on: "a-1"), web("w2", on: "b-1")],
                   incoming: web("w").spread(byZone()),
                   feasible: []),
        FilterCase(name: "nodeTaintsPolicy Honor: it does not",
                   nodes: Placement.zonedNodes([("a", 1), ("b", 1)]) + [Build.node("c-1", labels: [zoneKey: "c"], taints: [dedicated])],
                   placed: [web("w1", on: "a-1"), web("w2", on: "b-1")],
                   incoming: web("w").spread(byZone(nodeTaintsPolicy: "Honor")),
                   feasible: ["a-1", "b-1"]),
        FilterCase(name: "matchLabelKeys counts only the pods of the pod's own revision",
                   placed: [web("old-1", on: "a-1").labelled(["rev": "1"]), web("old-2", on: "a-1").labelled(["rev": "1"])],
                   incoming: web("new").labelled(["rev": "2"]).spread(byZone(matchLabelKeys: ["rev"])),
                   feasible: ["a-1", "b-1", "c-1"]),
        FilterCase(name: "spreading by hostname counts per node",
                   nodes: Placement.zonedNodes([("a", 3)]),
                   placed: [web("w1", on: "a-1"), web("w2", on: "a-2")],
                   incoming: web("w").spread(byZone(topologyKey: hostnameKey)),
                   feasible: ["a-3"]),
    ]

    @Test(arguments: filterCases)
    func filterKeepsTheSkewWithinMaxSkew(_ test: FilterCase) {
        #expect(Placement.feasible(test.incoming, nodes: test.nodes, pods: test.placed) == test.feasible)
    }

    @Test func refusalsReadAsUpstream() {
        let nodes = Placement.zonedNodes([("a", 1), ("b", 1)]) + [Build.node("bare")]
        let pods = [Self.web("w1", on: "a-1"), Self.web("w2", on: "b-1")]
        let outcome = Registry.defaultProfile().schedule(Self.web("w").spread(Self.byZone(minDomains: 3)),
                                                         snapshot: Snapshot(nodes: nodes, pods: pods))
        guard case .unschedulable(let error) = outcome else {
            Issue.record("expected no node to fit, got \(outcome)")
            return
        }
        #expect(error.message == "0/3 nodes are available: "
            + "1 node(s) didn't match pod topology spread constraints (missing required label), "
            + "2 node(s) didn't match pod topology spread constraints.")
        #expect(error.refusals["bare"]?.code == .unresolvable)
        #expect(error.refusals["a-1"]?.code == .unschedulable)
    }

    @Test func repeatedPlacementKeepsZonesWithinMaxSkew() {
        let nodes = Placement.zonedNodes([("a", 2), ("b", 1), ("c", 3)])
        let replicas = (1...9).map { Self.web("web-\($0)").spread(Self.byZone()) }
        var pods: [Pod] = []
        var perZone: [String: Int] = ["a": 0, "b": 0, "c": 0]
        for replica in replicas {
            let placed = Placement.inTurn([replica], nodes: nodes, pods: &pods)
            guard let node = placed[0] else {
                Issue.record("\(replica.metadata.name ?? "") found no node")
                return
            }
            perZone[String(node.prefix(1)), default: 0] += 1
            #expect(perZone.values.max()! - perZone.values.min()! <= 1, "skew after \(pods.count) placed: \(perZone)")
        }
        #expect(perZone == ["a": 3, "b": 3, "c": 3])
    }

    @Test func scheduleAnywayPrefersTheEmptierZoneOverALessLoadedNode() {
        let nodes = Placement.zonedNodes([("a", 3), ("b", 1)])
        let pods = [Self.web("w1", on: "a-1"), Build.pod("batch", cpu: "2", on: "b-1")]
        let pod = Self.web("w").spread(Self.byZone(SpreadConstraint.scheduleAnyway))
        #expect(FilterTests.placed(Registry.defaultProfile().schedule(pod, snapshot: Snapshot(nodes: nodes, pods: pods))) == "b-1")
        let unconstrained = Self.web("w")
        #expect(FilterTests.placed(Registry.defaultProfile().schedule(unconstrained, snapshot: Snapshot(nodes: nodes, pods: pods))) == "a-2",
                "without the constraint the emptier node wins")
    }

    @Test func scoresRankFewerMatchingPodsHigherAndIgnoreNodesWithoutTheKey() {
        let nodes = Self.nodes + [Build.node("bare")]
        let pods = [Self.web("w1", on: "a-1"), Self.web("w2", on: "a-1"), Self.web("w3", on: "b-1"), Self.web("w4", on: "bare")]
        let pod = Self.web("w").spread(Self.byZone(SpreadConstraint.scheduleAnyway))
        let plugin = PodTopologySpread()
        let snapshot = Snapshot(nodes: nodes, pods: pods)
        var state = CycleState()
        #expect(plugin.preFilter(pod, snapshot: snapshot, state: &state).status.isSuccess)
        #expect(snapshot.nodes.allSatisfy { plugin.filter(pod, node: $0, state: state).isSuccess }, "soft constraints never filter")
        plugin.preScore(pod, nodes: snapshot.nodes, state: &state)
        var scores = snapshot.nodes.map { plugin.score(pod, node: $0, state: state) }
        // Three domains weigh log(5) ≈ 1.61 each: raw 2×1.61 → 3, 1×1.61 → 2, 0, and the ignored node.
        #expect(scores == [3, 2, 0, PodTopologySpread.ignoredScore])
        plugin.normalize(&scores, pod: pod, state: state)
        #expect(scores == [0, 33, 100, 0])
    }

    @Test func nothingIsCountedForAPodWithoutConstraints() {
        let plugin = PodTopologySpread()
        let snapshot = Snapshot(nodes: Self.nodes, pods: [Self.web("w1", on: "a-1")])
        var state = CycleState()
        _ = plugin.preFilter(Self.web("w"), snapshot: snapshot, state: &state)
        #expect(state[PodTopologySpread.filterStateKey, as: PodTopologySpread.FilterState.self]?.constraints.isEmpty == true)
        #expect(state[PodTopologySpread.nodesKey, as: [NodeInfo].self] == nil)
        plugin.preScore(Self.web("w"), nodes: snapshot.nodes, state: &state)
        #expect(state[PodTopologySpread.scoreStateKey, as: PodTopologySpread.ScoreState.self] == nil)
        var scores: [Int64] = [0, 0, 0]
        plugin.normalize(&scores, pod: Self.web("w"), state: state)
        #expect(scores == [0, 0, 0])
    }
}
