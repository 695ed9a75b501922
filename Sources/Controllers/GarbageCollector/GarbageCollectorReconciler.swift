import Client
import Foundation
import Logging
import Resources
import Synchronization

/// The garbage collector's shell: keeps the ownership graph current from the shared
/// informers of every kind that owns or is owned, and carries out what the planner decides
/// for one object. Keys are object uids (`ObjectKey(namespace: "", name: uid)`), since the
/// graph spans kinds. Before deleting an object whose owners look absent, it asks the API
/// server, because the graph lags: an owner that is only late to appear keeps its dependents.
struct GarbageCollectorReconciler: Reconciler {
    static let name = "garbagecollector"

    /// The kinds the collector follows: everything built in that controllers own or that
    /// users give owner references to. Events are left out: they churn and own nothing.
    static let trackedTypes: [any APIResource.Type] = [
        Pod.self, ReplicaSet.self, Deployment.self, StatefulSet.self, DaemonSet.self, ControllerRevision.self,
        Job.self, CronJob.self, Service.self, Endpoints.self, EndpointSlice.self, ConfigMap.self, Secret.self,
        ServiceAccount.self, PersistentVolumeClaim.self, PersistentVolume.self, Lease.self, Node.self, Namespace.self,
    ]

    let client: any ClusterClient
    let graph: SharedGraph
    let typesByKind: [String: ResourceType]
    let logger: Logger

    static func controller(_ context: ControllerContext, workers: Int = 2) -> Controller {
        let queue = context.makeQueue()
        let graph = SharedGraph()
        var typesByKind: [String: ResourceType] = [:]
        for type in trackedTypes {
            typesByKind[Self.kindKey(apiVersion: type.resourceType.apiVersion, kind: type.resourceType.kind)] = type.resourceType
            track(type, informers: context.informers, graph: graph, queue: queue)
        }
        let reconciler = GarbageCollectorReconciler(client: context.client, graph: graph, typesByKind: typesByKind, logger: context.logger)
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    /// Feeds one kind's informer events into the graph and queues the uids they affect.
    private static func track<R: APIResource>(_ type: R.Type, informers: InformerFactory, graph: SharedGraph,
                                               queue: WorkQueue<ObjectKey>) {
        informers.informer(type).addHandler { event in
            let object = event.object
            guard let uid = object.metadata.uid else { return }
            let affected: Set<String> = graph.state.withLock { graph in
                if case .deleted = event { return graph.remove(uid: uid) }
                return graph.upsert(OwnershipGraph.Node(
                    type: R.resourceType, namespace: object.metadata.namespace, name: object.name, uid: uid,
                    owners: object.metadata.ownerReferences ?? [], deleting: object.metadata.deletionTimestamp != nil,
                    finalizers: object.metadata.finalizers ?? []))
            }
            guard !affected.isEmpty else { return }
            Task { for uid in affected { await queue.add(ObjectKey(namespace: "", name: uid)) } }
        }
    }

    static func kindKey(apiVersion: String, kind: String) -> String { "\(apiVersion)/\(kind)" }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        let actions = graph.state.withLock { GarbageCollectionPlanner.actions(for: key.name, in: $0) }
        var again = false
        for action in actions {
            switch action {
            case .delete(let node, let propagation, let absentOwners):
                guard try await allAbsent(absentOwners, namespace: node.namespace) else {
                    again = true
                    continue
                }
                logger.debug("collecting", metadata: ["object": "\(node.type.kind) \(node.key)", "propagation": "\(propagation.rawValue)"])
                do {
                    _ = try await client.delete(node.type, name: node.name, namespace: node.namespace,
                                                options: DeleteOptions(propagationPolicy: propagation, preconditionUID: node.uid))
                } catch {
                    guard error.isNotFound || error.isConflict else { throw error }
                }
            case .removeOwnerReferences(let node, let uids):
                let patch: JSONValue = .object(["metadata": .object([
                    "ownerReferences": .array(uids.map { .object(["$patch": .string("delete"), "uid": .string($0)]) }),
                    "uid": .string(node.uid),
                ])])
                do {
                    _ = try await client.patch(node.type, name: node.name, namespace: node.namespace, .strategic(patch))
                } catch {
                    guard error.isNotFound || error.code == 422 else { throw error }
                }
            case .removeFinalizer(let node, let finalizer):
                try await removeFinalizer(finalizer, from: node)
            }
        }
        return again ? .requeueAfter(.seconds(1)) : .done
    }

    /// Whether none of `owners` exists on the server with the referenced uid.
    private func allAbsent(_ owners: [OwnerReference], namespace: String?) async throws -> Bool {
        for owner in owners {
            guard let type = typesByKind[Self.kindKey(apiVersion: owner.apiVersion, kind: owner.kind)] else {
                // An owner of a kind the collector cannot read is never taken to be gone.
                return false
            }
            do {
                let live = try await client.get(type, name: owner.name, namespace: type.namespaced ? namespace : nil)
                if live["metadata"]?["uid"]?.stringValue == owner.uid { return false }
            } catch {
                guard error.isNotFound else { throw error }
            }
        }
        return true
    }

    /// Drops `finalizer` with a read-modify-write guarded by the object's resourceVersion.
    private func removeFinalizer(_ finalizer: String, from node: OwnershipGraph.Node) async throws {
        let read: JSONValue?
        do {
            read = try await client.get(node.type, name: node.name, namespace: node.namespace)
        } catch {
            guard error.isNotFound else { throw error }
            read = nil
        }
        guard var object = read else { return }
        guard object["metadata"]?["uid"]?.stringValue == node.uid else { return }
        let finalizers = object["metadata"]?["finalizers"]?.arrayValue ?? []
        let remaining = finalizers.filter { $0.stringValue != finalizer }
        guard remaining.count != finalizers.count else { return }
        object["metadata"]?["finalizers"] = .array(remaining)
        do {
            _ = try await client.update(node.type, object)
        } catch {
            guard error.isNotFound else { throw error }
        }
    }
}

/// The graph, shared by every kind's informer handler and the workers.
final class SharedGraph: Sendable {
    let state = Mutex(OwnershipGraph())
}
