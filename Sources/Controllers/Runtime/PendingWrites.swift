import Client
import Foundation
import Resources
import Synchronization

/// The creations and deletions a controller has made for each owner and not yet seen in its
/// informer cache (client-go's "expectations"). Until the cache has caught up, a reconcile
/// must not count pods again, or it would create or delete twice. Checking asks the cache
/// itself, so a missed event never wedges an owner; a write not seen within `timeout` is
/// given up on.
final class PendingWrites: Sendable {
    private struct Pending {
        var creations: Set<ObjectKey> = []
        var deletions: Set<ObjectKey> = []
        var since: Date
    }

    private let state = Mutex<[ObjectKey: Pending]>([:])
    private let timeout: TimeInterval

    init(timeout: Duration = .seconds(300)) {
        self.timeout = timeout.seconds
    }

    func created(_ object: ObjectKey, by owner: ObjectKey, now: Date) {
        state.withLock { $0[owner, default: Pending(since: now)].creations.insert(object) }
    }

    func deleted(_ object: ObjectKey, by owner: ObjectKey, now: Date) {
        state.withLock { $0[owner, default: Pending(since: now)].deletions.insert(object) }
    }

    /// Whether the cache reflects every write made for `owner`: each created object is
    /// present (`isPresent`), and each deleted one absent or terminating (`isGoneOrGoing`).
    func satisfied(for owner: ObjectKey, now: Date, isPresent: (ObjectKey) -> Bool, isGoneOrGoing: (ObjectKey) -> Bool) -> Bool {
        state.withLock { state in
            guard var pending = state[owner] else { return true }
            pending.creations = pending.creations.filter { !isPresent($0) }
            pending.deletions = pending.deletions.filter { !isGoneOrGoing($0) }
            if (pending.creations.isEmpty && pending.deletions.isEmpty) || now.timeIntervalSince(pending.since) > timeout {
                state[owner] = nil
                return true
            }
            state[owner] = pending
            return false
        }
    }

    /// `satisfied` for pods, judged by the pod cache: created pods present, deleted ones gone
    /// or terminating.
    func satisfied(for owner: ObjectKey, now: Date, pods: InformerCache<Pod>) -> Bool {
        satisfied(for: owner, now: now, isPresent: { pods.get($0) != nil }, isGoneOrGoing: { pods.get($0)?.isTerminating ?? true })
    }

    func forget(_ owner: ObjectKey) {
        _ = state.withLock { $0.removeValue(forKey: owner) }
    }
}
