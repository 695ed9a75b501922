import Foundation
import Resources
import Testing

/// POST on a collection: what the server fills in, and every way a create is refused.
@Suite struct CreateTests {
    typealias O = TestObjects

    @Test func createAnswers201WithSystemMetadata() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.post(O.deployments, O.deployment("web"))
            #expect(reply.status == 201)
            let meta = try #require(reply.json["metadata"])
            #expect(meta["name"] == "web")
            #expect(meta["namespace"] == "default")
            #expect(UUID(uuidString: meta["uid"]?.stringValue ?? "") != nil)
            #expect(Int64(meta["resourceVersion"]?.stringValue ?? "") ?? 0 > 0)
            #expect(meta["generation"] == 1)
            let created = try #require(meta["creationTimestamp"]?.stringValue)
            #expect(created.hasSuffix("Z"))
            #expect(ISO8601DateFormatter().date(from: created) != nil)
        }
    }

    @Test func aNodeKeepsTheStatusItRegistersWithWhileOtherKindsStartFresh() async throws {
        try await APIClient.withServer { api in
            let node: JSONValue = ["apiVersion": "v1", "kind": "Node", "metadata": ["name": "worker"],
                                   "status": ["capacity": ["cpu": "4", "pods": "110"],
                                              "conditions": [["type": "Ready", "status": "True"]]]]
            let created = try await api.post("/api/v1/nodes", node)
            #expect(created.status == 201)
            #expect(created.json["status"]?["capacity"]?["cpu"] == "4", "a node agent registers with its capacity")
            #expect(created.json["status"]?["conditions"]?.arrayValue?.first?["type"] == "Ready")

            var deployment = O.deployment("web")
            deployment["status"] = ["replicas": 7]
            let reply = try await api.post(O.deployments, deployment)
            #expect(reply.status == 201)
            #expect(reply.json["status"]?["replicas"] == nil, "status is the controller's to write")
        }
    }

    @Test func priorityAdmissionResolvesTheClassAndRefusesUnknownOnes() async throws {
        try await APIClient.withServer { api in
            let classes = "/apis/scheduling.k8s.io/v1/priorityclasses"
            #expect(try await api.get("\(classes)/system-cluster-critical").json["value"] == 2_000_000_000, "system classes exist")
            let plain = try await api.post(O.pods, O.pod("plain"))
            #expect(plain.json["spec"]?["priority"] == 0, "no class and no global default: priority 0")
            #expect(plain.json["spec"]?["preemptionPolicy"] == "PreemptLowerPriority")

            let batch: JSONValue = ["apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": ["name": "batch"],
                                    "value": 100, "globalDefault": true, "preemptionPolicy": "Never"]
            #expect(try await api.post(classes, batch).status == 201)
            let defaulted = try await api.post(O.pods, O.pod("defaulted"))
            #expect(defaulted.json["spec"]?["priorityClassName"] == "batch")
            #expect(defaulted.json["spec"]?["priority"] == 100)
            #expect(defaulted.json["spec"]?["preemptionPolicy"] == "Never")

            var unknown = O.pod("unknown")
            unknown["spec"]?["priorityClassName"] = "nonexistent"
            let refused = try await api.post(O.pods, unknown)
            #expect(refused.status == 403)
            #expect(refused.json["message"] == "pods \"unknown\" is forbidden: no PriorityClass with name nonexistent was found")

            var forged = O.pod("forged")
            forged["spec"]?["priorityClassName"] = "system-node-critical"
            forged["spec"]?["priority"] = 7
            #expect(try await api.post(O.pods, forged).status == 403, "a pod may not pick its own priority")
        }
    }

    @Test func jobWithoutManualSelectorGetsASelectorOnItsUidAndLabelledPods() async throws {
        try await APIClient.withServer { api in
            let body: JSONValue = ["apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "task"],
                                   "spec": ["template": ["spec": ["restartPolicy": "Never",
                                                                  "containers": [["name": "main", "image": "busybox"]]]]]]
            let reply = try await api.post("/apis/batch/v1/namespaces/default/jobs", body)
            #expect(reply.status == 201)
            let uid = try #require(reply.json.metadata("uid"))
            #expect(reply.json["spec"]?["selector"]?["matchLabels"]?["batch.kubernetes.io/controller-uid"] == uid)
            let labels = reply.json["spec"]?["template"]?["metadata"]?["labels"]
            #expect(labels?["batch.kubernetes.io/controller-uid"] == uid)
            #expect(labels?["controller-uid"] == uid)
            #expect(labels?["batch.kubernetes.io/job-name"] == "task")
            #expect(labels?["job-name"] == "task")
        }
    }

    @Test func generateNameAppendsFiveCharacterSuffix() async throws {
        try await APIClient.withServer { api in
            let body: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["generateName": "cfg-"]]
            let reply = try await api.post(O.configMaps, body)
            #expect(reply.status == 201)
            let name = try #require(reply.json.metadata("name")?.stringValue)
            #expect(name.hasPrefix("cfg-"))
            #expect(name.count == "cfg-".count + 5)
            #expect(name.dropFirst(4).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
            #expect(try await api.get("\(O.configMaps)/\(name)").status == 200)
        }
    }

    @Test func createTwiceIsAlreadyExists() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.configMaps, O.configMap("twice"))
            let reply = try await api.post(O.configMaps, O.configMap("twice"))
            #expect(reply.status == 409)
            #expect(reply.reason == "AlreadyExists")
            #expect(reply.message == "configmaps \"twice\" already exists")
            #expect(reply.json["details"]?["name"] == "twice")
            #expect(reply.json["details"]?["kind"] == "configmaps")
        }
    }

    @Test func createInMissingNamespaceIsNotFound() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.post("/api/v1/namespaces/nowhere/configmaps", O.configMap("c"))
            #expect(reply.status == 404)
            #expect(reply.reason == "NotFound")
            #expect(reply.message == "namespaces \"nowhere\" not found")
        }
    }

    @Test func bodyKindOtherThanTheEndpointsIsBadRequest() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.post(O.configMaps, O.pod("p"))
            #expect(reply.status == 400)
            #expect(reply.reason == "BadRequest")
            #expect(reply.message == "the kind in the data (Pod) does not match the expected kind (ConfigMap)")
        }
    }

    @Test func yamlBodyIsAccepted() async throws {
        try await APIClient.withServer { api in
            let yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: from-yaml
              labels: {source: yaml}
            data:
              key: value
            """
            let reply = try await api.send(.POST, O.configMaps, bytes: Array(yaml.utf8), contentType: "application/yaml")
            #expect(reply.status == 201)
            #expect(reply.json.metadata("name") == "from-yaml")
            #expect(reply.json.metadata("labels") == ["source": "yaml"])
            #expect(reply.json["data"] == ["key": "value"])
        }
    }

    @Test func bodyWithoutContentTypeIsReadAsJSON() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.send(.POST, O.configMaps, bytes: O.configMap("plain").serializedBytes(), contentType: nil)
            #expect(reply.status == 201)
            #expect(reply.json.metadata("name") == "plain")
        }
    }

    @Test func bodyOverThreeMebibytesIsTooLarge() async throws {
        try await APIClient.withServer { api in
            let big = String(repeating: "x", count: 3 * 1024 * 1024 + 1)
            let reply = try await api.post(O.configMaps, O.configMap("big", data: ["blob": big]))
            #expect(reply.status == 413)
            #expect(reply.reason == "RequestEntityTooLarge")
            #expect(reply.message.contains("limit is 3145728"))
        }
    }

    @Test func invalidObjectIsUnprocessableWithFieldCauses() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.post(O.deployments, O.deployment("noimage", containers: ["web": ""]))
            #expect(reply.status == 422)
            #expect(reply.reason == "Invalid")
            #expect(reply.message.hasPrefix("Deployment.apps \"noimage\" is invalid: "))
            #expect(reply.message.contains("spec.template.spec.containers[0].image: Required value"))
            #expect(reply.json["details"]?["kind"] == "Deployment")
            #expect(reply.json["details"]?["group"] == "apps")
            let causes = reply.json["details"]?["causes"]?.arrayValue ?? []
            #expect(causes.contains(["reason": "FieldValueRequired", "message": "Required value",
                                     "field": "spec.template.spec.containers[0].image"]))
        }
    }

    @Test func strictFieldValidationRefusesUnknownField() async throws {
        try await APIClient.withServer { api in
            var body = O.deployment("strict")
            body["spec"]?["foo"] = "bar"
            let reply = try await api.post("\(O.deployments)?fieldValidation=Strict", body)
            #expect(reply.status == 400)
            #expect(reply.reason == "BadRequest")
            #expect(reply.message.contains("strict decoding error: unknown field \"spec.foo\""))
            #expect(try await api.get("\(O.deployments)/strict").status == 404)
        }
    }

    @Test func warnFieldValidationCreatesAndSendsWarningHeader() async throws {
        try await APIClient.withServer { api in
            var body = O.deployment("warned")
            body["spec"]?["foo"] = "bar"
            let reply = try await api.post("\(O.deployments)?fieldValidation=Warn", body)
            #expect(reply.status == 201)
            #expect(reply.headers["Warning"] == ["299 - \"unknown field \\\"spec.foo\\\"\""])
            #expect(reply.json["spec"]?["foo"] == nil)
        }
    }

    @Test func dryRunAnswersTheObjectButStoresNothing() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.post("\(O.configMaps)?dryRun=All", O.configMap("dry"))
            #expect(reply.status == 201)
            #expect(reply.json.metadata("name") == "dry")
            #expect(reply.json.metadata("uid") != nil)
            let get = try await api.get("\(O.configMaps)/dry")
            #expect(get.status == 404)
            #expect(get.reason == "NotFound")
        }
    }
}
