import Resources
import Testing

/// PUT on an object and on its `/status`: compare-and-swap, generation, and which half of the
/// object each endpoint may change.
@Suite struct UpdateTests {
    typealias O = TestObjects

    @Test func staleResourceVersionIsConflict() async throws {
        try await APIClient.withServer { api in
            let created = try await api.create(O.configMaps, O.configMap("cas"))
            var first = created
            first["data"] = ["a": "2"]
            #expect(try await api.put("\(O.configMaps)/cas", first).status == 200)

            var stale = created
            stale["data"] = ["a": "3"]
            let reply = try await api.put("\(O.configMaps)/cas", stale)
            #expect(reply.status == 409)
            #expect(reply.reason == "Conflict")
            #expect(reply.message == "Operation cannot be fulfilled on configmaps \"cas\": the object has been modified; please apply your changes to the latest version and try again")
            #expect(try await api.get("\(O.configMaps)/cas").json["data"] == ["a": "2"])
        }
    }

    @Test func specChangeBumpsGenerationButLabelChangeDoesNot() async throws {
        try await APIClient.withServer { api in
            let path = "\(O.deployments)/web"
            var object = try await api.create(O.deployments, O.deployment("web"))
            #expect(object.metadata("generation") == 1)

            object["metadata"]?["labels"] = ["tier": "front"]
            object = try await api.put(path, object).json
            #expect(object.metadata("labels") == ["tier": "front"])
            #expect(object.metadata("generation") == 1)

            object["spec"]?["replicas"] = 5
            object = try await api.put(path, object).json
            #expect(object["spec"]?["replicas"] == 5)
            #expect(object.metadata("generation") == 2)
        }
    }

    @Test func statusInMainResourceUpdateIsIgnored() async throws {
        try await APIClient.withServer { api in
            var object = try await api.create(O.deployments, O.deployment("web"))
            object["status"] = ["replicas": 7, "readyReplicas": 7]
            object["spec"]?["replicas"] = 3
            let reply = try await api.put("\(O.deployments)/web", object)
            #expect(reply.status == 200)
            #expect(reply.json["spec"]?["replicas"] == 3)
            #expect(reply.json["status"]?["replicas"] == nil)
            #expect(try await api.get("\(O.deployments)/web").json["status"]?["replicas"] == nil)
        }
    }

    @Test func statusUpdateChangesOnlyStatus() async throws {
        try await APIClient.withServer { api in
            var object = try await api.create(O.deployments, O.deployment("web", replicas: 2))
            object["status"] = ["replicas": 2, "readyReplicas": 1]
            object["spec"]?["replicas"] = 9
            object["metadata"]?["labels"] = ["sneaky": "yes"]
            let reply = try await api.put("\(O.deployments)/web/status", object)
            #expect(reply.status == 200)
            #expect(reply.json["status"]?["replicas"] == 2)
            #expect(reply.json["status"]?["readyReplicas"] == 1)
            #expect(reply.json["spec"]?["replicas"] == 2)
            #expect(reply.json.metadata("labels") == nil)
            #expect(reply.json.metadata("generation") == 1)

            let stored = try await api.get("\(O.deployments)/web").json
            #expect(stored["spec"]?["replicas"] == 2)
            #expect(stored["status"]?["readyReplicas"] == 1)
        }
    }
}
