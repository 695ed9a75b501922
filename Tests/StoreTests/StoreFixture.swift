import Foundation
import Store

/// The backends every conformance test runs against.
enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory, sqlite
    var description: String { rawValue }
}

/// A fresh store of one backend in its own temporary directory. The store closes and the
/// directory is removed when the fixture goes out of scope.
final class StoreFixture: Sendable {
    let store: any ClusterStore
    let clock: ManualStoreClock
    let directory: URL?

    init(_ backend: Backend) throws {
        clock = ManualStoreClock()
        switch backend {
        case .memory:
            store = MemoryClusterStore(clock: clock)
            directory = nil
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            directory = dir
            store = try SQLiteClusterStore(path: dir.appendingPathComponent("store.db").path, clock: clock)
        }
    }

    deinit {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}

extension KeyValue {
    var text: String { String(decoding: value, as: UTF8.self) }
}

/// Collects `count` events from `stream`, failing if they do not arrive within `timeout`.
func collect(_ count: Int, from stream: WatchStream, timeout: Duration = .seconds(10)) async throws -> [WatchEvent] {
    try await withThrowingTaskGroup(of: [WatchEvent].self) { group in
        group.addTask {
            var events: [WatchEvent] = []
            for try await event in stream {
                events.append(event)
                if events.count == count { break }
            }
            return events
        }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw TimeoutError(expected: count)
        }
        let result = try await group.next()!
        group.cancelAll()
        return result
    }
}

struct TimeoutError: Error, CustomStringConvertible {
    var expected: Int
    var description: String { "timed out waiting for \(expected) events" }
}
