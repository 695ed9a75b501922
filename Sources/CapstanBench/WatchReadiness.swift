import Synchronization

/// Counts watchers that are established (saw the warm-up event) or gave up, so the writer
/// starts its timed writes only once every watcher has reported one or the other.
final class WatchReadiness: Sendable {
    private let counts = Mutex<(ready: Int, failed: Int)>((0, 0))

    func ready() { counts.withLock { $0.ready += 1 } }
    func failed() { counts.withLock { $0.failed += 1 } }

    /// Waits until `watchers` have reported or `timeout` passes (polling: the wait is set-up,
    /// not a measured interval); returns how many are established.
    func wait(for watchers: Int, timeout: Duration) async throws -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let (ready, failed) = counts.withLock { ($0.ready, $0.failed) }
            if ready + failed >= watchers || clock.now >= deadline { return ready }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
