import Foundation
import Logging
import Resources
import Store

/// What a watcher receives from the cache, in revision order.
public enum WatchOutput: Sendable {
    /// `ADDED`, `MODIFIED` or `DELETED` with the object as the watcher sees it.
    case event(type: String, object: CachedObject)
    /// Every change up to `revision` has been delivered; `initialEventsEnd` marks the end of a
    /// `sendInitialEvents` replay.
    case bookmark(revision: Int64, initialEventsEnd: Bool)
}

/// Why the cache ended a watch.
public enum WatchCacheError: Error, Sendable {
    /// The watcher's buffer filled up: it must re-list.
    case watcherTooSlow
    /// The cache restarted from the store (e.g. after compaction): watchers must re-list.
    case reset
    case closed
}

/// The API server's watch cache: one store watch over every API object, fanned out in memory
/// to every list and watch.
///
/// Contracts:
/// - The cache applies store events in revision order; `revision` is the last one applied, and
///   every event at or before it has been handed to every matching watcher.
/// - A watcher has a bounded buffer. When it is full the watcher is ended with
///   `watcherTooSlow`; the others never wait for it.
/// - Only the API server writes under `ObjectKeys.root`, so every store revision belongs to
///   some object and `waitUntil(revision)` completes once the cache has caught up.
public actor WatchCache {
    private let store: any ClusterStore
    private let registry: ResourceRegistry
    private let logger: Logger
    private let historyLimit: Int
    private let watcherBuffer: Int

    private var states: [String: ResourceCacheState] = [:]
    public private(set) var revision: Int64 = 0
    private var ready = false
    public var isReady: Bool { ready }
    private var readyWaiters: [CheckedContinuation<Void, Never>] = []
    private var revisionWaiters: [(id: Int, revision: Int64, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextWaiterID = 0
    private var watchers: [String: [Int: Watcher]] = [:]
    private var nextWatcherID = 0

    private struct Watcher {
        let filter: WatchFilter
        let bookmarks: Bool
        /// When the watch ends by itself (the client's `timeoutSeconds`).
        let deadline: ContinuousClock.Instant
        let continuation: AsyncThrowingStream<WatchOutput, any Error>.Continuation
    }

    public init(store: any ClusterStore, registry: ResourceRegistry, logger: Logger,
                historyLimit: Int = 10_000, watcherBuffer: Int = 10_000) {
        self.store = store
        self.registry = registry
        self.logger = logger
        self.historyLimit = historyLimit
        self.watcherBuffer = watcherBuffer
    }

    /// Number of open watches (for metrics).
    public var watcherCount: Int { watchers.values.reduce(0) { $0 + $1.count } }

    // MARK: Running

    /// Loads every object, then follows the store until cancelled. After a store watch error
    /// (compaction, overflow) it ends every watch with `reset` and loads again.
    public func run() async throws {
        while !Task.isCancelled {
            let from = try await load()
            do {
                let stream = try await store.watch(prefix: ObjectKeys.root, fromRevision: from + 1)
                for try await event in stream { apply(event) }
                if Task.isCancelled { break }
            } catch is CancellationError {
                break
            } catch {
                logger.warning("watch cache restarting", metadata: ["error": "\(error)"])
            }
            endAllWatches(WatchCacheError.reset)
        }
        endAllWatches(WatchCacheError.closed)
    }

    /// Called about once a second: ends watches whose deadline passed (with a last bookmark
    /// when they take bookmarks) and, when `sendBookmarks`, tells bookmark-enabled watchers
    /// how far they are.
    public func tick(now: ContinuousClock.Instant, sendBookmarks: Bool) {
        for (prefix, group) in watchers {
            for (id, w) in group {
                if w.deadline <= now {
                    if w.bookmarks { w.continuation.yield(.bookmark(revision: revision, initialEventsEnd: false)) }
                    w.continuation.finish()
                    watchers[prefix]?[id] = nil
                } else if sendBookmarks, w.bookmarks {
                    deliver(.bookmark(revision: revision, initialEventsEnd: false), to: id, prefix: prefix, w)
                }
            }
        }
    }

    private func load() async throws -> Int64 {
        let result = try await store.range(.prefix(ObjectKeys.root))
        var byPrefix: [String: [CachedObject]] = [:]
        for kv in result.kvs {
            guard let prefix = resourcePrefix(of: kv.key) else { continue }
            guard let object = try? StoredObject.decode(kv) else {
                logger.error("unreadable object in store", metadata: ["key": "\(kv.key)"])
                continue
            }
            byPrefix[prefix, default: []].append(CachedObject(key: kv.key, object: object, revision: kv.modRevision))
        }
        states = [:]
        for r in registry.resources {
            let prefix = ObjectKeys.prefix(r.type)
            states[prefix] = ResourceCacheState(prefix: prefix, loadedAt: result.revision,
                                                objects: byPrefix[prefix] ?? [], historyLimit: historyLimit)
        }
        revision = result.revision
        ready = true
        for w in readyWaiters { w.resume() }
        readyWaiters = []
        resumeRevisionWaiters()
        return result.revision
    }

    private func resourcePrefix(of key: String) -> String? {
        // /registry/GROUP/PLURAL/…
        let parts = key.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: true)
        guard parts.count >= 3 else { return nil }
        return "/\(parts[0])/\(parts[1])/\(parts[2])/"
    }

    private func apply(_ event: WatchEvent) {
        revision = max(revision, event.revision)
        if let prefix = resourcePrefix(of: event.kv.key), states[prefix] != nil {
            do {
                if let change = try states[prefix]!.apply(event) { fanOut(change, prefix: prefix) }
            } catch {
                logger.error("unreadable object in store", metadata: ["key": "\(event.kv.key)", "error": "\(error)"])
            }
        }
        resumeRevisionWaiters()
    }

    private func fanOut(_ event: CacheEvent, prefix: String) {
        guard let group = watchers[prefix] else { return }
        for (id, w) in group {
            if let output = Self.output(for: event, filter: w.filter) { deliver(output, to: id, prefix: prefix, w) }
        }
    }

    /// How one change looks to a watcher with `filter` (Kubernetes' cacheWatcher rules: an
    /// object that starts matching is ADDED, one that stops matching is DELETED).
    static func output(for event: CacheEvent, filter: WatchFilter) -> WatchOutput? {
        switch event.change {
        case .added(let o):
            return filter.matches(o.object) ? .event(type: "ADDED", object: o) : nil
        case .modified(let o, let previous):
            let now = filter.matches(o.object)
            let before = filter.matches(previous.object)
            switch (before, now) {
            case (true, true): return .event(type: "MODIFIED", object: o)
            case (false, true): return .event(type: "ADDED", object: o)
            case (true, false): return .event(type: "DELETED", object: previous.restamped(event.revision))
            case (false, false): return nil
            }
        case .deleted(let o, let previous):
            return filter.matches(previous.object) ? .event(type: "DELETED", object: o) : nil
        }
    }

    private func deliver(_ output: WatchOutput, to id: Int, prefix: String, _ w: Watcher) {
        if case .dropped = w.continuation.yield(output) {
            w.continuation.finish(throwing: WatchCacheError.watcherTooSlow)
            watchers[prefix]?[id] = nil
        }
    }

    private func endAllWatches(_ error: WatchCacheError) {
        for group in watchers.values { for w in group.values { w.continuation.finish(throwing: error) } }
        watchers = [:]
        ready = false
    }

    // MARK: Waiting

    /// Returns once the cache has loaded.
    public func waitUntilReady() async {
        if ready { return }
        await withCheckedContinuation { readyWaiters.append($0) }
    }

    /// Waits until the cache has applied `target`; false if `timeout` passed first.
    public func waitUntil(revision target: Int64, timeout: Duration = .seconds(3)) async -> Bool {
        if ready, revision >= target { return true }
        let id = nextWaiterID
        nextWaiterID += 1
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.suspendUntil(revision: target, id: id) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                await self.expireWaiter(id)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            await self.expireWaiter(id)
            return first
        }
    }

    private func suspendUntil(revision target: Int64, id: Int) async -> Bool {
        if ready, revision >= target { return true }
        return await withCheckedContinuation { revisionWaiters.append((id, target, $0)) }
    }

    private func expireWaiter(_ id: Int) {
        let (expired, keep) = revisionWaiters.partitioned { $0.id == id }
        revisionWaiters = keep
        for w in expired { w.continuation.resume(returning: false) }
    }

    private func resumeRevisionWaiters() {
        guard ready else { return }
        let (done, keep) = revisionWaiters.partitioned { $0.revision <= revision }
        revisionWaiters = keep
        for w in done { w.continuation.resume(returning: true) }
    }

    // MARK: Reading

    /// The current objects of `resource` and the revision they are at.
    public func snapshot(of resource: ServedResource) -> (objects: [String: CachedObject], revision: Int64) {
        (states[ObjectKeys.prefix(resource.type)]?.objects ?? [:], revision)
    }

    /// Starts a watch. `resourceVersion`: nil to begin with the current objects as ADDED events
    /// (Kubernetes' "" and "0"), or the revision to resume after. `initialEvents` ends the
    /// replay of current objects with an `initialEventsEnd` bookmark.
    public func watch(
        _ filter: WatchFilter, from resourceVersion: Int64?, bookmarks: Bool, initialEventsEnd: Bool,
        deadline: ContinuousClock.Instant
    ) throws(APIError) -> AsyncThrowingStream<WatchOutput, any Error> {
        let prefix = ObjectKeys.prefix(filter.resource.type)
        guard let state = states[prefix], ready else {
            throw APIError.internalError("the watch cache is not ready")
        }
        var backlog: [WatchOutput] = []
        if let rv = resourceVersion, rv > 0 {
            if rv < state.oldestResumable {
                throw APIError.gone("too old resource version: \(rv) (\(state.oldestResumable))")
            }
            if rv > revision {
                throw APIError.timeout("Too large resource version: \(rv), current resource version: \(revision)")
            }
            for e in state.events(after: rv) {
                if let o = Self.output(for: e, filter: filter) { backlog.append(o) }
            }
        } else {
            for o in state.objects.values.sorted(by: { KeyRange.precedes($0.key, $1.key) }) where filter.matches(o.object) {
                backlog.append(.event(type: "ADDED", object: o))
            }
            if initialEventsEnd { backlog.append(.bookmark(revision: revision, initialEventsEnd: true)) }
        }
        let (stream, continuation) = AsyncThrowingStream<WatchOutput, any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(backlog.count + watcherBuffer))
        for o in backlog { continuation.yield(o) }
        let id = nextWatcherID
        nextWatcherID += 1
        watchers[prefix, default: [:]][id] = Watcher(filter: filter, bookmarks: bookmarks, deadline: deadline, continuation: continuation)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeWatcher(id, prefix: prefix) }
        }
        return stream
    }

    private func removeWatcher(_ id: Int, prefix: String) {
        watchers[prefix]?[id] = nil
    }
}

extension Array {
    /// The elements that satisfy `predicate`, and the rest, each in order.
    func partitioned(_ predicate: (Element) -> Bool) -> ([Element], [Element]) {
        var yes: [Element] = []
        var no: [Element] = []
        for e in self { if predicate(e) { yes.append(e) } else { no.append(e) } }
        return (yes, no)
    }
}
