import Client
import Foundation
import Resources
import Synchronization

/// The scheduling queue shared by the informer handlers (which add, update and move pods
/// synchronously) and the scheduling loop (which waits in `next()` for a pod).
final class PodQueue: Sendable {
    private struct State: Sendable {
        var queue = SchedulingQueue()
        var waiter: CheckedContinuation<QueuedPod?, Never>?
        var closed = false
    }

    private let state = Mutex(State())
    private let clock: any ClusterClock

    init(clock: any ClusterClock) { self.clock = clock }

    /// Changes the queue, then hands a pod to a waiting loop if one is ready.
    func update(_ change: (inout SchedulingQueue, Date) -> Void) {
        let now = clock.now()
        let (waiter, pod) = state.withLock { state -> (CheckedContinuation<QueuedPod?, Never>?, QueuedPod?) in
            change(&state.queue, now)
            guard let waiter = state.waiter, let pod = state.queue.pop(now: now) else { return (nil, nil) }
            state.waiter = nil
            return (waiter, pod)
        }
        waiter?.resume(returning: pod)
    }

    func read<T>(_ body: (SchedulingQueue) -> T) -> T { state.withLock { body($0.queue) } }

    /// The next pod to schedule; waits until there is one. Nil once closed.
    func next() async -> QueuedPod? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<QueuedPod?, Never>) in
                let now = clock.now()
                let ready = state.withLock { state -> QueuedPod?? in
                    if state.closed { return .some(nil) }
                    if let pod = state.queue.pop(now: now) { return .some(pod) }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            close()
        }
    }

    /// Ends the queue: a waiting loop gets nil.
    func close() {
        let waiter = state.withLock { state in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// Moves expired back-offs to the active queue every second, until cancelled.
    func runFlusher() async {
        while !Task.isCancelled {
            do { try await clock.sleep(for: .seconds(1)) } catch { return }
            update { queue, now in queue.flush(now: now) }
        }
    }
}
