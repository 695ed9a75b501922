import Foundation

/// Wall-clock time and waiting, as an input: controllers compare object timestamps, wait for
/// back-offs and deadlines, and tests drive all of it with a manual clock instead of sleeping.
public protocol ClusterClock: Sendable {
    func now() -> Date
    /// Returns after `duration` has passed on this clock; throws `CancellationError` when the
    /// calling task is cancelled first.
    func sleep(for duration: Duration) async throws
}

/// The system clock.
public struct SystemClusterClock: ClusterClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
