import Resources
import Testing

/// `?watch=true` over HTTP: event order, the server-side timeout, and the initial-events
/// bookmark.
@Suite struct WatchTests {
    typealias O = TestObjects

    static func summary(_ events: [JSONValue]) -> [String] {
        events.map { "\($0["type"]?.stringValue ?? "?") \($0["object"]?.metadata("name")?.stringValue ?? "")" }
    }

    @Test func watchFromResourceVersionSeesLaterChangesInOrder() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("before"))
            let start = try await api.get(O.configMaps).json["metadata"]?["resourceVersion"]?.stringValue ?? ""

            var watch = try await api.watch("\(O.configMaps)?watch=true&resourceVersion=\(start)")
            #expect(watch.status == 200)
            var object = try await api.create(O.configMaps, O.configMap("w", data: ["a": "1"]))
            object["data"] = ["a": "2"]
            let updated = try await api.put("\(O.configMaps)/w", object).json
            let deleted = try await api.delete("\(O.configMaps)/w").json

            let events = try await watch.next(3)
            #expect(Self.summary(events) == ["ADDED w", "MODIFIED w", "DELETED w"])
            #expect(events[0]["object"]?.resourceVersionText == object.resourceVersionText)
            #expect(events[1]["object"]?["data"] == ["a": "2"])
            #expect(events[1]["object"]?.resourceVersionText == updated.resourceVersionText)
            #expect(events[2]["object"]?.resourceVersionText == deleted.resourceVersionText)
            let revisions = events.compactMap { Int64($0["object"]?.resourceVersionText ?? "") }
            #expect(revisions == revisions.sorted() && revisions.count == 3)
        }
    }

    @Test func watchReplaysChangesMadeBeforeItOpened() async throws {
        try await APIClient.withServer { api in
            let start = try await api.get(O.configMaps).json["metadata"]?["resourceVersion"]?.stringValue ?? ""
            try await api.create(O.configMaps, O.configMap("x"))
            try await api.create(O.configMaps, O.configMap("y"))
            _ = try await api.delete("\(O.configMaps)/x")

            var watch = try await api.watch("\(O.configMaps)?watch=true&resourceVersion=\(start)")
            #expect(Self.summary(try await watch.next(3)) == ["ADDED x", "ADDED y", "DELETED x"])
        }
    }

    @Test func watchWithLabelSelectorSeesObjectsLeavingAsDeleted() async throws {
        try await APIClient.withServer { api in
            let start = try await api.get(O.configMaps).json["metadata"]?["resourceVersion"]?.stringValue ?? ""
            var watch = try await api.watch("\(O.configMaps)?watch=true&labelSelector=app%3Dweb&resourceVersion=\(start)")
            try await api.create(O.configMaps, O.configMap("other", labels: ["app": "db"]))
            _ = try await api.patch("\(O.configMaps)/other", ["metadata": ["labels": ["app": "web"]]], type: "application/merge-patch+json")
            _ = try await api.patch("\(O.configMaps)/other", ["metadata": ["labels": ["app": "db"]]], type: "application/merge-patch+json")
            #expect(Self.summary(try await watch.next(2)) == ["ADDED other", "DELETED other"])
        }
    }

    /// `?watch` with no value is a watch, as Kubernetes' parameter codec reads booleans.
    @Test func bareWatchParameterOpensAWatch() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("existing"))
            var watch = try await api.watch("\(O.configMaps)?watch&timeoutSeconds=1")
            #expect(watch.status == 200)
            #expect(Self.summary(try await watch.rest()) == ["ADDED existing"])
        }
    }

    @Test func timeoutSecondsEndsTheStream() async throws {
        try await APIClient.withServer { api in
            let clock = ContinuousClock()
            let started = clock.now
            var watch = try await api.watch("\(O.configMaps)?watch=true&timeoutSeconds=1")
            #expect(watch.status == 200)
            let events = try await watch.rest()
            #expect(events.isEmpty)
            #expect(clock.now - started >= .seconds(1))
        }
    }

    @Test func initialEventsEndWithAnnotatedBookmark() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("one"))
            try await api.create(O.configMaps, O.configMap("two"))
            var watch = try await api.watch(
                "\(O.configMaps)?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true")
            #expect(watch.status == 200)
            let events = try await watch.next(3)
            #expect(Self.summary(Array(events.prefix(2))) == ["ADDED one", "ADDED two"])
            let bookmark = events[2]
            #expect(bookmark["type"] == "BOOKMARK")
            #expect(bookmark["object"]?["kind"] == "ConfigMap")
            #expect(bookmark["object"]?["apiVersion"] == "v1")
            #expect(bookmark["object"]?.metadata("annotations") == ["k8s.io/initial-events-end": "true"])
            let bookmarkRV = Int64(bookmark["object"]?.resourceVersionText ?? "") ?? 0
            let lastRV = Int64(events[1]["object"]?.resourceVersionText ?? "") ?? .max
            #expect(bookmarkRV >= lastRV)
        }
    }

    @Test func sendInitialEventsWithoutBookmarksIsBadRequest() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("\(O.configMaps)?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan")
            #expect(reply.status == 400)
            #expect(reply.reason == "BadRequest")
            #expect(reply.message.contains("allowWatchBookmarks=true"))
        }
    }
}
