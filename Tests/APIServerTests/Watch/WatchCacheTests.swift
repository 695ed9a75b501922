import Logging
import Resources
import Store
import Testing
@testable import APIServer

/// The watch cache over a memory store, without HTTP: how far back a watch may resume, and
/// what happens to a watcher that stops reading.
@Suite struct WatchCacheTests {
    static let configMaps = ResourceRegistry.builtIn.resource(group: "", version: "v1", plural: "configmaps")!

    /// A running cache with a small history and buffer; cancelled when `body` returns.
    static func withCache<T>(historyLimit: Int, watcherBuffer: Int,
                             _ body: (WatchCache, MemoryClusterStore) async throws -> T) async throws -> T {
        let store = MemoryClusterStore()
        var logger = Logger(label: "watch-cache-test")
        logger.logLevel = .warning
        let cache = WatchCache(store: store, registry: .builtIn, logger: logger,
                               historyLimit: historyLimit, watcherBuffer: watcherBuffer)
        let running = Task { try await cache.run() }
        defer { running.cancel() }
        await cache.waitUntilReady()
        return try await body(cache, store)
    }

    /// Writes a ConfigMap straight to the store; answers the revision of the write.
    @discardableResult
    static func put(_ name: String, _ store: MemoryClusterStore) async throws -> Int64 {
        let object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": "default"]]
        return try await store.put(ObjectKeys.key(configMaps.type, namespace: "default", name: name), StoredObject.encode(object))
    }

    static var everything: WatchFilter {
        WatchFilter(resource: configMaps, namespace: "", labels: .everything, fields: .everything)
    }

    static var farFuture: ContinuousClock.Instant { .now + .seconds(3600) }

    @Test func watchFromRevisionOlderThanHistoryIsGone() async throws {
        try await Self.withCache(historyLimit: 3, watcherBuffer: 100) { cache, store in
            var revisions: [Int64] = []
            for i in 0..<6 { revisions.append(try await Self.put("cm\(i)", store)) }
            #expect(await cache.waitUntil(revision: revisions.last!))

            await #expect(throws: APIError.self) {
                _ = try await cache.watch(Self.everything, from: revisions[0], bookmarks: false, initialEventsEnd: false, deadline: Self.farFuture)
            }
            do {
                _ = try await cache.watch(Self.everything, from: revisions[1], bookmarks: false, initialEventsEnd: false, deadline: Self.farFuture)
                Issue.record("a watch from before the history must fail")
            } catch let error as APIError {
                #expect(error.code == 410)
                #expect(error.reason == "Expired")
            }

            // The oldest revision the history still covers replays every later change.
            let resumable = try await cache.watch(Self.everything, from: revisions[2], bookmarks: false,
                                                  initialEventsEnd: false, deadline: Self.farFuture)
            var names: [String] = []
            for try await output in resumable {
                guard case .event(_, let object) = output else { continue }
                names.append(object.object["metadata"]?["name"]?.stringValue ?? "")
                if names.count == 3 { break }
            }
            #expect(names == ["cm3", "cm4", "cm5"])
        }
    }

    @Test func slowWatcherIsEndedWhileOthersGetEveryEvent() async throws {
        try await Self.withCache(historyLimit: 100, watcherBuffer: 2) { cache, store in
            let start = try await store.currentRevision()
            let slow = try await cache.watch(Self.everything, from: start, bookmarks: false, initialEventsEnd: false, deadline: Self.farFuture)
            let fast = try await cache.watch(Self.everything, from: start, bookmarks: false, initialEventsEnd: false, deadline: Self.farFuture)

            // The fast watcher takes each event before the next write; the slow one never reads.
            var fastNames: [String] = []
            var iterator = fast.makeAsyncIterator()
            for i in 0..<6 {
                try await Self.put("cm\(i)", store)
                if case .event(_, let object)? = try await iterator.next() {
                    fastNames.append(object.object["metadata"]?["name"]?.stringValue ?? "")
                }
            }
            #expect(fastNames == (0..<6).map { "cm\($0)" })

            var slowNames: [String] = []
            var ending: (any Error)?
            do {
                for try await output in slow {
                    if case .event(_, let object) = output { slowNames.append(object.object["metadata"]?["name"]?.stringValue ?? "") }
                }
            } catch {
                ending = error
            }
            #expect(slowNames == ["cm0", "cm1"], "what fit in its buffer")
            #expect((ending as? WatchCacheError) == .watcherTooSlow)
            #expect(await cache.watcherCount == 1)
        }
    }
}
