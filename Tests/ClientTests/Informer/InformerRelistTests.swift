import CapstanTestKit
import Client
import Foundation
import Resources
import Synchronization
import Testing

/// A server, scripted at the REST level, whose first watch expires: lists answer from
/// `lists` in turn, the first watch sends a 410 ERROR event as an API server does for a
/// compacted resourceVersion, and later watches stay open and silent.
private final class ExpiringWatchServer: ClusterClient {
    private let lists: [String]
    private let state = Mutex<(lists: Int, watches: Int, watchVersions: [String])>((0, 0, []))

    init(lists: [String]) { self.lists = lists }

    var watchVersions: [String] { state.withLock { $0.watchVersions } }

    func send(_ request: ClientRequest) async throws(ClientError) -> ClientResponse {
        let index = state.withLock { state in
            defer { state.lists += 1 }
            return min(state.lists, lists.count - 1)
        }
        return ClientResponse(status: 200, body: Array(lists[index].utf8))
    }

    func openWatch(_ request: ClientRequest) async throws(ClientError) -> AsyncThrowingStream<[UInt8], any Error> {
        let version = request.query.first { $0.name == "resourceVersion" }?.value ?? ""
        let first = state.withLock { state in
            state.watches += 1
            state.watchVersions.append(version)
            return state.watches == 1
        }
        let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        if first {
            let expired = #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","#
                + #""message":"too old resource version: 10 (25)","reason":"Expired","code":410}}"#
            continuation.yield(Array(expired.utf8))
            continuation.finish()
        }
        return stream
    }

    static func podList(version: String, names: [String]) -> String {
        let items = names.map { #"{"metadata":{"name":"\#($0)","namespace":"default","resourceVersion":"\#(version)"}}"# }
        return #"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"\#(version)"},"items":[\#(items.joined(separator: ","))]}"#
    }
}

@Suite(.timeLimit(.minutes(1))) struct InformerRelistTests {
    @Test func anExpiredWatchReListsAndTheCacheMatchesTheNewList() async throws {
        let server = ExpiringWatchServer(lists: [
            ExpiringWatchServer.podList(version: "10", names: ["a", "b"]),
            ExpiringWatchServer.podList(version: "25", names: ["b", "c"]),
        ])
        let informer = Informer<Pod>(client: server)
        let seen = Mutex<[String]>([])
        informer.addHandler { event in
            let entry: String = switch event {
            case .added(let pod): "added \(pod.name)"
            case .updated(_, let pod): "updated \(pod.name)"
            case .deleted(let pod): "deleted \(pod.name)"
            }
            seen.withLock { $0.append(entry) }
        }
        let running = Task { await informer.run() }
        defer { running.cancel() }
        #expect(await eventually { informer.listCount == 2 && server.watchVersions.count == 2 })
        #expect(informer.cache.list().map(\.name).sorted() == ["b", "c"])
        #expect(informer.cache.resourceVersion == "25")
        #expect(server.watchVersions == ["10", "25"], "the second watch starts from the new list")
        let events = seen.withLock { $0 }
        #expect(events.contains("deleted a"), "\(events)")
        #expect(events.contains("added c"), "\(events)")
    }
}
