import Resources
import Testing

/// `scale`, `binding` and `log`: the subresources with behaviour of their own.
@Suite struct SubresourceTests {
    typealias O = TestObjects

    @Test func scaleIsAutoscalingScaleWithSelectorString() async throws {
        try await APIClient.withServer { api in
            let created = try await api.create(O.deployments, O.deployment("web", replicas: 3))
            let reply = try await api.get("\(O.deployments)/web/scale")
            #expect(reply.status == 200)
            #expect(reply.json["apiVersion"] == "autoscaling/v1")
            #expect(reply.json["kind"] == "Scale")
            #expect(reply.json.metadata("name") == "web")
            #expect(reply.json.metadata("namespace") == "default")
            #expect(reply.json.metadata("uid") == created.metadata("uid"))
            #expect(reply.json.metadata("resourceVersion") == created.metadata("resourceVersion"))
            #expect(reply.json["spec"]?["replicas"] == 3)
            #expect(reply.json["status"]?["selector"] == "app=web")
        }
    }

    @Test func putScaleChangesSpecReplicas() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.deployments, O.deployment("web", replicas: 2))
            var scale = try await api.get("\(O.deployments)/web/scale").json
            scale["spec"] = ["replicas": 5]
            let reply = try await api.put("\(O.deployments)/web/scale", scale)
            #expect(reply.status == 200)
            #expect(reply.json["kind"] == "Scale")
            #expect(reply.json["spec"]?["replicas"] == 5)

            let deployment = try await api.get("\(O.deployments)/web").json
            #expect(deployment["spec"]?["replicas"] == 5)
            #expect(deployment.metadata("generation") == 2)
            #expect(deployment.resourceVersionText == reply.json.resourceVersionText)
        }
    }

    @Test func scaleWithStaleResourceVersionIsConflict() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.deployments, O.deployment("web"))
            var scale = try await api.get("\(O.deployments)/web/scale").json
            _ = try await api.patch("\(O.deployments)/web", ["metadata": ["labels": ["x": "y"]]], type: "application/merge-patch+json")
            scale["spec"] = ["replicas": 5]
            let reply = try await api.put("\(O.deployments)/web/scale", scale)
            #expect(reply.status == 409)
            #expect(reply.reason == "Conflict")
        }
    }

    @Test func negativeScaleIsInvalid() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.deployments, O.deployment("web"))
            let reply = try await api.patch("\(O.deployments)/web/scale", ["spec": ["replicas": -1]], type: "application/merge-patch+json")
            #expect(reply.status == 422)
            #expect(reply.reason == "Invalid")
            #expect(reply.message.contains("spec.replicas: Invalid value: -1"))
        }
    }

    static func binding(_ pod: String, to node: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "Binding", "metadata": ["name": .string(pod)],
         "target": ["apiVersion": "v1", "kind": "Node", "name": .string(node)]]
    }

    @Test func bindingAssignsNodeAndMarksScheduled() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.pods, O.pod("p"))
            let reply = try await api.post("\(O.pods)/p/binding", Self.binding("p", to: "n1"))
            #expect(reply.status == 201)
            #expect(reply.json["kind"] == "Status")
            #expect(reply.json["status"] == "Success")

            let pod = try await api.get("\(O.pods)/p").json
            #expect(pod["spec"]?["nodeName"] == "n1")
            let scheduled = pod["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "PodScheduled" }
            #expect(scheduled?["status"] == "True")
            #expect(scheduled?["lastTransitionTime"]?.stringValue != nil)
            #expect(pod["status"]?["phase"] == "Pending")
        }
    }

    @Test func secondBindingIsConflict() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.pods, O.pod("p"))
            #expect(try await api.post("\(O.pods)/p/binding", Self.binding("p", to: "n1")).status == 201)
            let reply = try await api.post("\(O.pods)/p/binding", Self.binding("p", to: "n2"))
            #expect(reply.status == 409)
            #expect(reply.reason == "Conflict")
            #expect(reply.message.contains("pod p is already assigned to node \"n1\""))
            #expect(try await api.get("\(O.pods)/p").json["spec"]?["nodeName"] == "n1")
        }
    }

    @Test func bindingWithoutTargetIsInvalid() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.pods, O.pod("p"))
            let reply = try await api.post("\(O.pods)/p/binding", ["apiVersion": "v1", "kind": "Binding", "metadata": ["name": "p"]])
            #expect(reply.status == 422)
            #expect(reply.reason == "Invalid")
            #expect(reply.message.contains("target.name: Required value"))
        }
    }

    @Test func podLogIsBadRequestExplainingWhy() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.pods, O.pod("p"))
            let reply = try await api.get("\(O.pods)/p/log")
            #expect(reply.status == 400)
            #expect(reply.reason == "BadRequest")
            #expect(reply.message == "pods/log is not available for pod \"p\": no node agent is serving containers on this cluster yet")
            #expect(try await api.get("\(O.pods)/missing/log").status == 404)
        }
    }

    @Test func unknownSubresourceIsNotFound() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("c"))
            let reply = try await api.get("\(O.configMaps)/c/scale")
            #expect(reply.status == 404)
            #expect(reply.reason == "NotFound")
        }
    }
}
