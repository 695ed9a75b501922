import Resources
@testable import SchedulingFramework
import Testing

@Suite struct InterPodAffinityTests {
    /// Three nodes in two zones: a-1 and a-2 in zone a, b-1 in zone b.
    static let nodes = Placement.zonedNodes([("a", 2), ("b", 1)])

    static func web(_ name: String, on node: String? = nil) -> Pod {
        Build.pod(name, on: node).labelled(["app": "web"])
    }

    static func db(_ name: String, on node: String? = nil) -> Pod {
        Build.pod(name, on: node).labelled(["app": "db"])
    }

    static func requiredAffinity(_ terms: PodAffinityTerm...) -> PodAffinity {
        PodAffinity(requiredDuringSchedulingIgnoredDuringExecution: terms)
    }

    static func requiredAntiAffinity(_ terms: PodAffinityTerm...) -> PodAntiAffinity {
        PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: terms)
    }

    struct FilterCase: Sendable, CustomTestStringConvertible {
        var name: String
        var nodes: [Node] = InterPodAffinityTests.nodes
        var placed: [Pod]
        var incoming: Pod
        var feasible: [String]
        var testDescription: String { name }
    }

    static let filterCases: [FilterCase] = [
        FilterCase(name: "anti-affinity by hostname avoids the nodes holding a matching pod",
                   placed: [web("w1", on: "a-1")],
                   incoming: web("w2").with(podAntiAffinity: requiredAntiAffinity(.app("web"))),
                   feasible: ["a-2", "b-1"]),
        FilterCase(name: "anti-affinity by zone avoids the whole zone",
                   placed: [web("w1", on: "a-1")],
                   incoming: web("w2").with(podAntiAffinity: requiredAntiAffinity(.app("web", by: zoneKey))),
                   feasible: ["b-1"]),
        FilterCase(name: "affinity by zone lands in the zone of a matching pod",
                   placed: [db("d1", on: "a-2")],
                   incoming: web("w1").with(podAffinity: requiredAffinity(.app("db", by: zoneKey))),
                   feasible: ["a-1", "a-2"]),
        FilterCase(name: "a node without the topology key cannot satisfy affinity",
                   nodes: nodes + [Build.node("bare")],
                   placed: [db("d1", on: "a-1")],
                   incoming: web("w1").with(podAffinity: requiredAffinity(.app("db", by: zoneKey))),
                   feasible: ["a-1", "a-2"]),
        FilterCase(name: "the first pod of a self-affine group lands anywhere with the key",
                   nodes: nodes + [Build.node("bare")],
                   placed: [],
                   incoming: web("w1").with(podAffinity: requiredAffinity(.app("web", by: zoneKey))),
                   feasible: ["a-1", "a-2", "b-1"]),
        FilterCase(name: "affinity to pods that exist nowhere, which the pod does not match itself, fits nowhere",
                   placed: [web("w1", on: "a-1")],
                   incoming: web("w2").with(podAffinity: requiredAffinity(.app("db", by: zoneKey))),
                   feasible: []),
        FilterCase(name: "every affinity term must be met by the same pods",
                   placed: [db("d1", on: "a-1"), Build.pod("c1", on: "b-1").labelled(["tier": "cache"])],
                   incoming: web("w1").with(podAffinity: requiredAffinity(
                       .app("db", by: zoneKey),
                       PodAffinityTerm(labelSelector: LabelSelector(matchLabels: ["tier": "cache"]), topologyKey: zoneKey))),
                   feasible: []),
        FilterCase(name: "a placed pod's anti-affinity refuses its domain to a pod it matches",
                   placed: [db("d1", on: "a-1").with(podAntiAffinity: requiredAntiAffinity(.app("web", by: zoneKey)))],
                   incoming: web("w1"),
                   feasible: ["b-1"]),
        FilterCase(name: "pods in another namespace do not count by default",
                   placed: [{ var pod = web("w1", on: "a-1"); pod.metadata.namespace = "other"; return pod }()],
                   incoming: web("w2").with(podAntiAffinity: requiredAntiAffinity(.app("web"))),
                   feasible: ["a-1", "a-2", "b-1"]),
        FilterCase(name: "listed namespaces are looked in instead of the pod's own",
                   placed: [{ var pod = web("w1", on: "a-1"); pod.metadata.namespace = "other"; return pod }(), web("w0", on: "a-2")],
                   incoming: web("w2").with(podAntiAffinity: requiredAntiAffinity(
                       PodAffinityTerm(labelSelector: LabelSelector(matchLabels: ["app": "web"]), namespaces: ["other"], topologyKey: hostnameKey))),
                   feasible: ["a-2", "b-1"]),
        FilterCase(name: "an empty namespaceSelector looks in every namespace",
                   placed: [{ var pod = web("w1", on: "a-1"); pod.metadata.namespace = "other"; return pod }()],
                   incoming: web("w2").with(podAntiAffinity: requiredAntiAffinity(
                       PodAffinityTerm(labelSelector: LabelSelector(matchLabels: ["app": "web"]), topologyKey: hostnameKey,
                                       namespaceSelector: LabelSelector()))),
                   feasible: ["a-2", "b-1"]),
        FilterCase(name: "a term without a label selector matches no pod",
                   placed: [web("w1", on: "a-1")],
                   incoming: web("w2").with(podAntiAffinity: requiredAntiAffinity(PodAffinityTerm(topologyKey: hostnameKey))),
                   feasible: ["a-1", "a-2", "b-1"]),
        FilterCase(name: "matchLabelKeys narrows the term to pods sharing the pod's value",
                   placed: [web("old", on: "a-1").labelled(["version": "1"]), web("new", on: "a-2").labelled(["version": "2"])],
                   incoming: web("w").labelled(["version": "2"]).with(podAntiAffinity: requiredAntiAffinity(
                       PodAffinityTerm(labelSelector: LabelSelector(matchLabels: ["app": "web"]), topologyKey: hostnameKey,
                                       matchLabelKeys: ["version"]))),
                   feasible: ["a-1", "b-1"]),
        FilterCase(name: "mismatchLabelKeys keeps the pod away from pods with another value",
                   placed: [web("t1", on: "a-1").labelled(["tenant": "one"]), web("t2", on: "b-1").labelled(["tenant": "two"])],
                   incoming: web("w").labelled(["tenant": "one"]).with(podAntiAffinity: requiredAntiAffinity(
                       PodAffinityTerm(labelSelector: LabelSelector(matchLabels: ["app": "web"]), topologyKey: zoneKey,
                                       mismatchLabelKeys: ["tenant"]))),
                   feasible: ["a-1", "a-2"]),
    ]

    @Test(arguments: filterCases)
    func filterAdmitsOnlyTheNodesTheTermsAllow(_ test: FilterCase) {
        #expect(Placement.feasible(test.incoming, nodes: test.nodes, pods: test.placed) == test.feasible)
    }

    struct RefusalCase: Sendable, CustomTestStringConvertible {
        var name: String
        var placed: [Pod]
        var incoming: Pod
        var message: String
        var code: PluginStatus.Code
        var testDescription: String { name }
    }

    static let refusalCases: [RefusalCase] = [
        RefusalCase(name: "affinity", placed: [web("w1", on: "a-1")],
                    incoming: web("w2").with(podAffinity: requiredAffinity(.app("db"))),
                    message: "0/3 nodes are available: 3 node(s) didn't match pod affinity rules.", code: .unresolvable),
        RefusalCase(name: "anti-affinity", placed: [web("w1", on: "a-1"), web("w2", on: "a-2"), web("w3", on: "b-1")],
                    incoming: web("w4").with(podAntiAffinity: requiredAntiAffinity(.app("web"))),
                    message: "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.", code: .unschedulable),
        RefusalCase(name: "placed pods' anti-affinity",
                    placed: [db("d1", on: "a-1"), db("d2", on: "b-1")].map { $0.with(podAntiAffinity: requiredAntiAffinity(.app("web", by: zoneKey))) },
                    incoming: web("w1"),
                    message: "0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules.", code: .unschedulable),
    ]

    @Test(arguments: refusalCases)
    func refusalsReadAsUpstream(_ test: RefusalCase) {
        let outcome = Registry.defaultProfile().schedule(test.incoming, snapshot: Snapshot(nodes: Self.nodes, pods: test.placed))
        guard case .unschedulable(let error) = outcome else {
            Issue.record("expected no node to fit, got \(outcome)")
            return
        }
        #expect(error.message == test.message)
        #expect(error.refusals.values.allSatisfy { $0.code == test.code && $0.plugin == InterPodAffinity.name })
    }

    @Test func antiAffinitySpreadsReplicasOnePerNode() {
        let replicas = (1...4).map { Self.web("web-\($0)").with(podAntiAffinity: Self.requiredAntiAffinity(.app("web"))) }
        var pods: [Pod] = []
        let placed = Placement.inTurn(replicas, nodes: Self.nodes, pods: &pods)
        #expect(Set(placed.prefix(3).compactMap { $0 }) == ["a-1", "a-2", "b-1"], "one replica per node")
        #expect(placed[3] == nil, "a fourth replica has no node left")
    }

    @Test func affinityCoLocatesReplicasInTheZoneOfTheirDatabase() {
        let nodes = Placement.zonedNodes([("a", 2), ("b", 2), ("c", 2)])
        var pods = [Self.db("db", on: "b-2")]
        let replicas = (1...5).map { Self.web("web-\($0)").with(podAffinity: Self.requiredAffinity(.app("db", by: zoneKey))) }
        let placed = Placement.inTurn(replicas, nodes: nodes, pods: &pods)
        #expect(placed.allSatisfy { $0?.hasPrefix("b-") == true }, "every replica in zone b: \(placed)")
    }

    @Test func aSelfAffineGroupFollowsItsFirstPod() {
        let replicas = (1...4).map { Self.web("web-\($0)").with(podAffinity: Self.requiredAffinity(.app("web", by: zoneKey))) }
        var pods: [Pod] = []
        let placed = Placement.inTurn(replicas, nodes: Self.nodes, pods: &pods)
        let zones = Set(placed.map { $0?.split(separator: "-").first.map(String.init) })
        #expect(zones.count == 1 && !zones.contains(nil), "all in the first pod's zone: \(placed)")
    }

    struct ScoreCase: Sendable, CustomTestStringConvertible {
        var name: String
        var placed: [Pod]
        var incoming: Pod
        /// Normalized scores by node.
        var scores: [String: Int64]
        var testDescription: String { name }
    }

    static func preferring(_ weight: Int32, _ term: PodAffinityTerm) -> [WeightedPodAffinityTerm] {
        [WeightedPodAffinityTerm(weight: weight, podAffinityTerm: term)]
    }

    static let scoreCases: [ScoreCase] = [
        ScoreCase(name: "preferred affinity favours the zone of a matching pod",
                  placed: [db("d1", on: "a-1")],
                  incoming: web("w").with(podAffinity: PodAffinity(preferredDuringSchedulingIgnoredDuringExecution: preferring(10, .app("db", by: zoneKey)))),
                  scores: ["a-1": 100, "a-2": 100, "b-1": 0]),
        ScoreCase(name: "preferred anti-affinity disfavours it",
                  placed: [db("d1", on: "a-1")],
                  incoming: web("w").with(podAntiAffinity: PodAntiAffinity(preferredDuringSchedulingIgnoredDuringExecution: preferring(10, .app("db", by: zoneKey)))),
                  scores: ["a-1": 0, "a-2": 0, "b-1": 100]),
        ScoreCase(name: "affinity and anti-affinity weights add per domain, min–max normalized",
                  placed: [db("d1", on: "a-1"), Build.pod("c1", on: "b-1").labelled(["app": "cache"])],
                  incoming: web("w").with(
                      podAffinity: PodAffinity(preferredDuringSchedulingIgnoredDuringExecution: preferring(10, .app("db"))),
                      podAntiAffinity: PodAntiAffinity(preferredDuringSchedulingIgnoredDuringExecution: preferring(5, .app("cache")))),
                  scores: ["a-1": 100, "a-2": 33, "b-1": 0]),
        ScoreCase(name: "a placed pod's preferred affinity draws a pod it matches",
                  placed: [db("d1", on: "b-1").with(podAffinity: PodAffinity(preferredDuringSchedulingIgnoredDuringExecution: preferring(20, .app("web"))))],
                  incoming: web("w"),
                  scores: ["a-1": 0, "a-2": 0, "b-1": 100]),
        ScoreCase(name: "a placed pod's required affinity draws a pod it matches, by the hard weight",
                  placed: [db("d1", on: "a-2").with(podAffinity: requiredAffinity(.app("web", by: zoneKey)))],
                  incoming: web("w"),
                  scores: ["a-1": 100, "a-2": 100, "b-1": 0]),
        ScoreCase(name: "a placed pod's preferred anti-affinity pushes a pod it matches away",
                  placed: [db("d1", on: "a-1").with(podAntiAffinity: PodAntiAffinity(preferredDuringSchedulingIgnoredDuringExecution: preferring(7, .app("web", by: zoneKey))))],
                  incoming: web("w"),
                  scores: ["a-1": 0, "a-2": 0, "b-1": 100]),
        ScoreCase(name: "no pod affinity anywhere scores every node 0",
                  placed: [db("d1", on: "a-1")],
                  incoming: web("w"),
                  scores: ["a-1": 0, "a-2": 0, "b-1": 0]),
    ]

    @Test(arguments: scoreCases)
    func scoresSumWeightsPerDomain(_ test: ScoreCase) {
        let plugin = InterPodAffinity()
        let snapshot = Snapshot(nodes: Self.nodes, pods: test.placed)
        var state = CycleState()
        #expect(plugin.preFilter(test.incoming, snapshot: snapshot, state: &state).status.isSuccess)
        plugin.preScore(test.incoming, nodes: snapshot.nodes, state: &state)
        var scores = snapshot.nodes.map { plugin.score(test.incoming, node: $0, state: state) }
        plugin.normalize(&scores, pod: test.incoming, state: state)
        #expect(Dictionary(uniqueKeysWithValues: zip(snapshot.nodes.map(\.name), scores)) == test.scores)
    }

    @Test func preferredAffinityPlacesThePodBesideItsDatabase() {
        let pod = Self.web("w").with(podAffinity: PodAffinity(preferredDuringSchedulingIgnoredDuringExecution: Self.preferring(100, .app("db"))))
        let outcome = Registry.defaultProfile().schedule(pod, snapshot: Snapshot(nodes: Self.nodes, pods: [Self.db("d1", on: "b-1")]))
        #expect(FilterTests.placed(outcome) == "b-1")
    }

    @Test func nothingIsCountedWhenNoPodHasPodAffinity() {
        let plugin = InterPodAffinity()
        let snapshot = Snapshot(nodes: Self.nodes, pods: [Self.web("w1", on: "a-1")])
        var state = CycleState()
        _ = plugin.preFilter(Self.web("w2"), snapshot: snapshot, state: &state)
        let filterState = state[InterPodAffinity.filterStateKey, as: InterPodAffinity.FilterState.self]
        #expect(filterState?.hasWork == false)
        #expect(state.skippedFilters.contains(plugin.name), "the framework need not call Filter at all")
        plugin.preScore(Self.web("w2"), nodes: snapshot.nodes, state: &state)
        #expect(state.skippedScores.contains(plugin.name), "nor Score: every node would score 0")
    }

    @Test func anInvalidTermRefusesThePodInPreFilter() {
        let term = PodAffinityTerm(labelSelector: LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "app", operator: "Near")]),
                                   topologyKey: hostnameKey)
        let pod = Self.web("w").with(podAntiAffinity: Self.requiredAntiAffinity(term))
        var state = CycleState()
        let result = InterPodAffinity().preFilter(pod, snapshot: Snapshot(nodes: Self.nodes, pods: []), state: &state)
        #expect(result.status.code == .unresolvable)
    }
}
