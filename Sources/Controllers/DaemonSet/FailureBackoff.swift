import Client
import Foundation
import Synchronization

/// How long each DaemonSet must wait before it replaces a failed pod on a node again: 1 s
/// after the first failure, doubling to 15 minutes, as upstream's failedPodsBackoff. A node
/// that runs a ready pod again starts afresh.
final class FailureBackoff: Sendable {
    private struct Entry {
        var failures: Int
        var until: Date
    }

    static let initial: TimeInterval = 1
    static let maximum: TimeInterval = 900

    private let state = Mutex<[ObjectKey: [String: Entry]]>([:])

    /// Records a failed pod of the set `key` on `node`.
    func failed(set key: ObjectKey, node: String, now: Date) {
        state.withLock { state in
            var entry = state[key]?[node] ?? Entry(failures: 0, until: now)
            entry.failures += 1
            let delay = min(Self.maximum, Self.initial * pow(2, Double(min(entry.failures - 1, 20))))
            entry.until = now.addingTimeInterval(delay)
            state[key, default: [:]][node] = entry
        }
    }

    /// The nodes still in back-off at `now`.
    func heldBack(set key: ObjectKey, now: Date) -> Set<String> {
        state.withLock { Set(($0[key] ?? [:]).filter { $0.value.until > now }.keys) }
    }

    /// When the earliest back-off still running ends.
    func nextRelease(set key: ObjectKey, now: Date) -> Date? {
        state.withLock { ($0[key] ?? [:]).values.map(\.until).filter { $0 > now }.min() }
    }

    /// Forgets the failures on `nodes` (they run a ready pod again).
    func recovered(set key: ObjectKey, nodes: some Sequence<String>) {
        state.withLock { state in
            for node in nodes { state[key]?[node] = nil }
        }
    }

    func forget(set key: ObjectKey) {
        _ = state.withLock { $0.removeValue(forKey: key) }
    }
}
