import Client
import Resources
import Synchronization

/// What a controller last wrote, per object, until its informer cache catches up: a cached
/// copy whose resourceVersion this controller has already superseded is stale, and the
/// reconciler works from what it wrote instead, so that it never acts twice on a status it
/// has already moved on from. resourceVersions are compared only for equality.
final class WrittenObjects<R: APIResource>: Sendable {
    private struct Entry {
        var superseded: Set<String>
        var latest: R
    }

    private let state = Mutex<[ObjectKey: Entry]>([:])

    /// The freshest copy of `cached`: what was written over it, or `cached` itself once the
    /// cache has caught up or someone else has written since.
    func current(_ cached: R) -> R {
        let key = ObjectKey(cached)
        let version = cached.metadata.resourceVersion ?? ""
        return state.withLock { state in
            guard let entry = state[key] else { return cached }
            if entry.superseded.contains(version) { return entry.latest }
            state[key] = nil
            return cached
        }
    }

    /// Records that `written` replaced the object at `previous`.
    func wrote(_ written: R, over previous: R) {
        let key = ObjectKey(written)
        state.withLock { state in
            var superseded = state[key]?.superseded ?? []
            if let version = previous.metadata.resourceVersion { superseded.insert(version) }
            state[key] = Entry(superseded: superseded, latest: written)
        }
    }

    func forget(_ key: ObjectKey) {
        state.withLock { _ = $0.removeValue(forKey: key) }
    }
}
