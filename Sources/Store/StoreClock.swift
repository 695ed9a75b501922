import Synchronization

/// Monotonic time for lease expiry and compaction windows: an input, so tests can advance it.
public protocol StoreClock: Sendable {
    /// Time elapsed since an arbitrary fixed origin.
    func now() -> Duration
}

/// The system's monotonic clock.
public struct SystemStoreClock: StoreClock {
    private let origin = ContinuousClock.now
    public init() {}
    public func now() -> Duration { ContinuousClock.now - origin }
}

/// A clock that moves only when told to; for tests and simulation.
public final class ManualStoreClock: StoreClock {
    private let current = Mutex<Duration>(.zero)
    public init() {}
    public func now() -> Duration { current.withLock { $0 } }
    public func advance(by duration: Duration) { current.withLock { $0 += duration } }
}
