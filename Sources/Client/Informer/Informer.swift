import Foundation
import Logging
import Resources
import Synchronization

/// Keeps an `InformerCache` of one kind in step with the API server: it lists, then watches
/// from the list's resourceVersion, and calls its handlers with every change in order. A watch
/// that ends is resumed from the last version seen; a 410 Gone (the version was compacted, or
/// the server dropped a slow watcher) or a failed resume re-lists, and the differences from
/// the cache are delivered as events, so handlers never miss a change for long.
public final class Informer<R: APIResource>: Sendable {
    public typealias Handler = @Sendable (InformerEvent<R>) -> Void

    public let cache: InformerCache<R>
    private let client: any ClusterClient
    private let namespace: String?
    private let labelSelector: String?
    private let fieldSelector: String?
    private let clock: any ClusterClock
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var handlers: [Handler] = []
        var synced = false
        var syncWaiters: [CheckedContinuation<Void, Never>] = []
        var lists = 0
    }

    public init(client: any ClusterClient, namespace: String? = nil, labelSelector: String? = nil, fieldSelector: String? = nil,
                indexers: [String: InformerCache<R>.IndexFunction] = [:], clock: any ClusterClock = SystemClusterClock(),
                logger: Logger = Logger(label: "capstan.informer")) {
        self.client = client
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.clock = clock
        self.logger = logger
        cache = InformerCache(indexers: indexers)
    }

    /// Adds a handler; it sees every change from the next event on. Handlers run on the
    /// informer's task, in order, and must not block (they enqueue work).
    public func addHandler(_ handler: @escaping Handler) {
        state.withLock { $0.handlers.append(handler) }
    }

    /// Whether the first list has been applied.
    public var hasSynced: Bool { state.withLock { $0.synced } }

    /// How many times it has listed (1 after the first sync; more after re-lists).
    public var listCount: Int { state.withLock { $0.lists } }

    /// Returns once the first list has been applied to the cache and delivered.
    public func waitUntilSynced() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state in
                if state.synced { return true }
                state.syncWaiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Lists and watches until the calling task is cancelled.
    public func run() async {
        var needsList = true
        var failures = 0
        while !Task.isCancelled {
            do {
                if needsList {
                    try await list()
                    needsList = false
                }
                try await watch()
                failures = 0
            } catch let error as ClientError where error.isGone {
                logger.debug("watch expired; re-listing", metadata: ["kind": "\(R.resourceType.kind)"])
                needsList = true
            } catch is CancellationError {
                return
            } catch {
                if Task.isCancelled { return }
                failures += 1
                needsList = failures > 1
                let delay = Self.backoff(failures: failures)
                logger.warning("list/watch failed; retrying", metadata: [
                    "kind": "\(R.resourceType.kind)", "error": "\(error)", "retryIn": "\(delay)",
                ])
                do { try await clock.sleep(for: delay) } catch { return }
            }
        }
    }

    static func backoff(failures: Int) -> Duration {
        let seconds = min(30.0, 0.4 * pow(2.0, Double(min(failures, 10))))
        return .milliseconds(Int64(seconds * 1000))
    }

    private func list() async throws {
        var items: [R] = []
        var options = ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector, limit: 500)
        var resourceVersion = ""
        repeat {
            let page = try await client.list(R.self, namespace: namespace, options: options)
            items.append(contentsOf: page.items)
            resourceVersion = page.metadata.resourceVersion ?? resourceVersion
            options.continueToken = page.metadata.continueToken.flatMap { $0.isEmpty ? nil : $0 }
        } while options.continueToken != nil
        let events = cache.replace(with: items, resourceVersion: resourceVersion)
        let (handlers, waiters) = state.withLock { state in
            state.lists += 1
            state.synced = true
            let waiters = state.syncWaiters
            state.syncWaiters.removeAll()
            return (state.handlers, waiters)
        }
        deliver(events, to: handlers)
        for waiter in waiters { waiter.resume() }
    }

    private func watch() async throws {
        let options = ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector,
                                  resourceVersion: cache.resourceVersion, timeoutSeconds: 300 + Int.random(in: 0..<300),
                                  allowWatchBookmarks: true)
        let events = try await client.watch(R.self, namespace: namespace, options: options)
        for try await event in events {
            try Task.checkCancellation()
            let handlers = state.withLock { $0.handlers }
            switch event.type {
            case .added, .modified:
                guard let object = event.object else { continue }
                if let old = cache.upsert(object, resourceVersion: event.resourceVersion) {
                    deliver([.updated(old: old, new: object)], to: handlers)
                } else {
                    deliver([.added(object)], to: handlers)
                }
            case .deleted:
                guard let object = event.object else { continue }
                let old = cache.remove(ObjectKey(object), resourceVersion: event.resourceVersion)
                if old != nil { deliver([.deleted(object)], to: handlers) }
            case .bookmark:
                if let version = event.resourceVersion { cache.setResourceVersion(version) }
            case .error:
                throw event.error ?? ClientError.status(code: 500, reason: "InternalError", message: "watch error")
            }
        }
    }

    private func deliver(_ events: [InformerEvent<R>], to handlers: [Handler]) {
        for event in events {
            for handler in handlers { handler(event) }
        }
    }
}
