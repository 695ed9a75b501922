import Resources

/// Makes room for a pod that fits nowhere by evicting lower-priority pods, as upstream's
/// DefaultPreemption: on each node that refused the pod for a reason preemption can change,
/// it takes away every pod of lower priority, checks that the pod then fits (PreFilter and
/// Filter again, on the changed snapshot), and gives back as many of those pods as still
/// leave room, the highest priority first. Of the nodes that work, it picks the one whose
/// most important victim has the lowest priority, then the lowest sum of victim
/// priorities, then the fewest victims, then the first in snapshot order.
///
/// Left out against upstream: PodDisruptionBudgets, candidate sampling (every eligible
/// node is tried), and counting nominated pods on their nodes for other pods' cycles.
public struct DefaultPreemption: PostFilterPlugin {
    public let name = "DefaultPreemption"

    public init() {}

    public func postFilter(_ pod: Pod, snapshot: Snapshot, state: CycleState, error: FitError, framework: Framework) -> PostFilterResult? {
        guard pod.spec?.preemptionPolicy != "Never", error.preFilter == nil else { return nil }
        let priority = Self.priority(pod)
        // A pod already nominated waits while its earlier victims terminate.
        if let nominated = pod.status?.nominatedNodeName, !nominated.isEmpty,
           let node = snapshot.nodes.first(where: { $0.name == nominated }),
           node.pods.contains(where: { $0.metadata.deletionTimestamp != nil && Self.priority($0) < priority }) {
            return nil
        }
        var best: (node: String, victims: [Pod], rank: [Int64])?
        for (position, node) in snapshot.nodes.enumerated() {
            // A node refused for a reason no eviction changes is no candidate.
            if let refusal = error.refusals[node.name], refusal.code == .unresolvable { continue }
            guard let victims = victims(for: pod, on: position, in: snapshot, framework: framework) else { continue }
            let priorities = victims.map { Int64(Self.priority($0)) }
            let rank = [priorities.max() ?? Int64.min, priorities.reduce(0, +), Int64(victims.count)]
            if best == nil || rank.lexicographicallyPrecedes(best!.rank) { best = (node.name, victims, rank) }
        }
        return best.map { PostFilterResult(nominatedNode: $0.node, victims: $0.victims) }
    }

    /// The fewest lower-priority pods on the node at `position` whose removal lets `pod` fit,
    /// or nil when removing them all is not enough.
    func victims(for pod: Pod, on position: Int, in snapshot: Snapshot, framework: Framework) -> [Pod]? {
        let priority = Self.priority(pod)
        let node = snapshot.nodes[position]
        let lower = node.pods.filter { Self.priority($0) < priority && $0.metadata.deletionTimestamp == nil }
        guard !lower.isEmpty else { return nil }
        var trial = snapshot
        for victim in lower { trial.nodes[position].remove(namespace: victim.metadata.namespace, name: victim.metadata.name) }
        guard fits(pod, on: position, in: trial, framework: framework) else { return nil }
        // Reprieve the most important pods first; whoever cannot come back is a victim.
        var victims: [Pod] = []
        for candidate in lower.sorted(by: { Self.priority($0) > Self.priority($1) }) {
            trial.nodes[position].add(candidate)
            if !fits(pod, on: position, in: trial, framework: framework) {
                trial.nodes[position].remove(namespace: candidate.metadata.namespace, name: candidate.metadata.name)
                victims.append(candidate)
            }
        }
        return victims
    }

    func fits(_ pod: Pod, on position: Int, in snapshot: Snapshot, framework: Framework) -> Bool {
        var state = CycleState()
        for plugin in framework.preFilters {
            let result = plugin.preFilter(pod, snapshot: snapshot, state: &state)
            guard result.status.isSuccess else { return false }
            if let names = result.nodeNames, !names.contains(snapshot.nodes[position].name) { return false }
        }
        return framework.firstRefusal(pod, node: snapshot.nodes[position], state: state) == nil
    }

    static func priority(_ pod: Pod) -> Int32 { pod.spec?.priority ?? 0 }
}
