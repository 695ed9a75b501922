import Client
import Foundation
import Logging
import Resources

/// Deletes the pods nothing else will: terminated pods past the threshold, pods on nodes
/// that are gone, and terminating pods that were never scheduled. One key stands for the
/// whole pass; the changes that can make a pod collectable queue it, and the queue folds a
/// burst of them into one pass.
struct PodGCReconciler: Reconciler {
    static let name = "podgc"
    static let passKey = ObjectKey(namespace: "", name: "pods")

    let client: any ClusterClient
    let pods: InformerCache<Pod>
    let nodes: InformerCache<Node>
    let threshold: Int
    let events: EventRecorder
    let clock: any ClusterClock

    static func controller(_ context: ControllerContext, terminatedPodThreshold: Int) -> Controller {
        let podInformer = context.informers.informer(Pod.self)
        let nodeInformer = context.informers.informer(Node.self)
        let queue = context.makeQueue()
        let reconciler = PodGCReconciler(client: context.client, pods: podInformer.cache, nodes: nodeInformer.cache,
                                         threshold: terminatedPodThreshold, events: context.events, clock: context.clock)
        podInformer.addHandler { [nodes = nodeInformer.cache] event in
            guard case let pod = event.object, !isDeleted(event) else { return }
            let node = pod.spec?.nodeName ?? ""
            let collectable = PodGCPlanner.isTerminated(pod) || (pod.isTerminating && node.isEmpty)
                || (!node.isEmpty && nodes.get(ObjectKey(namespace: "", name: node)) == nil)
            guard collectable else { return }
            Task { await queue.add(passKey) }
        }
        nodeInformer.addHandler { event in
            guard isDeleted(event) else { return }
            Task { await queue.add(passKey) }
        }
        Task { await queue.add(passKey) }
        return Controller(reconciler, queue: queue, workers: 1, logger: context.logger)
    }

    private static func isDeleted<R>(_ event: InformerEvent<R>) -> Bool {
        if case .deleted = event { return true }
        return false
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        let now = clock.now()
        let all = pods.list()
        for pod in PodGCPlanner.terminatedOverThreshold(all, threshold: threshold) {
            try await forceDelete(pod, reason: nil, now: now)
        }
        let known = Set(nodes.list().compactMap(\.metadata.name))
        var confirmedGone: [String: Bool] = [:]
        for pod in PodGCPlanner.orphaned(all, nodes: known) {
            let node = pod.spec?.nodeName ?? ""
            if confirmedGone[node] == nil { confirmedGone[node] = try await nodeIsGone(node) }
            guard confirmedGone[node] == true else { continue }
            try await forceDelete(pod, reason: "PodGC: node no longer exists", now: now)
        }
        for pod in PodGCPlanner.unscheduledTerminating(all) {
            try await forceDelete(pod, reason: nil, now: now)
        }
        return .done
    }

    /// Whether the API server, not just the cache, has no such node.
    private func nodeIsGone(_ name: String) async throws -> Bool {
        do {
            _ = try await client.get(Node.self, name: name)
            return false
        } catch {
            guard error.isNotFound else { throw error }
            return true
        }
    }

    /// Deletes `pod` at once, first recording why on it when `reason` is given.
    private func forceDelete(_ pod: Pod, reason: String?, now: Date) async throws {
        if let reason, pod.isActive {
            var marked = pod
            var status = marked.status ?? PodStatus()
            status.conditions.removeAll { $0.type == "DisruptionTarget" }
            status.conditions.append(PodGCPlanner.disruptionCondition(message: reason, now: now))
            status.phase = "Failed"
            marked.status = status
            do {
                _ = try await client.updateStatus(marked)
            } catch {
                guard error.isNotFound || error.isConflict else { throw error }
            }
        }
        do {
            _ = try await client.delete(Pod.self, name: pod.name, namespace: pod.metadata.namespace,
                                        options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: pod.metadata.uid))
            events.record(pod, reason: "PodGC", message: reason ?? "deleted by the pod garbage collector")
        } catch {
            guard error.isNotFound || error.isConflict else { throw error }
        }
    }
}
