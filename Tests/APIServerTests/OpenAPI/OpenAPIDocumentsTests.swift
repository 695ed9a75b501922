import Testing
@testable import APIServer
import Resources

/// The documents as kubectl v1.32 reads them: explain (v3, kinds found by
/// `x-kubernetes-group-version-kind`), the field-validation verifier (`fieldValidation` on the
/// kind's PATCH operations), and apply (strategic merge metadata and patch media types).
@Suite struct OpenAPIDocumentsTests {
    let registry = ResourceRegistry.builtIn
    let documents = OpenAPIDocuments(registry: .builtIn)

    private func v3Path(_ resource: ServedResource) -> String {
        String(ResourcePaths.prefix(group: resource.type.group, version: resource.type.version).dropFirst())
    }

    private func gvk(_ resource: ServedResource) -> JSONValue {
        ["group": .string(resource.type.group), "version": .string(resource.type.version), "kind": .string(resource.kind)]
    }

    private func tagged(_ definitions: [String: JSONValue]?, with gvk: JSONValue) -> [String] {
        (definitions ?? [:]).filter { $0.value["x-kubernetes-group-version-kind"]?.arrayValue?.contains(gvk) == true }
            .map(\.key)
    }

    @Test func everyServedKindHasAGVKTaggedDefinition() throws {
        for resource in registry.resources {
            #expect(tagged(documents.v2["definitions"]?.objectValue, with: gvk(resource)).count == 1, "\(resource.type)")
            let v3 = try #require(documents.v3(groupVersionPath: v3Path(resource)))
            #expect(tagged(v3["components"]?["schemas"]?.objectValue, with: gvk(resource)).count == 1, "\(resource.type)")
        }
    }

    @Test func everyReferenceResolves() throws {
        let v2Definitions = try #require(documents.v2["definitions"]?.objectValue)
        for name in OpenAPIDocuments.references(in: documents.v2, prefix: "#/definitions/") {
            #expect(v2Definitions[name] != nil, "v2 \(name)")
        }
        for (key, _) in try #require(documents.v3Index["paths"]?.objectValue) {
            let document = try #require(documents.v3(groupVersionPath: key))
            let schemas = try #require(document["components"]?["schemas"]?.objectValue)
            for name in OpenAPIDocuments.references(in: document, prefix: "#/components/schemas/") {
                #expect(schemas[name] != nil, "\(key) \(name)")
            }
            #expect(OpenAPIDocuments.references(in: document, prefix: "#/definitions/").isEmpty)
        }
    }

    /// kubectl's `supportsQueryParamV3`: the first PATCH operation tagged with the kind must list
    /// `fieldValidation` as a query parameter (paths are a map, so every one must).
    @Test func everyPatchOfAKindTakesFieldValidation() throws {
        for resource in registry.resources {
            let document = try #require(documents.v3(groupVersionPath: v3Path(resource)))
            var patches = 0
            for (_, item) in document["paths"]?.objectValue ?? [:] {
                guard let patch = item["patch"], patch["x-kubernetes-group-version-kind"] == gvk(resource) else { continue }
                patches += 1
                let parameters = patch["parameters"]?.arrayValue ?? []
                for name in ["fieldValidation", "dryRun", "fieldManager"] {
                    #expect(parameters.contains { $0["name"] == .string(name) && $0["in"] == "query" }, "\(resource.type) \(name)")
                }
            }
            #expect(patches >= 1, "\(resource.type)")
        }
    }

    @Test func deploymentsPathHasFieldValidationOnPatchCreateAndReplace() throws {
        let item = "/apis/apps/v1/namespaces/{namespace}/deployments/{name}"
        let collection = "/apis/apps/v1/namespaces/{namespace}/deployments"
        let v3 = try #require(documents.v3(groupVersionPath: "apis/apps/v1"))
        for document in [documents.v2, v3] {
            for (path, method) in [(item, "patch"), (item, "put"), (collection, "post")] {
                let operation = try #require(document["paths"]?[path]?[method])
                let names = (operation["parameters"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
                #expect(names.contains("fieldValidation"), "\(method) \(path)")
                #expect(names.contains("dryRun"), "\(method) \(path)")
                #expect(operation["x-kubernetes-action"] == .string(method == "post" ? "post" : method))
                #expect(operation["x-kubernetes-group-version-kind"]
                    == ["group": "apps", "version": "v1", "kind": "Deployment"])
            }
        }
    }

    /// kubectl apply computes a strategic merge patch from v3 when the kind's PATCH operation
    /// accepts `application/strategic-merge-patch+json`, from v2 when its `consumes` does.
    @Test func patchOperationsAcceptStrategicMergePatch() throws {
        let path = "/api/v1/namespaces/{namespace}/pods/{name}"
        let v3 = try #require(documents.v3(groupVersionPath: "api/v1"))
        #expect(v3["paths"]?[path]?["patch"]?["requestBody"]?["content"]?["application/strategic-merge-patch+json"] != nil)
        #expect(documents.v2["paths"]?[path]?["patch"]?["consumes"]?.arrayValue?
            .contains("application/strategic-merge-patch+json") == true)
    }

    /// kubectl explain's template: find the GVK on the resource's list or item path, then the
    /// schema whose `x-kubernetes-group-version-kind` contains it.
    @Test func explainFindsEveryKindFromItsResourcePath() throws {
        for resource in registry.resources {
            let document = try #require(documents.v3(groupVersionPath: v3Path(resource)))
            let prefix = ResourcePaths.prefix(group: resource.type.group, version: resource.type.version)
            let candidates = [
                "\(prefix)/\(resource.type.plural)", "\(prefix)/\(resource.type.plural)/{name}",
                "\(prefix)/namespaces/{namespace}/\(resource.type.plural)",
                "\(prefix)/namespaces/{namespace}/\(resource.type.plural)/{name}",
            ]
            var found: JSONValue?
            search: for path in candidates {
                for method in ["get", "post", "put", "patch", "delete"] {
                    if let kind = document["paths"]?[path]?[method]?["x-kubernetes-group-version-kind"] {
                        found = kind
                        break search
                    }
                }
            }
            let kind = try #require(found, "\(resource.type)")
            #expect(kind == gvk(resource))
            let schemas = tagged(document["components"]?["schemas"]?.objectValue, with: kind)
            #expect(schemas.count == 1, "\(resource.type)")
            #expect(document["components"]?["schemas"]?[schemas.first ?? ""]?["properties"]?["metadata"] != nil)
        }
    }

    @Test func v3IndexHashesMatchTheirDocuments() throws {
        let paths = try #require(documents.v3Index["paths"]?.objectValue)
        #expect(Set(paths.keys) == ["api/v1", "apis/apps/v1", "apis/batch/v1", "apis/coordination.k8s.io/v1",
                                    "apis/discovery.k8s.io/v1", "apis/scheduling.k8s.io/v1", "apis/storage.k8s.io/v1"])
        var hashes: Set<String> = []
        for (key, entry) in paths {
            let url = try #require(entry["serverRelativeURL"]?.stringValue)
            let document = try #require(documents.v3(groupVersionPath: key))
            let hash = OpenAPIDocuments.hash(of: document)
            #expect(url == "/openapi/v3/\(key)?hash=\(hash)")
            #expect(hash.count == 128)
            hashes.insert(hash)
        }
        #expect(hashes.count == paths.count)
        // SHA-512 of "{}", the serialization of an empty object.
        #expect(OpenAPIDocuments.hash(of: [:]) == "27C74670ADB75075FAD058D5CEAF7B20C4E7786C83BAE8A32F626F9782AF34C9A33C2046EF60FD2A7878D378E29FEC851806BBD9A67878F3A9F1CDA4830763FD")
    }

    @Test func unknownGroupVersionsHaveNoDocument() {
        #expect(documents.v3(groupVersionPath: "apis/policy/v1") == nil)
        #expect(documents.v3(groupVersionPath: "/api/v1") != nil)
    }

    @Test func specialTypesMatchUpstream() throws {
        let v3 = try #require(documents.v3(groupVersionPath: "apis/apps/v1")?["components"]?["schemas"])
        let intOrString = try #require(v3["io.k8s.apimachinery.pkg.util.intstr.IntOrString"])
        #expect(intOrString["format"] == "int-or-string")
        #expect(intOrString["x-kubernetes-int-or-string"] == true)
        #expect(intOrString["oneOf"] == [["type": "integer"], ["type": "string"]])
        let v2 = try #require(documents.v2["definitions"])
        #expect(v2["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]?["type"] == "string")
        #expect(v2["io.k8s.apimachinery.pkg.api.resource.Quantity"]?["type"] == "string")
        #expect(v2["io.k8s.apimachinery.pkg.apis.meta.v1.Time"]?["format"] == "date-time")
        #expect(v2["io.k8s.apps.v1.Deployment"] == nil)
        #expect(v2["io.k8s.api.autoscaling.v1.Scale"]?["x-kubernetes-group-version-kind"]
            == [["group": "autoscaling", "version": "v1", "kind": "Scale"]])
        #expect(v2["io.k8s.apimachinery.pkg.apis.meta.v1.Status"] != nil)
        #expect(v2["io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"] != nil)
    }

    /// Upstream's v3 puts a reference with siblings (description, patch extensions) in a
    /// one-element allOf; a bare `$ref` never has siblings.
    @Test func v3ReferencesWithSiblingsAreWrappedInAllOf() throws {
        let v3 = try #require(documents.v3(groupVersionPath: "apis/apps/v1"))
        func visit(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if members["$ref"] != nil { #expect(members.count == 1, "\(members)") }
                members.values.forEach(visit)
            case .array(let elements): elements.forEach(visit)
            default: break
            }
        }
        visit(v3)
        let strategy = try #require(v3["components"]?["schemas"]?["io.k8s.api.apps.v1.DeploymentSpec"]?["properties"]?["strategy"])
        #expect(strategy["allOf"] == [["$ref": "#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy"]])
        #expect(strategy["x-kubernetes-patch-strategy"] == "retainKeys")
    }

    @Test func definitionsCarryPatchExtensions() throws {
        let podSpec = try #require(documents.v2["definitions"]?["io.k8s.api.core.v1.PodSpec"]?["properties"])
        #expect(podSpec["containers"]?["x-kubernetes-patch-strategy"] == "merge")
        #expect(podSpec["containers"]?["x-kubernetes-patch-merge-key"] == "name")
        #expect(podSpec["containers"]?["x-kubernetes-list-type"] == "map")
        #expect(podSpec["containers"]?["x-kubernetes-list-map-keys"] == ["name"])
        #expect(podSpec["volumes"]?["x-kubernetes-patch-strategy"] == "merge,retainKeys")
        #expect(podSpec["containers"]?["items"] == ["$ref": "#/definitions/io.k8s.api.core.v1.Container"])
    }
}
