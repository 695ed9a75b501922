import Client
import Resources

extension InformerEvent {
    /// The keys of the `kind` controllers that own the object before and after this change
    /// (both, when its controller reference changed).
    func controllerKeys(ownerKind kind: String) -> Set<ObjectKey> {
        var keys: Set<ObjectKey> = []
        func add(_ object: R) {
            if let owner = object.metadata.controllerReference, owner.kind == kind {
                keys.insert(ObjectKey(namespace: object.metadata.namespace, name: owner.name))
            }
        }
        switch self {
        case .added(let object), .deleted(let object): add(object)
        case .updated(let old, let new):
            add(old)
            add(new)
        }
        return keys
    }

    /// Whether the object has no controller (after the change): a candidate for adoption.
    var isOrphan: Bool { object.metadata.controllerReference == nil }
}

extension WorkQueue where Item == ObjectKey {
    /// Queues the key of `object`.
    func add(_ object: some APIResource) { add(ObjectKey(object)) }
}
