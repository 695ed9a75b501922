import APIServer
import Client
import Resources
import Testing

/// The in-process client goes through the same handlers as HTTP: typed verbs, conflicts,
/// Status errors and watches.
@Suite struct InProcessClusterClientTests {
    static func configMap(_ name: String, _ data: [String: String] = [:]) -> ConfigMap {
        var map = ConfigMap()
        map.metadata.name = name
        map.metadata.namespace = "default"
        map.data = data
        return map
    }

    @Test func createGetAndListRoundTripTypedObjects() async throws {
        let server = try await InProcessServer.start()
        defer { Task { await server.stop() } }
        let created = try await server.client.create(Self.configMap("settings", ["mode": "fast"]))
        #expect(created.metadata.uid?.isEmpty == false)
        let fetched = try await server.client.get(ConfigMap.self, name: "settings", namespace: "default")
        #expect(fetched.data["mode"] == "fast")
        let list = try await server.client.list(ConfigMap.self, namespace: "default")
        #expect(list.items.map(\.name).contains("settings"))
        #expect(list.metadata.resourceVersion?.isEmpty == false)
    }

    @Test func staleUpdateIsAConflictAndMissingObjectIsNotFound() async throws {
        let server = try await InProcessServer.start()
        defer { Task { await server.stop() } }
        let created = try await server.client.create(Self.configMap("c1"))
        var first = created
        first.data = ["a": "1"]
        _ = try await server.client.update(first)
        var stale = created
        stale.data = ["a": "2"]
        await #expect(throws: ClientError.self) { _ = try await server.client.update(stale) }
        do {
            _ = try await server.client.update(stale)
        } catch {
            #expect(error.isConflict)
        }
        do {
            _ = try await server.client.get(ConfigMap.self, name: "absent", namespace: "default")
            Issue.record("expected NotFound")
        } catch {
            #expect(error.isNotFound)
            #expect(error.reason == "NotFound")
        }
    }

    @Test func watchDeliversAddedModifiedAndDeletedInOrder() async throws {
        let server = try await InProcessServer.start()
        defer { Task { await server.stop() } }
        let initial = try await server.client.list(ConfigMap.self, namespace: "default")
        let events = try await server.client.watch(
            ConfigMap.self, namespace: "default", options: ListOptions(resourceVersion: initial.metadata.resourceVersion))
        var created = try await server.client.create(Self.configMap("w1"))
        created.data = ["k": "v"]
        _ = try await server.client.update(created)
        try await server.client.delete(ConfigMap.self, name: "w1", namespace: "default")
        var seen: [WatchEventType] = []
        for try await event in events where event.object?.name == "w1" {
            seen.append(event.type)
            if seen.count == 3 { break }
        }
        #expect(seen == [.added, .modified, .deleted])
    }
}
