import Testing
@testable import Store

@Suite struct WatchHubTests {
    static func event(_ revision: Int64) -> WatchEvent {
        WatchEvent(kind: .put, kv: KeyValue(key: "/k/\(revision)", value: [], createRevision: revision, modRevision: revision, version: 1), previous: nil)
    }

    @Test func aWatcherThatFallsBehindGetsEverythingBufferedInOrderThenWatcherTooSlow() async throws {
        let hub = WatchHub(publishedRevision: 0, bufferLimit: 5)
        let stream = try await hub.watch(prefix: "/k/", fromRevision: 0) { _, _ in [] }
        for r in Int64(1)...8 { hub.publish([Self.event(r)], revision: r) }
        var seen: [Int64] = []
        do {
            for try await event in stream { seen.append(event.revision) }
            Issue.record("the stream ended without an error")
        } catch {
            #expect(error as? ClusterStoreError == .watcherTooSlow)
        }
        // The consumer resumes from revision 6 and misses nothing.
        #expect(seen == [1, 2, 3, 4, 5])
    }

    @Test func eventsPublishedDuringReplayFollowItWithoutGapOrRepeat() async throws {
        let hub = WatchHub(publishedRevision: 3)
        let stream = try await hub.watch(prefix: "/k/", fromRevision: 2) { from, through in
            // While history is being read, two more revisions commit.
            hub.publish([Self.event(4)], revision: 4)
            hub.publish([Self.event(5)], revision: 5)
            return (from...through).map(Self.event)
        }
        hub.publish([Self.event(6)], revision: 6)
        let events = try await collect(5, from: stream)
        #expect(events.map(\.revision) == [2, 3, 4, 5, 6])
    }
}
