import Resources
@testable import SchedulingFramework

/// Scheduling pods one after another through the default profile, each placed pod bound to
/// its node before the next is scheduled — how replicas of a workload arrive.
enum Placement {
    /// The node each pod landed on, nil where none fit; `pods` ends with the placed ones.
    static func inTurn(_ incoming: [Pod], nodes: [Node], pods: inout [Pod],
                       framework: Framework = Registry.defaultProfile()) -> [String?] {
        incoming.map { pod in
            guard case .node(let name, _) = framework.schedule(pod, snapshot: Snapshot(nodes: nodes, pods: pods)) else { return nil }
            var placed = pod
            placed.spec?.nodeName = name
            placed.status?.phase = "Running"
            pods.append(placed)
            return name
        }
    }

    /// The names of the nodes the pod passes every filter on.
    static func feasible(_ pod: Pod, nodes: [Node], pods: [Pod], framework: Framework = Registry.defaultProfile()) -> [String] {
        let snapshot = Snapshot(nodes: nodes, pods: pods)
        var state = CycleState()
        for plugin in framework.preFilters {
            guard plugin.preFilter(pod, snapshot: snapshot, state: &state).status.isSuccess else { return [] }
        }
        return snapshot.nodes.filter { framework.firstRefusal(pod, node: $0, state: state) == nil }.map(\.name)
    }

    /// Nodes `prefix-1` … named by zone: `zones` maps each zone to its node count.
    static func zonedNodes(_ zones: [(zone: String, nodes: Int)]) -> [Node] {
        zones.flatMap { zone, count in
            (1...count).map { Build.node("\(zone)-\($0)", labels: ["topology.kubernetes.io/zone": zone]) }
        }
    }
}

extension Pod {
    /// The pod with `labels` added.
    func labelled(_ labels: [String: String]) -> Pod {
        var pod = self
        pod.metadata.labels = (pod.metadata.labels ?? [:]).merging(labels) { $1 }
        return pod
    }

    /// The pod with `affinity` as its pod affinity and anti-affinity.
    func with(podAffinity: PodAffinity? = nil, podAntiAffinity: PodAntiAffinity? = nil) -> Pod {
        var pod = self
        var affinity = pod.spec?.affinity ?? Affinity()
        affinity.podAffinity = podAffinity
        affinity.podAntiAffinity = podAntiAffinity
        pod.spec?.affinity = affinity
        return pod
    }

    /// The pod with `constraints` as its topology spread constraints.
    func spread(_ constraints: TopologySpreadConstraint...) -> Pod {
        var pod = self
        pod.spec?.topologySpreadConstraints = constraints
        return pod
    }
}

extension PodAffinityTerm {
    /// Pods labelled `app=<app>`, per domain of `topologyKey`.
    static func app(_ app: String, by topologyKey: String = "kubernetes.io/hostname") -> PodAffinityTerm {
        PodAffinityTerm(labelSelector: LabelSelector(matchLabels: ["app": app]), topologyKey: topologyKey)
    }
}

let zoneKey = "topology.kubernetes.io/zone"
let hostnameKey = "kubernetes.io/hostname"
