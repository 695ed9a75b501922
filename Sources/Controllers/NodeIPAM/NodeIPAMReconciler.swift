import Client
import Foundation
import Logging
import Resources
import Synchronization

/// Gives every node a pod range (`spec.podCIDR` and `spec.podCIDRs`) from the cluster's pod
/// CIDR, as kube-controller-manager's node IPAM does with `--allocate-node-cidrs`: the lowest
/// free block, never one another node holds. Ranges come back to the pool when their node
/// is deleted. A full pool leaves the node without one, with a `CIDRNotAvailable` event,
/// until a node goes.
struct NodeIPAMReconciler: Reconciler {
    static let name = "nodeipam"

    let client: any ClusterClient
    let nodes: InformerCache<Node>
    let events: EventRecorder
    let pool: PodCIDRPool
    let allocations: Allocations

    /// The blocks held: by nodes as the informer shows them, and by allocations written but
    /// not yet seen.
    final class Allocations: Sendable {
        private struct State {
            var holders: [Int: String] = [:]
            var byNode: [String: Int] = [:]
        }
        private let state = Mutex(State())

        /// `node` holds `index` (nil: holds none).
        func record(_ node: String, _ index: Int?) {
            state.withLock { state in
                if let old = state.byNode.removeValue(forKey: node), state.holders[old] == node { state.holders[old] = nil }
                if let index {
                    state.holders[index] = node
                    state.byNode[node] = index
                }
            }
        }

        /// Takes the lowest free block for `node`.
        func take(for node: String, in pool: PodCIDRPool) -> Int? {
            state.withLock { state in
                if let held = state.byNode[node] { return held }
                guard let index = pool.firstFree(excluding: Set(state.holders.keys)) else { return nil }
                state.holders[index] = node
                state.byNode[node] = index
                return index
            }
        }
    }

    static func controller(_ context: ControllerContext, clusterCIDR: String, maskSize: Int) -> Controller? {
        guard let pool = PodCIDRPool(clusterCIDR: clusterCIDR, maskSize: maskSize) else {
            context.logger.error("node IPAM is off: the cluster CIDR is not an IPv4 network with room for the node mask",
                                 metadata: ["clusterCIDR": "\(clusterCIDR)", "nodeMaskSize": "\(maskSize)"])
            return nil
        }
        let informer = context.informers.informer(Node.self)
        let queue = context.makeQueue()
        let allocations = Allocations()
        let reconciler = NodeIPAMReconciler(client: context.client, nodes: informer.cache, events: context.events,
                                            pool: pool, allocations: allocations)
        informer.addHandler { event in
            let name = event.object.metadata.name ?? ""
            switch event {
            case .added(let node), .updated(_, let node):
                let cidr = node.spec?.podCIDR ?? ""
                if !cidr.isEmpty {
                    allocations.record(name, pool.index(of: cidr))
                } else if case .added = event {
                    // Only a new node asks: a node's heartbeats must not repeat a refusal. A node
                    // that was refused asks again when a range is freed (below).
                    Task { await queue.add(ObjectKey(namespace: "", name: name)) }
                }
            case .deleted:
                allocations.record(name, nil)
                // A freed block may be what a waiting node needs.
                let waiting = informer.cache.list().filter { ($0.spec?.podCIDR ?? "").isEmpty }
                Task { for node in waiting { await queue.add(ObjectKey(namespace: "", name: node.metadata.name ?? "")) } }
            }
        }
        return Controller(reconciler, queue: queue, workers: 1, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let node = nodes.get(key), (node.spec?.podCIDR ?? "").isEmpty, node.metadata.deletionTimestamp == nil else {
            return .done
        }
        guard let index = allocations.take(for: key.name, in: pool) else {
            events.record(node, type: "Warning", reason: "CIDRNotAvailable",
                          message: "Node \(key.name) status is now: CIDRNotAvailable")
            return .done
        }
        let cidr = pool.cidr(index)
        do {
            _ = try await client.patch(Node.self, name: key.name, .merge(["spec": ["podCIDR": .string(cidr), "podCIDRs": [.string(cidr)]]]))
        } catch {
            allocations.record(key.name, nil)
            if error.isNotFound { return .done }
            throw error
        }
        return .done
    }
}
