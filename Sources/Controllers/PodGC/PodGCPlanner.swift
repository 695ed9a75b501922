import Foundation
import Resources

/// What the pod garbage collector deletes, as upstream's PodGC decides (pure):
/// - terminated (Succeeded or Failed) pods past `threshold`, the oldest first;
/// - pods bound to a node that does not exist (the shell confirms the node is gone with the
///   API server before it acts, so that a lagging cache never costs a pod);
/// - unscheduled pods that are terminating, which no node agent will ever finish.
enum PodGCPlanner {
    static func isTerminated(_ pod: Pod) -> Bool {
        pod.status?.phase == "Succeeded" || pod.status?.phase == "Failed"
    }

    /// The terminated pods beyond `threshold`, oldest first; none when `threshold` is 0
    /// (upstream's "disabled").
    static func terminatedOverThreshold(_ pods: [Pod], threshold: Int) -> [Pod] {
        guard threshold > 0 else { return [] }
        let terminated = pods.filter { isTerminated($0) && !$0.isTerminating }
        guard terminated.count > threshold else { return [] }
        let oldestFirst = terminated.sorted { a, b in
            let createdA = a.metadata.creationTimestamp?.date ?? .distantPast
            let createdB = b.metadata.creationTimestamp?.date ?? .distantPast
            return createdA != createdB ? createdA < createdB : (a.metadata.namespace ?? "", a.name) < (b.metadata.namespace ?? "", b.name)
        }
        return Array(oldestFirst.prefix(terminated.count - threshold))
    }

    /// The pods bound to a node not among `nodes`, with the missing node names.
    static func orphaned(_ pods: [Pod], nodes: Set<String>) -> [Pod] {
        pods.filter { pod in
            guard let node = pod.spec?.nodeName, !node.isEmpty else { return false }
            return !nodes.contains(node)
        }
    }

    /// Terminating pods that were never scheduled.
    static func unscheduledTerminating(_ pods: [Pod]) -> [Pod] {
        pods.filter { $0.isTerminating && ($0.spec?.nodeName ?? "").isEmpty }
    }

    /// The condition recorded on a pod the collector deletes, as upstream's DisruptionTarget.
    static func disruptionCondition(message: String, now: Date) -> PodCondition {
        PodCondition(type: "DisruptionTarget", status: "True", lastTransitionTime: Time(now),
                     reason: "DeletionByPodGC", message: message)
    }
}
