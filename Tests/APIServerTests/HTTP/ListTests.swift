import Foundation
import Resources
import Store
import Testing

/// GET on a collection: selectors, paging, every namespace, and reads at an older revision.
@Suite struct ListTests {
    typealias O = TestObjects

    @Test func labelSelectorFiltersItems() async throws {
        try await APIClient.withServer { api in
            for (name, labels) in [("a", ["app": "web", "tier": "front"]), ("b", ["app": "web"]), ("c", ["app": "db"])] {
                try await api.create(O.configMaps, O.configMap(name, labels: labels))
            }
            let cases: [(selector: String, names: [String])] = [
                ("app%3Dweb", ["a", "b"]),
                ("app%21%3Dweb", ["c"]),
                ("app%3Dweb%2Ctier", ["a"]),
                ("app+in+%28db%2Cweb%29", ["a", "b", "c"]),
                ("%21tier", ["b", "c"]),
            ]
            for c in cases {
                let reply = try await api.get("\(O.configMaps)?labelSelector=\(c.selector)")
                #expect(reply.status == 200, "\(c.selector)")
                #expect(O.names(reply.json) == c.names, "\(c.selector)")
            }
        }
    }

    @Test func fieldSelectorOnNameNodeAndPhase() async throws {
        try await APIClient.withServer { api in
            try await api.create(O.pods, O.pod("on-n1", nodeName: "n1"))
            try await api.create(O.pods, O.pod("on-n2", nodeName: "n2"))
            try await api.create(O.pods, O.pod("unscheduled"))
            var running = try await api.get("\(O.pods)/on-n2").json
            running["status"]?["phase"] = "Running"
            #expect(try await api.put("\(O.pods)/on-n2/status", running).status == 200)

            let cases: [(selector: String, names: [String])] = [
                ("metadata.name%3Don-n1", ["on-n1"]),
                ("spec.nodeName%3Dn1", ["on-n1"]),
                ("spec.nodeName%3D", ["unscheduled"]),
                ("spec.nodeName%21%3D", ["on-n1", "on-n2"]),
                ("status.phase%3DRunning", ["on-n2"]),
                ("status.phase%3DPending%2Cspec.nodeName%21%3D", ["on-n1"]),
            ]
            for c in cases {
                let reply = try await api.get("\(O.pods)?fieldSelector=\(c.selector)")
                #expect(reply.status == 200, "\(c.selector)")
                #expect(O.names(reply.json) == c.names, "\(c.selector)")
            }
        }
    }

    @Test func unsupportedFieldSelectorIsBadRequest() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("\(O.configMaps)?fieldSelector=data.a%3D1")
            #expect(reply.status == 400)
            #expect(reply.reason == "BadRequest")
            #expect(reply.message == "field label not supported: data.a")
        }
    }

    @Test func limitAndContinuePageThroughEveryObjectInOrder() async throws {
        try await APIClient.withServer { api in
            for name in ["e", "c", "a", "d", "b"] { try await api.create(O.configMaps, O.configMap(name)) }
            var pages: [[String]] = []
            var remaining: [Int64?] = []
            var revisions: Set<String> = []
            var token = ""
            repeat {
                let reply = try await api.get("\(O.configMaps)?limit=2\(token.isEmpty ? "" : "&continue=\(token)")")
                #expect(reply.status == 200)
                pages.append(O.names(reply.json))
                remaining.append(reply.json["metadata"]?["remainingItemCount"]?.int64Value)
                revisions.insert(reply.json["metadata"]?["resourceVersion"]?.stringValue ?? "")
                token = (reply.json["metadata"]?["continue"]?.stringValue ?? "")
                    .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            } while !token.isEmpty && pages.count < 10
            #expect(pages == [["a", "b"], ["c", "d"], ["e"]])
            #expect(remaining == [3, 1, nil])
            #expect(revisions.count == 1, "every page is read at the first page's revision")
        }
    }

    @Test func continueAfterCompactionIsGone() async throws {
        try await APIClient.withServer { api in
            let store = api.server.store
            for name in ["a", "b", "c"] { try await api.create(O.configMaps, O.configMap(name)) }
            let first = try await api.get("\(O.configMaps)?limit=1").json
            let token = try #require(first["metadata"]?["continue"]?.stringValue)
            try await api.create(O.configMaps, O.configMap("d"))
            try await store.compact(try await store.currentRevision())

            let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
            let reply = try await api.get("\(O.configMaps)?limit=1&continue=\(encoded)")
            #expect(reply.status == 410)
            #expect(reply.reason == "Expired")
            #expect(reply.message.contains("continue parameter is too old"))
        }
    }

    @Test func listWithoutNamespaceCoversEveryNamespace() async throws {
        try await APIClient.withServer { api in
            try await api.create("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "other"]])
            try await api.create(O.pods, O.pod("here"))
            try await api.create("/api/v1/namespaces/other/pods", O.pod("there"))

            let all = try await api.get("/api/v1/pods")
            #expect(all.status == 200)
            #expect(all.json["kind"] == "PodList")
            let items = all.json["items"]?.arrayValue ?? []
            #expect(Set(items.compactMap { $0.metadata("namespace")?.stringValue }) == ["default", "other"])
            #expect(O.names(try await api.get("/api/v1/namespaces/other/pods").json) == ["there"])
        }
    }

    @Test func exactResourceVersionReadsTheOldState() async throws {
        try await APIClient.withServer { api in
            let created = try await api.create(O.configMaps, O.configMap("v", data: ["a": "1"]))
            var changed = created
            changed["data"] = ["a": "2"]
            #expect(try await api.put("\(O.configMaps)/v", changed).status == 200)

            let old = try await api.get("\(O.configMaps)?resourceVersion=\(created.resourceVersionText)&resourceVersionMatch=Exact")
            #expect(old.status == 200)
            #expect(old.json["metadata"]?["resourceVersion"]?.stringValue == created.resourceVersionText)
            #expect(old.json["items"]?.arrayValue?.map { $0["data"] } == [["a": "1"]])

            let now = try await api.get(O.configMaps)
            #expect(now.json["items"]?.arrayValue?.map { $0["data"] } == [["a": "2"]])
        }
    }

    @Test func resourceVersionMatchWithoutResourceVersionIsBadRequest() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("\(O.configMaps)?resourceVersionMatch=Exact")
            #expect(reply.status == 400)
            #expect(reply.reason == "BadRequest")
            #expect(reply.message.contains("resourceVersionMatch is forbidden unless resourceVersion is provided"))
        }
    }
}
