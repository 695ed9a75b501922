import Synchronization

/// Fans committed changes out to watchers, in revision order, exactly once each.
///
/// Contract with a backend: `publish` is called after the events' revision is durable and
/// acknowledged, in revision order, never concurrently; a watcher that starts at an older
/// revision replays history from the backend and then continues with live events, without gap
/// or repeat, because it is registered (buffering) before history is read.
final class WatchHub: Sendable {
    /// Events a watcher may have queued before it is cut off as too slow.
    static let bufferLimit = 50_000

    private enum Phase {
        case catchingUp(pending: [WatchEvent])
        case live(WatchStream.Continuation)
    }

    private struct Watcher {
        var prefix: String
        var minRevision: Int64
        var phase: Phase
    }

    private struct State {
        var watchers: [Int: Watcher] = [:]
        var nextID = 0
        var published: Int64
        var closed = false
    }

    private let state: Mutex<State>

    init(publishedRevision: Int64) {
        state = Mutex(State(published: publishedRevision))
    }

    /// Delivers one committed revision's events (possibly none) to every matching watcher.
    func publish(_ events: [WatchEvent], revision: Int64) {
        state.withLock { state in
            state.published = max(state.published, revision)
            guard !events.isEmpty else { return }
            for (id, watcher) in state.watchers {
                let matching = events.filter { $0.revision >= watcher.minRevision && $0.kv.key.hasPrefix(watcher.prefix) }
                guard !matching.isEmpty else { continue }
                switch watcher.phase {
                case .catchingUp(var pending):
                    pending.append(contentsOf: matching)
                    state.watchers[id]!.phase = .catchingUp(pending: pending)
                case .live(let continuation):
                    if !Self.deliver(matching, to: continuation) { state.watchers[id] = nil }
                }
            }
        }
    }

    /// Yields `events`; on overflow ends the stream with `watcherTooSlow` and returns false.
    private static func deliver(_ events: [WatchEvent], to continuation: WatchStream.Continuation) -> Bool {
        for event in events {
            if case .dropped = continuation.yield(event) {
                continuation.finish(throwing: ClusterStoreError.watcherTooSlow)
                return false
            }
        }
        return true
    }

    /// Starts a watch. `history(from, through)` returns the committed events on `prefix` with
    /// revisions in `from...through`; it is called only when `from` is not in the future.
    func watch(
        prefix: String,
        fromRevision: Int64,
        history: (Int64, Int64) async throws -> [WatchEvent]
    ) async throws -> WatchStream {
        let (id, published): (Int, Int64) = try state.withLock { state in
            if state.closed { throw ClusterStoreError.closed }
            let id = state.nextID
            state.nextID += 1
            let from = fromRevision > 0 ? fromRevision : state.published + 1
            state.watchers[id] = Watcher(prefix: prefix, minRevision: from, phase: .catchingUp(pending: []))
            return (id, state.published)
        }
        var replay: [WatchEvent] = []
        if fromRevision > 0 && fromRevision <= published {
            do {
                replay = try await history(fromRevision, published).filter { $0.revision <= published }
            } catch {
                cancel(id)
                throw error
            }
        }
        let (stream, continuation) = WatchStream.makeStream(bufferingPolicy: .bufferingOldest(replay.count + Self.bufferLimit))
        continuation.onTermination = { [weak self] _ in self?.cancel(id) }
        state.withLock { state in
            guard let watcher = state.watchers[id] else {
                continuation.finish(throwing: ClusterStoreError.closed)
                return
            }
            guard case .catchingUp(let pending) = watcher.phase else { return }
            if Self.deliver(replay + pending, to: continuation) {
                state.watchers[id]!.phase = .live(continuation)
            } else {
                state.watchers[id] = nil
            }
        }
        return stream
    }

    private func cancel(_ id: Int) {
        state.withLock { _ = $0.watchers.removeValue(forKey: id) }
    }

    /// Ends every watch with `ClusterStoreError.closed` and refuses new ones.
    func close() {
        state.withLock { state in
            state.closed = true
            for watcher in state.watchers.values {
                if case .live(let continuation) = watcher.phase { continuation.finish(throwing: ClusterStoreError.closed) }
            }
            state.watchers.removeAll()
        }
    }
}
