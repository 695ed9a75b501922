import Client
import Resources

/// What the garbage collector does about one object, with Kubernetes' semantics:
/// - an owner deleted with `orphan` releases its dependents, then drops the finalizer;
/// - an owner deleted with `foregroundDeletion` deletes its dependents (in the foreground
///   too) and drops the finalizer once no dependent with `blockOwnerDeletion` remains;
/// - an object whose owners are all gone is deleted (background); one whose owners are gone
///   or foreground-deleting while another owner remains loses those references; one whose
///   only remaining owners are foreground-deleting is deleted in the foreground.
enum GarbageCollectionPlanner {
    static let orphanFinalizer = "orphan"
    static let foregroundFinalizer = "foregroundDeletion"

    static func actions(for uid: String, in graph: OwnershipGraph) -> [GarbageCollectionAction] {
        guard let node = graph.nodes[uid] else { return [] }
        if node.deleting {
            if node.finalizers.contains(orphanFinalizer) { return orphan(node, graph) }
            if node.finalizers.contains(foregroundFinalizer) { return deleteDependents(node, graph) }
            return []
        }
        return checkOwners(node, graph)
    }

    private static func orphan(_ node: OwnershipGraph.Node, _ graph: OwnershipGraph) -> [GarbageCollectionAction] {
        graph.dependentNodes(of: node.uid).map { .removeOwnerReferences($0, uids: [node.uid]) }
            + [.removeFinalizer(node, finalizer: orphanFinalizer)]
    }

    private static func deleteDependents(_ node: OwnershipGraph.Node, _ graph: OwnershipGraph) -> [GarbageCollectionAction] {
        let dependents = graph.dependentNodes(of: node.uid)
        var actions: [GarbageCollectionAction] = dependents.filter { !$0.deleting }.map {
            .delete($0, propagation: .foreground, absentOwners: [])
        }
        let blocking = dependents.filter { dependent in
            dependent.owners.contains { $0.uid == node.uid && $0.blockOwnerDeletion == true }
        }
        if blocking.isEmpty { actions.append(.removeFinalizer(node, finalizer: foregroundFinalizer)) }
        return actions
    }

    private static func checkOwners(_ node: OwnershipGraph.Node, _ graph: OwnershipGraph) -> [GarbageCollectionAction] {
        guard !node.owners.isEmpty else { return [] }
        var solid: [OwnerReference] = []
        var absent: [OwnerReference] = []
        var waiting: [OwnerReference] = []
        for owner in node.owners {
            guard let present = graph.nodes[owner.uid] else {
                absent.append(owner)
                continue
            }
            if present.deleting, present.finalizers.contains(foregroundFinalizer) {
                waiting.append(owner)
            } else {
                solid.append(owner)
            }
        }
        if !solid.isEmpty {
            let stale = absent.map(\.uid) + waiting.filter { $0.blockOwnerDeletion == true }.map(\.uid)
            return stale.isEmpty ? [] : [.removeOwnerReferences(node, uids: stale)]
        }
        if !waiting.isEmpty {
            // The owner waits for its dependents: delete this one in the foreground so that its
            // own dependents go first.
            let hasDependents = !graph.dependentNodes(of: node.uid).isEmpty
            return [.delete(node, propagation: hasDependents ? .foreground : .background, absentOwners: absent)]
        }
        return [.delete(node, propagation: .background, absentOwners: absent)]
    }
}
