import Client

/// One controller's desired-state loop for one kind of object. The runner calls `reconcile`
/// with the key of an object that changed (or whose requeue came due), never concurrently for
/// the same key. In the shape every controller shares: handle deletion, ensure finalizers,
/// stop if suspended, then ordered sub-steps with early exit; status is written once.
public protocol Reconciler: Sendable {
    /// The controller's name, for logs, metrics and events (e.g. `replicaset`).
    static var name: String { get }

    /// Brings the object named by `key` (which may no longer exist) towards its desired state.
    /// Throwing requeues the key with back-off; a conflict requeues it at once.
    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult
}

/// What the runner does with a key after reconciling it.
public enum ReconcileResult: Sendable, Hashable {
    /// Nothing more until the next change.
    case done
    /// Again, with the queue's per-item back-off.
    case requeue
    /// Again after `Duration` (a deadline or a minReadySeconds wait), without back-off.
    case requeueAfter(Duration)
}
