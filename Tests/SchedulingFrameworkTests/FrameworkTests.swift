import Resources
@testable import SchedulingFramework
import Testing

enum Build {
    static func node(_ name: String, cpu: String = "4", memory: String = "8Gi", pods: String = "110",
                     labels: [String: String] = [:], taints: [Taint] = [], unschedulable: Bool = false) -> Node {
        var node = Node()
        node.metadata.name = name
        node.metadata.labels = labels.merging(["kubernetes.io/hostname": name]) { $1 }
        node.spec = NodeSpec(unschedulable: unschedulable ? true : nil, taints: taints)
        var status = NodeStatus()
        status.allocatable = ["cpu": Quantity(cpu), "memory": Quantity(memory), "pods": Quantity(pods)]
        node.status = status
        return node
    }

    static func pod(_ name: String, cpu: String? = nil, memory: String? = nil, on node: String? = nil) -> Pod {
        var pod = Pod()
        pod.metadata.name = name
        pod.metadata.namespace = "default"
        var container = Container()
        container.name = "main"
        var requests: [String: Quantity] = [:]
        if let cpu { requests["cpu"] = Quantity(cpu) }
        if let memory { requests["memory"] = Quantity(memory) }
        container.resources = ResourceRequirements(requests: requests)
        var spec = PodSpec()
        spec.containers = [container]
        spec.nodeName = node
        pod.spec = spec
        pod.status = PodStatus(phase: node == nil ? "Pending" : "Running")
        return pod
    }
}

@Suite struct PodRequestsTests {
    @Test func initContainersCountAtTheirPeakAndSidecarsAddToEverythingAfter() {
        var pod = Build.pod("p", cpu: "500m", memory: "128Mi")
        var big = Container()
        big.name = "migrate"
        big.resources = ResourceRequirements(requests: ["cpu": "2", "memory": "64Mi"])
        pod.spec?.initContainers = [big]
        var requests = PodRequests.of(pod)
        #expect(requests.milliCPU == 2000, "the init container's cpu is the larger")
        #expect(requests.memory == 128 * 1024 * 1024, "the app's memory is the larger")

        var sidecar = Container()
        sidecar.name = "proxy"
        sidecar.restartPolicy = "Always"
        sidecar.resources = ResourceRequirements(requests: ["cpu": "250m"])
        pod.spec?.initContainers = [sidecar]
        pod.spec?.overhead = ["cpu": "100m"]
        requests = PodRequests.of(pod)
        #expect(requests.milliCPU == 500 + 250 + 100, "a sidecar runs beside the app, and overhead adds")
    }

    @Test func aLimitStandsInForAMissingRequest() {
        var pod = Build.pod("p")
        pod.spec?.containers[0].resources = ResourceRequirements(limits: ["cpu": "1"])
        #expect(PodRequests.of(pod).milliCPU == 1000)
    }
}

@Suite struct FilterTests {
    static let framework = Registry.defaultProfile()

    static func outcome(_ pod: Pod, nodes: [Node], pods: [Pod] = []) -> Framework.Outcome {
        framework.schedule(pod, snapshot: Snapshot(nodes: nodes, pods: pods))
    }

    static func message(_ outcome: Framework.Outcome) -> String? {
        if case .unschedulable(let error) = outcome { return error.message }
        return nil
    }

    static func placed(_ outcome: Framework.Outcome) -> String? {
        if case .node(let name, _) = outcome { return name }
        return nil
    }

    @Test func theRefusalCountsEachReasonAcrossNodes() {
        let taint = Taint(key: "dedicated", value: "db", effect: "NoSchedule")
        let nodes = [Build.node("small-1", cpu: "1"), Build.node("small-2", cpu: "1"), Build.node("small-3", cpu: "1"),
                     Build.node("db-1", taints: [taint]), Build.node("db-2", taints: [taint])]
        let message = Self.message(Self.outcome(Build.pod("big", cpu: "2"), nodes: nodes))
        #expect(message == "0/5 nodes are available: 2 node(s) had untolerated taint {dedicated: db}, 3 Insufficient cpu.")
    }

    @Test func requestsAlreadyPlacedCountAgainstTheNode() {
        let nodes = [Build.node("a", cpu: "2"), Build.node("b", cpu: "2")]
        let placed = [Build.pod("x", cpu: "1500m", on: "a")]
        #expect(Self.placed(Self.outcome(Build.pod("new", cpu: "1"), nodes: nodes, pods: placed)) == "b")
        let full = [Build.pod("x", cpu: "1500m", on: "a"), Build.pod("y", cpu: "1500m", on: "b")]
        #expect(Self.message(Self.outcome(Build.pod("new", cpu: "1"), nodes: nodes, pods: full)) == "0/2 nodes are available: 2 Insufficient cpu.")
        let finished = [Build.pod("x", cpu: "1500m", on: "a")].map { pod -> Pod in
            var pod = pod
            pod.status?.phase = "Succeeded"
            return pod
        }
        #expect(Self.placed(Self.outcome(Build.pod("new", cpu: "1"), nodes: [nodes[0]], pods: finished)) == "a",
                "finished pods free their requests")
    }

    @Test func podSlotsAreARequestToo() {
        let node = Build.node("tiny", pods: "1")
        #expect(Self.message(Self.outcome(Build.pod("second"), nodes: [node], pods: [Build.pod("first", on: "tiny")]))
            == "0/1 nodes are available: 1 Too many pods.")
    }

    @Test func cordonedNodesAndNodeNameAndSelectorsFilter() {
        let nodes = [Build.node("cordoned", unschedulable: true), Build.node("edge", labels: ["zone": "edge"]), Build.node("core")]
        var pod = Build.pod("p")
        pod.spec?.nodeSelector = ["zone": "edge"]
        #expect(Self.placed(Self.outcome(pod, nodes: nodes)) == "edge")
        var pinned = Build.pod("q")
        pinned.spec?.nodeName = "core"
        #expect(Self.placed(Self.framework.schedule(pinned, snapshot: Snapshot(nodes: nodes.map { NodeInfo(node: $0) }))) == "core")
        var tolerant = Build.pod("r")
        tolerant.spec?.tolerations = [Toleration(key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule")]
        tolerant.spec?.nodeSelector = ["kubernetes.io/hostname": "cordoned"]
        #expect(Self.placed(Self.outcome(tolerant, nodes: nodes)) == "cordoned")
        #expect(Self.message(Self.outcome(Build.pod("s"), nodes: [nodes[0]])) == "0/1 nodes are available: 1 node(s) were unschedulable.")
    }
}

@Suite struct ScoreTests {
    @Test func leastAllocatedSpreadsAndMostAllocatedPacks() {
        let nodes = [Build.node("busy", cpu: "4", memory: "8Gi"), Build.node("idle", cpu: "4", memory: "8Gi")]
        let placed = [Build.pod("x", cpu: "2", memory: "4Gi", on: "busy")]
        let pod = Build.pod("new", cpu: "1", memory: "1Gi")
        let spread = Registry.defaultProfile().schedule(pod, snapshot: Snapshot(nodes: nodes, pods: placed))
        #expect(FilterTests.placed(spread) == "idle")
        let packing = Framework(profileName: "pack", filters: [NodeResourcesFit(strategy: .mostAllocated)],
                                scores: [(NodeResourcesFit(strategy: .mostAllocated), 1)])
        #expect(FilterTests.placed(packing.schedule(pod, snapshot: Snapshot(nodes: nodes, pods: placed))) == "busy")
    }

    @Test func requestedToCapacityRatioFollowsItsShape() {
        let fit = NodeResourcesFit(strategy: .requestedToCapacityRatio([(0, 0), (100, 10)]))
        #expect(fit.resourceScore(requested: 50, capacity: 100) == 50)
        #expect(fit.resourceScore(requested: 100, capacity: 100) == 100)
        #expect(NodeResourcesFit.interpolate([(0, 10), (50, 0), (100, 10)], at: 25) == 5)
    }

    @Test func preferredAffinityAndPreferNoScheduleTaintsSteerThePod() {
        let avoid = Taint(key: "spot", value: "true", effect: "PreferNoSchedule")
        let nodes = [Build.node("spot", taints: [avoid]), Build.node("ssd", labels: ["disk": "ssd"]), Build.node("plain")]
        var pod = Build.pod("p")
        pod.spec?.affinity = Affinity(nodeAffinity: NodeAffinity(preferredDuringSchedulingIgnoredDuringExecution: [
            PreferredSchedulingTerm(weight: 50, preference: NodeSelectorTerm(matchExpressions: [
                NodeSelectorRequirement(key: "disk", operator: "In", values: ["ssd"]),
            ])),
        ]))
        #expect(FilterTests.placed(Registry.defaultProfile().schedule(pod, snapshot: Snapshot(nodes: nodes, pods: []))) == "ssd")
        let plainPod = Build.pod("q")
        let placed = FilterTests.placed(Registry.defaultProfile().schedule(plainPod, snapshot: Snapshot(nodes: [nodes[0], nodes[2]], pods: [])))
        #expect(placed == "plain", "an untolerated PreferNoSchedule taint ranks lower")
    }
}

@Suite struct MorePluginTests {
    static func withHostPort(_ pod: Pod, _ port: Int32, ip: String? = nil) -> Pod {
        var pod = pod
        var containerPort = ContainerPort()
        containerPort.containerPort = 8080
        containerPort.hostPort = port
        containerPort.hostIP = ip
        pod.spec?.containers[0].ports = [containerPort]
        return pod
    }

    @Test func hostPortsConflictUnlessBothBindDifferentAddresses() {
        let node = NodeInfo(node: Build.node("n"), pods: [Self.withHostPort(Build.pod("web", on: "n"), 80)])
        let plugin = NodePorts()
        #expect(plugin.filter(Self.withHostPort(Build.pod("a"), 80), node: node, state: CycleState()).code == .unschedulable)
        #expect(plugin.filter(Self.withHostPort(Build.pod("b"), 81), node: node, state: CycleState()).isSuccess)
        let pinned = NodeInfo(node: Build.node("m"), pods: [Self.withHostPort(Build.pod("web", on: "m"), 80, ip: "127.0.0.1")])
        #expect(plugin.filter(Self.withHostPort(Build.pod("c"), 80, ip: "127.0.0.2"), node: pinned, state: CycleState()).isSuccess)
        #expect(plugin.filter(Self.withHostPort(Build.pod("d"), 80), node: pinned, state: CycleState()).code == .unschedulable)
    }

    @Test func balancedAllocationPrefersEqualCPUAndMemoryFractions() {
        let plugin = NodeResourcesBalancedAllocation()
        let cpuHeavy = NodeInfo(node: Build.node("cpu", cpu: "4", memory: "8Gi"), pods: [Build.pod("x", cpu: "3", memory: "1Gi", on: "cpu")])
        let even = NodeInfo(node: Build.node("even", cpu: "4", memory: "8Gi"), pods: [Build.pod("y", cpu: "2", memory: "4Gi", on: "even")])
        let pod = Build.pod("new", cpu: "500m", memory: "1Gi")
        #expect(plugin.score(pod, node: even, state: CycleState()) > plugin.score(pod, node: cpuHeavy, state: CycleState()))
        let perfect = NodeInfo(node: Build.node("p", cpu: "4", memory: "4Gi"))
        #expect(plugin.score(Build.pod("z", cpu: "1", memory: "1Gi"), node: perfect, state: CycleState()) == 100)
    }

    @Test func imageLocalityFavoursNodesHoldingLargeImages() {
        var cached = Build.node("cached")
        cached.status?.images = [ContainerImage(names: ["docker.io/library/postgres:16"], sizeBytes: 400 * 1024 * 1024)]
        let cold = Build.node("cold")
        var pod = Build.pod("db")
        pod.spec?.containers[0].image = "postgres:16"
        let outcome = Registry.defaultProfile().schedule(pod, snapshot: Snapshot(nodes: [cold, cached], pods: []))
        #expect(FilterTests.placed(outcome) == "cached")
        #expect(ImageLocality.normalized("busybox") == "docker.io/library/busybox:latest")
        #expect(ImageLocality.normalized("registry.local/web:v1") == "registry.local/web:v1")
        #expect(ImageLocality.normalized("team/app") == "docker.io/team/app:latest")
        #expect(ImageLocality.normalized("localhost:5000/app") == "localhost:5000/app:latest")
    }
}

@Suite struct PreemptionTests {
    static func pod(_ name: String, cpu: String, priority: Int32, on node: String? = nil) -> Pod {
        var pod = Build.pod(name, cpu: cpu, on: node)
        pod.spec?.priority = priority
        return pod
    }

    struct Case: Sendable {
        var name: String
        var placed: [Pod]
        var incoming: Pod
        var node: String?
        var victims: [String]
    }

    static let cases: [Case] = [
        Case(name: "the fewest low-priority pods that make room",
             placed: [pod("a", cpu: "1", priority: 0, on: "n1"), pod("b", cpu: "2", priority: 0, on: "n1"), pod("c", cpu: "1", priority: 0, on: "n1")],
             incoming: pod("big", cpu: "2", priority: 100), node: "n1", victims: ["b"]),
        Case(name: "equal or higher priority pods are never victims",
             placed: [pod("peer", cpu: "4", priority: 100, on: "n1")],
             incoming: pod("big", cpu: "2", priority: 100), node: nil, victims: []),
        Case(name: "the node whose most important victim matters least",
             placed: [pod("mid", cpu: "4", priority: 50, on: "n1"), pod("low", cpu: "4", priority: 10, on: "n2")],
             incoming: pod("big", cpu: "2", priority: 100), node: "n2", victims: ["low"]),
        Case(name: "preemptionPolicy Never preempts nothing",
             placed: [pod("low", cpu: "4", priority: 0, on: "n1")],
             incoming: { var p = pod("polite", cpu: "2", priority: 100); p.spec?.preemptionPolicy = "Never"; return p }(),
             node: nil, victims: []),
    ]

    @Test(arguments: cases) func preemptionPicksVictims(_ test: Case) {
        let nodes = ["n1", "n2"].prefix(test.placed.contains { $0.spec?.nodeName == "n2" } ? 2 : 1).map { Build.node($0, cpu: "4") }
        let cycle = Registry.defaultProfile().run(test.incoming, snapshot: Snapshot(nodes: Array(nodes), pods: test.placed))
        guard case .unschedulable = cycle.outcome else {
            Issue.record("\(test.name): the pod should not fit before preemption")
            return
        }
        #expect(cycle.postFilter?.nominatedNode == test.node, "\(test.name)")
        #expect((cycle.postFilter?.victims ?? []).map { $0.metadata.name ?? "" }.sorted() == test.victims, "\(test.name)")
    }
}

@Suite struct CycleTests {
    @Test func pluginsWithNothingToCheckAreSkippedForTheCycle() {
        let pod = Build.pod("plain", cpu: "100m")
        let cycle = Registry.defaultProfile().run(pod, snapshot: Snapshot(nodes: [Build.node("a"), Build.node("b")], pods: []))
        #expect(cycle.state.skippedFilters == ["NodeAffinity", "NodePorts", "VolumeBinding", "PodTopologySpread", "InterPodAffinity"])
        #expect(cycle.state.skippedScores == ["NodeAffinity", "ImageLocality", "PodTopologySpread", "InterPodAffinity"])

        var picky = pod
        picky.spec?.nodeSelector = ["disk": "ssd"]
        picky.spec?.containers[0].ports = [ContainerPort(hostPort: 8080, containerPort: 80)]
        let checked = Registry.defaultProfile().run(picky, snapshot: Snapshot(nodes: [Build.node("a")], pods: []))
        #expect(!checked.state.skippedFilters.contains("NodeAffinity"))
        #expect(!checked.state.skippedFilters.contains("NodePorts"))
    }

    @Test func aLargeClusterIsSampledAndEveryNodeGetsItsTurn() {
        let framework = Registry.defaultProfile(parallelism: 2)
        #expect(framework.feasibleNodesToFind(50) == 50, "below 100 nodes, all")
        #expect(framework.feasibleNodesToFind(500) == 230, "46% of 500")
        #expect(framework.feasibleNodesToFind(5000) == 500, "10% of 5,000")
        #expect(framework.feasibleNodesToFind(100_000) == 5000, "never below 5%")

        let nodes = (0..<500).map { Build.node("n\($0)") }
        let snapshot = Snapshot(nodes: nodes, pods: [])
        let first = framework.run(Build.pod("p"), snapshot: snapshot, startIndex: 0)
        #expect(first.evaluatedNodes == 230)
        let second = framework.run(Build.pod("p"), snapshot: snapshot, startIndex: 230)
        guard case .node(let name, _) = second.outcome else {
            Issue.record("the pod fits")
            return
        }
        let index = Int(name.dropFirst()) ?? -1
        #expect(index >= 230 || index < 230 + 230 - 500, "the second cycle looks at the next nodes, wrapping round")
    }
}
