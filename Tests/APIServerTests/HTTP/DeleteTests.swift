import Resources
import Testing

/// DELETE of one object and of a collection: immediate removal, finalizers, preconditions and
/// propagation policies.
@Suite struct DeleteTests {
    typealias O = TestObjects

    @Test func deleteRemovesTheObject() async throws {
        try await APIClient.withServer { api in
            let created = try await api.create(O.configMaps, O.configMap("gone"))
            let reply = try await api.delete("\(O.configMaps)/gone")
            #expect(reply.status == 200)
            #expect(reply.json.metadata("name") == "gone")
            #expect(reply.json.metadata("uid") == created.metadata("uid"))
            let get = try await api.get("\(O.configMaps)/gone")
            #expect(get.status == 404)
            #expect(get.reason == "NotFound")
            #expect(try await api.delete("\(O.configMaps)/gone").status == 404)
        }
    }

    @Test func deleteWithFinalizersMarksTheObjectDeleting() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("held", finalizers: ["example.com/hold"]))
            let reply = try await api.delete("\(O.configMaps)/held")
            #expect(reply.status == 200)
            #expect(reply.json.metadata("deletionTimestamp")?.stringValue != nil)
            #expect(reply.json.metadata("finalizers") == ["example.com/hold"])

            let stored = try await api.get("\(O.configMaps)/held")
            #expect(stored.status == 200)
            #expect(stored.json.metadata("deletionTimestamp") == reply.json.metadata("deletionTimestamp"))
        }
    }

    enum FinalizerRemoval: String, CaseIterable, Sendable { case update, mergePatch, jsonPatch }

    @Test(arguments: FinalizerRemoval.allCases)
    func removingTheLastFinalizerOfADeletingObjectRemovesIt(_ how: FinalizerRemoval) async throws {
        try await APIClient.withServer { api in
            let path = "\(O.configMaps)/held"
            try await api.create(O.configMaps, O.configMap("held", finalizers: ["example.com/hold"]))
            let marked = try await api.delete(path).json
            let reply: APIReply
            switch how {
            case .update:
                var object = marked
                object["metadata"]?["finalizers"] = nil
                reply = try await api.put(path, object)
            case .mergePatch:
                reply = try await api.patch(path, ["metadata": ["finalizers": nil]], type: "application/merge-patch+json")
            case .jsonPatch:
                reply = try await api.patch(path, [["op": "remove", "path": "/metadata/finalizers/0"]], type: "application/json-patch+json")
            }
            #expect(reply.status == 200)
            #expect(try await api.get(path).status == 404)
        }
    }

    @Test func removingAFinalizerOfALiveObjectKeepsIt() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("live", finalizers: ["example.com/hold"]))
            let reply = try await api.patch("\(O.configMaps)/live", ["metadata": ["finalizers": nil]], type: "application/merge-patch+json")
            #expect(reply.status == 200)
            #expect(reply.json.metadata("finalizers") == nil)
            #expect(try await api.get("\(O.configMaps)/live").status == 200)
        }
    }

    @Test func uidPreconditionMismatchIsConflict() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("pre"))
            let reply = try await api.delete("\(O.configMaps)/pre", [
                "apiVersion": "v1", "kind": "DeleteOptions", "preconditions": ["uid": "not-the-uid"],
            ])
            #expect(reply.status == 409)
            #expect(reply.reason == "Conflict")
            #expect(reply.message.contains("Precondition failed: UID in precondition: not-the-uid"))
            #expect(try await api.get("\(O.configMaps)/pre").status == 200)
        }
    }

    @Test func matchingUIDPreconditionDeletes() async throws {
        try await APIClient.withServer { api in
            let created = try await api.create(O.configMaps, O.configMap("pre"))
            let uid = try #require(created.metadata("uid"))
            let reply = try await api.delete("\(O.configMaps)/pre", ["preconditions": ["uid": uid]])
            #expect(reply.status == 200)
            #expect(try await api.get("\(O.configMaps)/pre").status == 404)
        }
    }

    @Test func orphanPropagationAddsOrphanFinalizer() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.deployments, O.deployment("web"))
            let reply = try await api.delete("\(O.deployments)/web?propagationPolicy=Orphan")
            #expect(reply.status == 200)
            #expect(reply.json.metadata("finalizers") == ["orphan"])
            #expect(reply.json.metadata("deletionTimestamp")?.stringValue != nil)
            #expect(try await api.get("\(O.deployments)/web").json.metadata("finalizers") == ["orphan"])
        }
    }

    @Test func unknownPropagationPolicyIsInvalid() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("c"))
            let reply = try await api.delete("\(O.configMaps)/c?propagationPolicy=Sideways")
            #expect(reply.status == 422)
            #expect(reply.reason == "Invalid")
            #expect(reply.message.contains("Unsupported value: \"Sideways\""))
        }
    }

    @Test func deleteCollectionDeletesOnlyMatchingObjects() async throws {
        try await APIClient.withServer { api in
            for (name, app) in [("a1", "a"), ("a2", "a"), ("b1", "b")] {
                try await api.create(O.configMaps, O.configMap(name, labels: ["app": app]))
            }
            let reply = try await api.delete("\(O.configMaps)?labelSelector=app%3Da")
            #expect(reply.status == 200)
            #expect(reply.json["kind"] == "ConfigMapList")
            #expect(O.names(reply.json) == ["a1", "a2"])
            #expect(O.names(try await api.get(O.configMaps).json) == ["b1"])
        }
    }
}
