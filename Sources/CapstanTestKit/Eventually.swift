import Foundation

/// Waits for a condition by polling it, up to a real-time deadline: how scenario tests wait
/// for the cluster to converge without sleeping a fixed time. Returns whether it held.
public func eventually(timeout: Duration = .seconds(20), poll: Duration = .milliseconds(20),
                       _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: poll)
    }
    return try await condition()
}
