import Client
import Logging
import Synchronization

/// A reconciler with its work queue, run by N workers. Informer handlers put keys in the
/// queue; each worker takes a key, reconciles it and translates the result in one place:
/// `.done` forgets its back-off, `.requeue` and a thrown error retry it with back-off,
/// `.requeueAfter` retries it after the delay. The queue guarantees one worker per key.
public struct Controller: Sendable {
    public let name: String
    public let queue: WorkQueue<ObjectKey>
    public let workers: Int
    public let stats: ControllerStats
    private let reconcile: @Sendable (ObjectKey) async throws -> ReconcileResult
    private let logger: Logger

    public init<R: Reconciler>(_ reconciler: R, queue: WorkQueue<ObjectKey>, workers: Int = 2, logger: Logger) {
        name = R.name
        self.queue = queue
        self.workers = workers
        self.logger = logger
        stats = ControllerStats()
        reconcile = { key in try await reconciler.reconcile(key) }
    }

    /// Runs the workers until the calling task is cancelled; then shuts the queue down.
    public func run() async {
        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                for _ in 0..<workers { group.addTask { await work() } }
            }
        } onCancel: { [queue] in
            Task { await queue.shutDown() }
        }
    }

    private func work() async {
        while let key = await queue.next() {
            await process(key)
            await queue.done(key)
        }
    }

    /// Reconciles one key and schedules what comes next for it.
    func process(_ key: ObjectKey) async {
        stats.reconciled()
        do {
            switch try await reconcile(key) {
            case .done:
                queue.forget(key)
            case .requeue:
                await queue.addRateLimited(key)
            case .requeueAfter(let delay):
                queue.forget(key)
                await queue.add(key, after: delay)
            }
        } catch is CancellationError {
        } catch let error as ClientError where error.isConflict || error.isNotFound {
            // A lost race with another writer, or with the cache: read again soon.
            logger.debug("reconcile raced; retrying", metadata: ["controller": "\(name)", "key": "\(key)", "error": "\(error)"])
            await queue.addRateLimited(key)
        } catch {
            stats.failed()
            logger.warning("reconcile failed", metadata: ["controller": "\(name)", "key": "\(key)", "error": "\(error)"])
            await queue.addRateLimited(key)
        }
    }
}

/// Counters of one controller, for logs and the benchmark.
public final class ControllerStats: Sendable {
    private let reconciles = Atomic<Int>(0)
    private let failures = Atomic<Int>(0)

    func reconciled() { reconciles.add(1, ordering: .relaxed) }
    func failed() { failures.add(1, ordering: .relaxed) }

    public var reconcileCount: Int { reconciles.load(ordering: .relaxed) }
    public var failureCount: Int { failures.load(ordering: .relaxed) }
}
