import Resources
import Testing

/// The documents clients read before anything else: `/api`, `/apis`, resource lists,
/// `/version` and the OpenAPI v3 index.
@Suite struct DiscoveryTests {
    @Test func apiListsTheCoreVersion() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("/api")
            #expect(reply.status == 200)
            #expect(reply.json["kind"] == "APIVersions")
            #expect(reply.json["versions"] == ["v1"])
            #expect(reply.json["serverAddressByClientCIDRs"]?.arrayValue?.first?["serverAddress"]
                    == .string("127.0.0.1:\(api.server.port)"))
        }
    }

    @Test func apisListsGroupsWithPreferredVersion() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("/apis")
            #expect(reply.status == 200)
            #expect(reply.json["kind"] == "APIGroupList")
            let groups = reply.json["groups"]?.arrayValue ?? []
            let apps = groups.first { $0["name"] == "apps" }
            #expect(apps?["preferredVersion"] == ["groupVersion": "apps/v1", "version": "v1"])
            #expect(apps?["versions"] == [["groupVersion": "apps/v1", "version": "v1"]])
            #expect(!groups.contains { $0["name"] == "" }, "the core group is served under /api")
        }
    }

    @Test func coreResourceListDescribesPods() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("/api/v1")
            #expect(reply.status == 200)
            #expect(reply.json["kind"] == "APIResourceList")
            #expect(reply.json["groupVersion"] == "v1")
            let resources = reply.json["resources"]?.arrayValue ?? []
            let pods = try #require(resources.first { $0["name"] == "pods" })
            #expect(pods["kind"] == "Pod")
            #expect(pods["namespaced"] == true)
            #expect(pods["singularName"] == "pod")
            #expect(pods["shortNames"] == ["po"])
            #expect(pods["categories"] == ["all"])
            #expect(pods["verbs"] == ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"])
            let status = try #require(resources.first { $0["name"] == "pods/status" })
            #expect(status["kind"] == "Pod")
            #expect(status["verbs"] == ["get", "patch", "update"])
            #expect(resources.first { $0["name"] == "pods/binding" }?["verbs"] == ["create"])
            #expect(resources.first { $0["name"] == "namespaces" }?["namespaced"] == false)
        }
    }

    @Test func appsResourceListHasScaleSubresource() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("/apis/apps/v1")
            #expect(reply.json["groupVersion"] == "apps/v1")
            let scale = reply.json["resources"]?.arrayValue?.first { $0["name"] == "deployments/scale" }
            #expect(scale?["group"] == "autoscaling")
            #expect(scale?["version"] == "v1")
            #expect(scale?["kind"] == "Scale")
        }
    }

    @Test func unknownGroupVersionIsNotFound() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("/apis/example.com/v1")
            #expect(reply.status == 404)
            #expect(reply.reason == "NotFound")
        }
    }

    @Test func versionNamesMajorMinorAndGitVersion() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("/version")
            #expect(reply.status == 200)
            let major = try #require(reply.json["major"]?.stringValue)
            let minor = try #require(reply.json["minor"]?.stringValue)
            let gitVersion = try #require(reply.json["gitVersion"]?.stringValue)
            #expect(Int(major) != nil && Int(minor) != nil)
            #expect(gitVersion.hasPrefix("v\(major).\(minor)."))
        }
    }

    @Test func openAPIV3IndexListsEveryGroupVersion() async throws {
        try await APIClient.withServer { api in
            let reply = try await api.get("/openapi/v3")
            #expect(reply.status == 200)
            let paths = try #require(reply.json["paths"]?.objectValue)
            let core = try #require(paths["api/v1"]?["serverRelativeURL"]?.stringValue)
            #expect(core.hasPrefix("/openapi/v3/api/v1?hash="))
            #expect(paths["apis/apps/v1"] != nil)

            let document = try await api.get(core)
            #expect(document.status == 200)
            #expect(document.json["openapi"]?.stringValue?.hasPrefix("3.") == true)
        }
    }
}
