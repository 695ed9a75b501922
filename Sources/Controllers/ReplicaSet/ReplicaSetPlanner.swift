import Foundation
import Resources

/// The ReplicaSet decisions, with Kubernetes' semantics (pure; `now` is an input):
/// - how many to create or delete to reach `replicas`, counting only active pods;
/// - which pods go first on scale-down: unscheduled before scheduled, Pending before Unknown
///   before Running, not ready before ready, more pods of the set on the same node first,
///   ready for less time first, more restarts first, and the youngest first;
/// - the status counters.
enum ReplicaSetPlanner {
    /// Positive: pods to create; negative: pods to delete.
    static func replicaDelta(desired: Int32, owned: [Pod]) -> Int {
        Int(desired) - owned.filter(\.isActive).count
    }

    /// The `count` active pods to delete first, by upstream's ranking.
    static func podsToDelete(_ pods: [Pod], count: Int, now: Date) -> [Pod] {
        let active = pods.filter(\.isActive)
        guard count > 0 else { return [] }
        guard count < active.count else { return active }
        var perNode: [String: Int] = [:]
        for pod in active { if let node = pod.spec?.nodeName, !node.isEmpty { perNode[node, default: 0] += 1 } }
        let ranked = active.sorted { a, b in
            deletesBefore(a, b, rankA: perNode[a.spec?.nodeName ?? ""] ?? 0, rankB: perNode[b.spec?.nodeName ?? ""] ?? 0, now: now)
        }
        return Array(ranked.prefix(count))
    }

    /// Whether `a` should be deleted before `b` (controller.ActivePodsWithRanks.Less).
    static func deletesBefore(_ a: Pod, _ b: Pod, rankA: Int, rankB: Int, now: Date) -> Bool {
        let nodeA = a.spec?.nodeName ?? "", nodeB = b.spec?.nodeName ?? ""
        if nodeA.isEmpty != nodeB.isEmpty { return nodeA.isEmpty }
        let phaseA = phaseRank(a), phaseB = phaseRank(b)
        if phaseA != phaseB { return phaseA < phaseB }
        if a.isReady != b.isReady { return !a.isReady }
        if rankA != rankB { return rankA > rankB }
        if a.isReady, b.isReady {
            let sinceA = a.readyCondition?.lastTransitionTime?.date ?? now
            let sinceB = b.readyCondition?.lastTransitionTime?.date ?? now
            if sinceA != sinceB { return sinceA > sinceB }
        }
        if a.restartCount != b.restartCount { return a.restartCount > b.restartCount }
        let createdA = a.metadata.creationTimestamp?.date ?? now
        let createdB = b.metadata.creationTimestamp?.date ?? now
        if createdA != createdB { return createdA > createdB }
        return a.name > b.name
    }

    private static func phaseRank(_ pod: Pod) -> Int {
        switch pod.status?.phase {
        case "Pending", nil: 0
        case "Unknown": 1
        default: 2
        }
    }

    /// The status the set should report for `owned` pods, keeping its conditions.
    static func status(of set: ReplicaSet, owned: [Pod], now: Date) -> ReplicaSetStatus {
        var status = set.status ?? ReplicaSetStatus()
        let minReady = set.spec?.minReadySeconds ?? 0
        let active = owned.filter(\.isActive)
        let templateLabels = set.spec?.template?.metadata.labels ?? [:]
        status.replicas = Int32(active.count)
        status.fullyLabeledReplicas = Int32(active.filter { pod in
            let labels = pod.metadata.labels ?? [:]
            return templateLabels.allSatisfy { labels[$0.key] == $0.value }
        }.count)
        status.readyReplicas = Int32(active.filter(\.isReady).count)
        status.availableReplicas = Int32(active.filter { $0.isAvailable(minReadySeconds: minReady, now: now) }.count)
        status.observedGeneration = set.metadata.generation
        return status
    }

    /// When the next ready pod becomes available, for a requeue.
    static func nextAvailability(of set: ReplicaSet, owned: [Pod], now: Date) -> Date? {
        let minReady = set.spec?.minReadySeconds ?? 0
        return owned.filter(\.isActive).compactMap { $0.availableAt(minReadySeconds: minReady, now: now) }.min()
    }

    /// Sets or clears the `ReplicaFailure` condition.
    static func withReplicaFailure(_ status: ReplicaSetStatus, failure: (reason: String, message: String)?, now: Date) -> ReplicaSetStatus {
        var status = status
        if let failure {
            var condition = status.conditions.first { $0.type == "ReplicaFailure" } ?? ReplicaSetCondition(type: "ReplicaFailure")
            if condition.status != "True" { condition.lastTransitionTime = Time(now) }
            condition.status = "True"
            condition.reason = failure.reason
            condition.message = failure.message
            status.conditions.removeAll { $0.type == "ReplicaFailure" }
            status.conditions.append(condition)
        } else {
            status.conditions.removeAll { $0.type == "ReplicaFailure" }
        }
        return status
    }
}
