import Testing
@testable import APIServer
import Resources

/// `patchSchema(for:)`: the strategic merge metadata the server patches by, which must be what
/// the documents advertise.
@Suite struct PatchSchemaTests {
    let registry = ResourceRegistry.builtIn
    let documents = OpenAPIDocuments(registry: .builtIn)

    private func schema(_ plural: String, group: String = "", version: String = "v1") throws -> any StrategicMergeSchema {
        let resource = try #require(registry.resource(group: group, version: version, plural: plural))
        return try #require(documents.patchSchema(for: resource))
    }

    @Test func patchSchemaGivesContainersMergeKeyName() throws {
        let deployment = try schema("deployments", group: "apps")
        let podSpec = try #require(deployment.member("spec")?.valueSchema?.member("template")?.valueSchema?
            .member("spec")?.valueSchema)
        let containers = try #require(podSpec.member("containers"))
        #expect(containers.patchMergeKey == "name")
        #expect(containers.patchStrategies == ["merge"])
        #expect(podSpec.member("volumes")?.patchStrategies == ["merge", "retainKeys"])
        let env = try #require(containers.valueSchema?.member("env"))
        #expect(env.patchMergeKey == "name")
    }

    @Test func membersWithoutMetadataHaveNone() throws {
        let pod = try schema("pods")
        let labels = try #require(pod.member("metadata")?.valueSchema?.member("labels"))
        #expect(labels.patchStrategies.isEmpty)
        #expect(labels.patchMergeKey == nil)
        #expect(labels.valueSchema == nil)
        #expect(pod.member("noSuchMember") == nil)
    }

    @Test func objectMetaOwnerReferencesMergeByUID() throws {
        let ownerReferences = try #require(try schema("configmaps").member("metadata")?.valueSchema?.member("ownerReferences"))
        #expect(ownerReferences.patchMergeKey == "uid")
        #expect(ownerReferences.valueSchema?.member("uid") != nil)
    }

    /// Walks every kind's definition in /openapi/v2 beside its patch schema: each member's
    /// `x-kubernetes-patch-strategy` and merge key must be the patch schema's, at every depth.
    @Test func patchSchemaMatchesTheAdvertisedExtensions() throws {
        let definitions = try #require(documents.v2["definitions"]?.objectValue)
        var visited: Set<String> = []
        func compare(_ name: String, _ merge: any StrategicMergeSchema) {
            guard visited.insert(name).inserted, let properties = definitions[name]?["properties"]?.objectValue else { return }
            for (member, json) in properties {
                guard let advertised = merge.member(member) else {
                    Issue.record("\(name).\(member) is advertised but not in the patch schema")
                    continue
                }
                let strategies = Set(json["x-kubernetes-patch-strategy"]?.stringValue?.split(separator: ",").map(String.init) ?? [])
                #expect(advertised.patchStrategies == strategies, "\(name).\(member)")
                #expect(advertised.patchMergeKey == json["x-kubernetes-patch-merge-key"]?.stringValue, "\(name).\(member)")
                let ref = (json["$ref"] ?? json["items"]?["$ref"] ?? json["additionalProperties"]?["$ref"])?.stringValue
                if let ref, let child = advertised.valueSchema {
                    compare(String(ref.dropFirst("#/definitions/".count)), child)
                }
            }
        }
        for resource in registry.resources {
            let merge = try #require(documents.patchSchema(for: resource))
            let name = try #require(definitions.first { $0.value["x-kubernetes-group-version-kind"]?.arrayValue?
                .contains(["group": .string(resource.type.group), "version": .string(resource.type.version),
                           "kind": .string(resource.kind)]) == true }?.key)
            compare(name, merge)
        }
        #expect(visited.contains("io.k8s.api.core.v1.Container"))
    }
}
