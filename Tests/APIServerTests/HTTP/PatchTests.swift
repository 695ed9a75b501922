import Resources
import Testing

/// PATCH with each supported patch type, and the one that is refused.
@Suite struct PatchTests {
    typealias O = TestObjects

    /// A Deployment with two containers, `a` and `b`, each on image `v1`.
    static func twoContainers() -> JSONValue { O.deployment("web", containers: ["a": "a:v1", "b": "b:v1"]) }

    static func containers(_ deployment: JSONValue) -> [String: String] {
        var result: [String: String] = [:]
        for c in deployment["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? [] {
            result[c["name"]?.stringValue ?? ""] = c["image"]?.stringValue ?? ""
        }
        return result
    }

    @Test func mergePatchSetsAndRemovesMembers() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("m", labels: ["keep": "1", "drop": "1"], data: ["a": "1", "b": "2"]))
            let reply = try await api.patch("\(O.configMaps)/m",
                                            ["metadata": ["labels": ["drop": nil, "new": "1"]], "data": ["b": "3"]],
                                            type: "application/merge-patch+json")
            #expect(reply.status == 200)
            #expect(reply.json.metadata("labels") == ["keep": "1", "new": "1"])
            #expect(reply.json["data"] == ["a": "1", "b": "3"])
        }
    }

    @Test func mergePatchReplacesContainerListWhole() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.deployments, Self.twoContainers())
            let reply = try await api.patch("\(O.deployments)/web",
                                            ["spec": ["template": ["spec": ["containers": [["name": "b", "image": "b:v2"]]]]]],
                                            type: "application/merge-patch+json")
            #expect(reply.status == 200)
            #expect(Self.containers(reply.json) == ["b": "b:v2"])
        }
    }

    @Test func jsonPatchAppliesOperationsInOrder() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.deployments, Self.twoContainers())
            let reply = try await api.patch("\(O.deployments)/web", [
                ["op": "test", "path": "/spec/replicas", "value": 2],
                ["op": "replace", "path": "/spec/replicas", "value": 4],
                ["op": "add", "path": "/metadata/labels", "value": ["patched": "json"]],
            ], type: "application/json-patch+json")
            #expect(reply.status == 200)
            #expect(reply.json["spec"]?["replicas"] == 4)
            #expect(reply.json.metadata("labels") == ["patched": "json"])
            #expect(reply.json.metadata("generation") == 2)
        }
    }

    @Test func failedJSONPatchTestIsInvalidAndChangesNothing() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.deployments, Self.twoContainers())
            let reply = try await api.patch("\(O.deployments)/web", [
                ["op": "test", "path": "/spec/replicas", "value": 3],
                ["op": "replace", "path": "/spec/replicas", "value": 4],
            ], type: "application/json-patch+json")
            #expect(reply.status == 422)
            #expect(reply.reason == "Invalid")
            #expect(try await api.get("\(O.deployments)/web").json["spec"]?["replicas"] == 2)
        }
    }

    @Test func strategicMergePatchMergesContainersByName() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.deployments, Self.twoContainers())
            let reply = try await api.patch("\(O.deployments)/web",
                                            ["spec": ["template": ["spec": ["containers": [["name": "b", "image": "b:v2"]]]]]],
                                            type: "application/strategic-merge-patch+json")
            #expect(reply.status == 200)
            #expect(Self.containers(reply.json) == ["a": "a:v1", "b": "b:v2"])
            let names = reply.json["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            #expect(names == ["a", "b"])
        }
    }

    @Test func serverSideApplyIsUnsupportedMediaType() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("ssa"))
            let reply = try await api.send(.PATCH, "\(O.configMaps)/ssa?fieldManager=kubectl",
                                           bytes: Array("data: {a: \"2\"}".utf8), contentType: "application/apply-patch+yaml")
            #expect(reply.status == 415)
            #expect(reply.reason == "UnsupportedMediaType")
            #expect(reply.message.contains("server-side apply"))
        }
    }

    @Test func patchWithStaleResourceVersionIsConflict() async throws {
        try await APIClient.withServer { api in
            let created = try await api.create(O.configMaps, O.configMap("rv"))
            _ = try await api.patch("\(O.configMaps)/rv", ["data": ["a": "2"]], type: "application/merge-patch+json")
            let reply = try await api.patch("\(O.configMaps)/rv",
                                            ["metadata": ["resourceVersion": .string(created.resourceVersionText)], "data": ["a": "3"]],
                                            type: "application/merge-patch+json")
            #expect(reply.status == 409)
            #expect(reply.reason == "Conflict")
        }
    }
}
