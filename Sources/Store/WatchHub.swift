import Synchronization

/// Fans committed changes out to watchers, in revision order, exactly once each.
///
/// Contract with a backend: `publish` is called after the events' revision is durable and
/// acknowledged, in revision order, never concurrently; a watcher that starts at an older
/// revision replays history from the backend and then continues with live events, without gap
/// or repeat, because it is registered (buffering) before history is read.
final class WatchHub: Sendable {
    /// Events a watcher may have queued (beyond its replay) before it is cut off as too slow.
    let bufferLimit: Int

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

    init(publishedRevision: Int64, bufferLimit: Int = 50_000) {
        self.bufferLimit = bufferLimit
        state = Mutex(State(published: publishedRevision))
    }

    /// Delivers one committed revision's events (possibly none) to every matching watcher.
    func publish(_ events: [WatchEvent], revision: Int64) {
        let overflowed: [WatchStream.Continuation] = state.withLock { state in
            state.published = max(state.published, revision)
            guard !events.isEmpty else { return [] }
            var overflowed: [WatchStream.Continuation] = []
            for (id, watcher) in state.watchers {
                let matching = events.filter { $0.revision >= watcher.minRevision && $0.kv.key.hasPrefix(watcher.prefix) }
                guard !matching.isEmpty else { continue }
                switch watcher.phase {
                case .catchingUp(var pending):
                    pending.append(contentsOf: matching)
                    state.watchers[id]!.phase = .catchingUp(pending: pending)
                case .live(let continuation):
                    if !Self.deliver(matching, to: continuation) {
                        state.watchers[id] = nil
                        overflowed.append(continuation)
                    }
                }
            }
            return overflowed
        }
        // Finished outside the lock: finishing runs `onTermination`, which takes it.
        for continuation in overflowed { continuation.finish(throwing: ClusterStoreError.watcherTooSlow) }
    }

    /// Yields `events`; false if the watcher's buffer overflowed (the caller ends it).
    private static func deliver(_ events: [WatchEvent], to continuation: WatchStream.Continuation) -> Bool {
        for event in events {
            if case .dropped = continuation.yield(event) { return false }
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
        let (stream, continuation) = WatchStream.makeStream(bufferingPolicy: .bufferingOldest(replay.count + bufferLimit))
        continuation.onTermination = { [weak self] _ in self?.cancel(id) }
        let failure: ClusterStoreError? = state.withLock { state in
            guard let watcher = state.watchers[id] else { return .closed }
            guard case .catchingUp(let pending) = watcher.phase else { return nil }
            if Self.deliver(replay + pending, to: continuation) {
                state.watchers[id]!.phase = .live(continuation)
                return nil
            }
            state.watchers[id] = nil
            return .watcherTooSlow
        }
        if let failure { continuation.finish(throwing: failure) }
        return stream
    }

    private func cancel(_ id: Int) {
        state.withLock { _ = $0.watchers.removeValue(forKey: id) }
    }

    /// Ends every watch with `ClusterStoreError.closed` and refuses new ones.
    func close() {
        let live: [WatchStream.Continuation] = state.withLock { state in
            state.closed = true
            let live = state.watchers.values.compactMap { watcher -> WatchStream.Continuation? in
                if case .live(let continuation) = watcher.phase { return continuation }
                return nil
            }
            state.watchers.removeAll()
            return live
        }
        for continuation in live { continuation.finish(throwing: ClusterStoreError.closed) }
    }
}
