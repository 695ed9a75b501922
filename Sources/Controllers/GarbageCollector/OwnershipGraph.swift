import Client
import Resources

/// The garbage collector's view of the cluster: every object that owns or is owned, by uid,
/// with its owner references and whether it is being deleted. Pure: fed by informer events,
/// asked what to do about one object. Owners that are not in the graph are "absent" — the
/// shell confirms an absence with the API server before acting on it, since the graph lags.
struct OwnershipGraph: Sendable {
    /// One object as the collector sees it.
    struct Node: Sendable, Hashable {
        var type: ResourceType
        var namespace: String?
        var name: String
        var uid: String
        var owners: [OwnerReference]
        var deleting: Bool
        var finalizers: [String]

        var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }
    }

    private(set) var nodes: [String: Node] = [:]
    /// Owner uid → uids of the objects that name it, whether or not the owner is present.
    private(set) var dependents: [String: Set<String>] = [:]

    /// Records `node` (added or changed) and returns the uids to look at again: the node, its
    /// owners old and new (a dependent changed), and its dependents when it is being deleted.
    @discardableResult
    mutating func upsert(_ node: Node) -> Set<String> {
        var affected: Set<String> = [node.uid]
        if let old = nodes[node.uid] {
            for owner in old.owners {
                dependents[owner.uid]?.remove(node.uid)
                if dependents[owner.uid]?.isEmpty == true { dependents[owner.uid] = nil }
                affected.insert(owner.uid)
            }
        }
        nodes[node.uid] = node
        for owner in node.owners {
            dependents[owner.uid, default: []].insert(node.uid)
            affected.insert(owner.uid)
        }
        if node.deleting { affected.formUnion(dependents[node.uid] ?? []) }
        return affected.filter { nodes[$0] != nil }
    }

    /// Forgets a removed object and returns the uids to look at again: its owners (a blocking
    /// dependent may have been the last) and its dependents (now perhaps dangling).
    @discardableResult
    mutating func remove(uid: String) -> Set<String> {
        guard let old = nodes.removeValue(forKey: uid) else { return [] }
        var affected: Set<String> = []
        for owner in old.owners {
            dependents[owner.uid]?.remove(uid)
            if dependents[owner.uid]?.isEmpty == true { dependents[owner.uid] = nil }
            affected.insert(owner.uid)
        }
        affected.formUnion(dependents[uid] ?? [])
        return affected.filter { nodes[$0] != nil }
    }

    /// The present dependents of `uid`.
    func dependentNodes(of uid: String) -> [Node] {
        (dependents[uid] ?? []).compactMap { nodes[$0] }.sorted { $0.uid < $1.uid }
    }
}
