import Resources
import Synchronization

/// The local copy of one kind's objects that an `Informer` keeps, with named indexes (by
/// namespace, owner uid, node name, label value…). Thread-safe: listers read it from any task
/// while the informer writes. Reads return values, never references into the cache.
public final class InformerCache<R: APIResource>: Sendable {
    /// Computes the index values of an object, e.g. its owners' uids.
    public typealias IndexFunction = @Sendable (R) -> [String]

    private struct State {
        var objects: [ObjectKey: R] = [:]
        /// index name → value → keys.
        var indexes: [String: [String: Set<ObjectKey>]] = [:]
        var resourceVersion = ""
    }

    private let indexers: [String: IndexFunction]
    private let state: Mutex<State>

    public init(indexers: [String: IndexFunction] = [:]) {
        var all = indexers
        all[Indexes.namespace] = { [$0.metadata.namespace ?? ""] }
        self.indexers = all
        state = Mutex(State())
    }

    public func get(_ key: ObjectKey) -> R? {
        state.withLock { $0.objects[key] }
    }

    /// The objects in `namespace` (all, when nil) whose labels match `selector`, by key order.
    public func list(namespace: String? = nil, selector: Selector? = nil) -> [R] {
        state.withLock { state in
            let keys: [ObjectKey] = if let namespace {
                Array(state.indexes[Indexes.namespace]?[namespace] ?? [])
            } else {
                Array(state.objects.keys)
            }
            return keys.sorted().compactMap { key in
                guard let object = state.objects[key] else { return nil }
                if let selector, !selector.matches(object.metadata.labels ?? [:]) { return nil }
                return object
            }
        }
    }

    /// The objects whose `index` holds `value`, by key order.
    public func byIndex(_ index: String, _ value: String) -> [R] {
        state.withLock { state in
            (state.indexes[index]?[value] ?? []).sorted().compactMap { state.objects[$0] }
        }
    }

    public var count: Int { state.withLock { $0.objects.count } }

    /// The resourceVersion of the last list or event applied.
    public var resourceVersion: String { state.withLock { $0.resourceVersion } }

    /// Stores `object`, returning the value it replaced.
    @discardableResult
    func upsert(_ object: R, resourceVersion: String?) -> R? {
        let key = ObjectKey(object)
        return state.withLock { state in
            let old = state.objects[key]
            if let old { Self.unindex(old, key: key, in: &state, indexers: indexers) }
            state.objects[key] = object
            Self.index(object, key: key, in: &state, indexers: indexers)
            if let resourceVersion { state.resourceVersion = resourceVersion }
            return old
        }
    }

    /// Removes the object at `key`, returning it.
    @discardableResult
    func remove(_ key: ObjectKey, resourceVersion: String?) -> R? {
        state.withLock { state in
            if let resourceVersion { state.resourceVersion = resourceVersion }
            guard let old = state.objects.removeValue(forKey: key) else { return nil }
            Self.unindex(old, key: key, in: &state, indexers: indexers)
            return old
        }
    }

    /// Replaces the whole content with a fresh list; returns what changed, as events.
    func replace(with objects: [R], resourceVersion: String) -> [InformerEvent<R>] {
        state.withLock { state in
            var fresh = State()
            fresh.resourceVersion = resourceVersion
            var events: [InformerEvent<R>] = []
            for object in objects {
                let key = ObjectKey(object)
                fresh.objects[key] = object
                Self.index(object, key: key, in: &fresh, indexers: indexers)
                if let old = state.objects[key] {
                    if old.metadata.resourceVersion != object.metadata.resourceVersion { events.append(.updated(old: old, new: object)) }
                } else {
                    events.append(.added(object))
                }
            }
            for (key, old) in state.objects where fresh.objects[key] == nil { events.append(.deleted(old)) }
            state = fresh
            return events
        }
    }

    func setResourceVersion(_ resourceVersion: String) {
        state.withLock { $0.resourceVersion = resourceVersion }
    }

    private static func index(_ object: R, key: ObjectKey, in state: inout State, indexers: [String: IndexFunction]) {
        for (name, function) in indexers {
            for value in function(object) { state.indexes[name, default: [:]][value, default: []].insert(key) }
        }
    }

    private static func unindex(_ object: R, key: ObjectKey, in state: inout State, indexers: [String: IndexFunction]) {
        for (name, function) in indexers {
            for value in function(object) {
                state.indexes[name]?[value]?.remove(key)
                if state.indexes[name]?[value]?.isEmpty == true { state.indexes[name]?[value] = nil }
            }
        }
    }
}

/// The names of the standard indexes and their functions.
public enum Indexes {
    /// Every cache has it: the object's namespace ("" for cluster-scoped objects).
    public static let namespace = "namespace"
    /// The uids of the object's owners.
    public static let ownerUID = "ownerUID"
    /// A pod's `spec.nodeName`.
    public static let nodeName = "nodeName"

    public static func ownerUIDs<R: APIResource>(_ object: R) -> [String] {
        (object.metadata.ownerReferences ?? []).map(\.uid)
    }

    public static func podNodeName(_ pod: Pod) -> [String] {
        guard let node = pod.spec?.nodeName, !node.isEmpty else { return [] }
        return [node]
    }

    /// An index on one label's value, named `label:KEY`.
    public static func label(_ key: String) -> String { "label:\(key)" }
}

/// A change an informer saw, delivered to its handlers in order.
public enum InformerEvent<R: APIResource>: Sendable {
    case added(R)
    case updated(old: R, new: R)
    case deleted(R)

    /// The object as it now stands (for a deletion, its last state).
    public var object: R {
        switch self {
        case .added(let object), .updated(_, let object), .deleted(let object): object
        }
    }
}
