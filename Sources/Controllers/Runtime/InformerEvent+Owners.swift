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

    /// The keys of the `kind` controllers this change concerns: those that own the object, and
    /// for an orphan, every one in its namespace whose selector matches it (it may adopt it).
    func controllerKeys<Owner: APIResource>(ownerKind kind: String, candidates owners: InformerCache<Owner>,
                                            selector: (Owner) -> LabelSelector?) -> Set<ObjectKey> {
        var keys = controllerKeys(ownerKind: kind)
        guard isOrphan else { return keys }
        let labels = object.metadata.labels ?? [:]
        for owner in owners.list(namespace: object.metadata.namespace ?? "") {
            if let matcher = try? Selector(selector(owner)), !matcher.isEmpty, matcher.matches(labels) {
                keys.insert(ObjectKey(owner))
            }
        }
        return keys
    }
}

extension WorkQueue where Item == ObjectKey {
    /// Queues the key of `object`.
    func add(_ object: some APIResource) { add(ObjectKey(object)) }
}
