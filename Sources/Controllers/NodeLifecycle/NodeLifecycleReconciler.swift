import Client
import Foundation
import Logging
import Resources

/// Watches node heartbeats: a node whose Lease (or Ready condition) has not been renewed
/// within the grace period has its conditions set to Unknown; the Ready condition is kept in
/// step with the `not-ready` and `unreachable` taints; and the running pods on a node with
/// NoExecute taints are evicted — at once without a matching toleration, or when the shortest
/// `tolerationSeconds` runs out. It looks again when the heartbeat would go stale.
struct NodeLifecycleReconciler: Reconciler {
    static let name = "nodelifecycle"
    static let leaseNamespace = "kube-node-lease"

    let client: any ClusterClient
    let nodes: InformerCache<Node>
    let leases: InformerCache<Lease>
    let pods: InformerCache<Pod>
    let events: EventRecorder
    let clock: any ClusterClock
    let gracePeriod: Duration

    static func controller(_ context: ControllerContext, gracePeriod: Duration, workers: Int = 2) -> Controller {
        let nodeInformer = context.informers.informer(Node.self)
        let leaseInformer = context.informers.informer(Lease.self)
        let podInformer = context.informers.informer(Pod.self)
        let queue = context.makeQueue()
        let reconciler = NodeLifecycleReconciler(client: context.client, nodes: nodeInformer.cache, leases: leaseInformer.cache,
                                                 pods: podInformer.cache, events: context.events, clock: context.clock,
                                                 gracePeriod: gracePeriod)
        nodeInformer.addHandler { event in Task { await queue.add(event.object) } }
        leaseInformer.addHandler { event in
            guard event.object.metadata.namespace == leaseNamespace else { return }
            let key = ObjectKey(namespace: "", name: event.object.name)
            Task { await queue.add(key) }
        }
        podInformer.addHandler { event in
            guard case .added(let pod) = event, let node = pod.spec?.nodeName, !node.isEmpty else { return }
            Task { await queue.add(ObjectKey(namespace: "", name: node)) }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard var node = nodes.get(key) else { return .done }
        let now = clock.now()
        let lease = leases.get(ObjectKey(namespace: Self.leaseNamespace, name: key.name))
        if let updated = NodeLifecyclePlanner.updatedNode(node, lease: lease, now: now, gracePeriod: gracePeriod) {
            node = try await write(updated, over: node)
        }

        var recheck: Date?
        if let heartbeat = NodeLifecyclePlanner.lastHeartbeat(node, lease: lease)?.date {
            let stale = heartbeat.addingTimeInterval(gracePeriod.seconds)
            if stale > now { recheck = stale.addingTimeInterval(0.001) }
        }
        let taints = node.spec?.taints ?? []
        for pod in pods.byIndex(Indexes.nodeName, key.name) where pod.isActive {
            switch NodeLifecyclePlanner.eviction(of: pod, taints: taints, now: now) {
            case .never:
                continue
            case .at(let date):
                recheck = min(recheck ?? date, date)
            case .now:
                try await evict(pod, from: node)
            }
        }
        guard let recheck else { return .done }
        return .requeueAfter(.seconds(max(0.001, recheck.timeIntervalSince(now))))
    }

    /// Stores the planned node: its conditions through `/status`, its taints through the
    /// object itself.
    private func write(_ updated: Node, over node: Node) async throws -> Node {
        var current = node
        if updated.status != node.status {
            var withStatus = node
            withStatus.status = updated.status
            current = try await client.updateStatus(withStatus)
            let ready = updated.status?.conditions.first { $0.type == "Ready" }
            if ready?.status == "Unknown", node.status?.conditions.first(where: { $0.type == "Ready" })?.status != "Unknown" {
                events.record(node, reason: "NodeNotReady", message: "Node \(node.name) status is now: NodeNotReady")
            }
        }
        if updated.spec != current.spec {
            var withTaints = current
            withTaints.spec = updated.spec
            current = try await client.update(withTaints)
        }
        return current
    }

    private func evict(_ pod: Pod, from node: Node) async throws {
        do {
            _ = try await client.delete(Pod.self, name: pod.name, namespace: pod.metadata.namespace,
                                        options: DeleteOptions(preconditionUID: pod.metadata.uid))
            events.record(pod, reason: "TaintManagerEviction", message: "Marking for deletion Pod \(pod.metadata.namespace ?? "")/\(pod.name)")
        } catch {
            guard error.isNotFound || error.isConflict else { throw error }
        }
    }
}
