import Crypto
import Resources

/// The OpenAPI documents of the served kinds: `/openapi/v2`, the `/openapi/v3` index and one v3
/// document per group-version, with Kubernetes' patch extensions; and the strategic merge
/// metadata of each kind, from the same schema.
///
/// Everything is built once, in `init`, from the registry and the model's macro-generated
/// schemas (`SchemaCatalog`); serving a document is a lookup.
public struct OpenAPIDocuments: Sendable {
    private let catalog: SchemaCatalog
    private let objectDefinitions: [ResourceType: String]
    /// `/openapi/v2` (JSON).
    public let v2: JSONValue
    /// `/openapi/v3`: `{"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}, …}}`.
    /// The hash is the upper-case hex SHA-512 of the document's serialized bytes, as upstream's.
    public let v3Index: JSONValue
    private let v3Documents: [String: JSONValue]

    public init(registry: ResourceRegistry) {
        let catalog = SchemaCatalog(registry: registry)
        self.catalog = catalog
        self.objectDefinitions = catalog.kindDefinitions.mapValues(\.object)

        let v2Schemas = SchemaRenderer(dialect: .v2)
        let v2Paths = PathRenderer(schemas: v2Schemas)
        var paths: [String: JSONValue] = [:]
        for resource in registry.resources {
            for path in ResourcePaths(resource: resource, catalog: catalog).paths {
                paths[path.path] = v2Paths.path(path)
            }
        }
        self.v2 = [
            "swagger": "2.0",
            "info": ["title": "Kubernetes", "version": "unversioned"],
            "paths": .object(paths),
            "definitions": .object(catalog.definitions.mapValues(v2Schemas.definition)),
            "securityDefinitions": Self.bearerToken,
            "security": [["BearerToken": []]],
        ]

        var documents: [String: JSONValue] = [:]
        var index: [String: JSONValue] = [:]
        for gv in registry.groupVersions {
            let resources = registry.resources.filter { $0.type.group == gv.group && $0.type.version == gv.version }
            let document = Self.v3Document(resources: resources, catalog: catalog)
            let key = String(ResourcePaths.prefix(group: gv.group, version: gv.version).dropFirst())
            documents[key] = document
            let url = "/openapi/v3/\(key)?hash=\(Self.hash(of: document))"
            index[key] = ["serverRelativeURL": .string(url)]
        }
        self.v3Documents = documents
        self.v3Index = ["paths": .object(index)]
    }

    /// `/openapi/v3/api/v1`, `/openapi/v3/apis/apps/v1`, …: nil for an unknown group-version.
    /// `groupVersionPath` is the part after `/openapi/v3/` (`api/v1`, `apis/apps/v1`).
    public func v3(groupVersionPath: String) -> JSONValue? {
        var key = Substring(groupVersionPath)
        while key.first == "/" { key = key.dropFirst() }
        return v3Documents[String(key)]
    }

    /// The strategic merge metadata of `resource`'s kind.
    public func patchSchema(for resource: ServedResource) -> (any StrategicMergeSchema)? {
        guard let name = objectDefinitions[resource.type], let definition = catalog[name] else { return nil }
        return CatalogMergeSchema(catalog: catalog, definition: definition.schema)
    }

    /// The v3 document of one group-version: its resources' paths and, in
    /// `components.schemas`, every definition those paths reference, transitively.
    private static func v3Document(resources: [ServedResource], catalog: SchemaCatalog) -> JSONValue {
        let schemas = SchemaRenderer(dialect: .v3)
        let renderer = PathRenderer(schemas: schemas)
        var paths: [String: JSONValue] = [:]
        for resource in resources {
            for path in ResourcePaths(resource: resource, catalog: catalog).paths {
                paths[path.path] = renderer.path(path)
            }
        }
        var components: [String: JSONValue] = [:]
        var pending = references(in: .object(paths), prefix: schemas.referencePrefix)
        while let name = pending.popFirst() {
            guard components[name] == nil, let definition = catalog[name] else { continue }
            let json = schemas.definition(definition)
            components[name] = json
            pending.formUnion(references(in: json, prefix: schemas.referencePrefix).subtracting(components.keys))
        }
        return [
            "openapi": "3.0.0",
            "info": ["title": "Kubernetes", "version": "unversioned"],
            "paths": .object(paths),
            "components": [
                "schemas": .object(components),
                "securitySchemes": bearerToken,
            ],
            "security": [["BearerToken": []]],
        ]
    }

    /// The definition names of every `$ref` in `json`.
    static func references(in json: JSONValue, prefix: String) -> Set<String> {
        var found: Set<String> = []
        func visit(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if case .string(let ref)? = members["$ref"], ref.hasPrefix(prefix) {
                    found.insert(String(ref.dropFirst(prefix.count)))
                }
                members.values.forEach(visit)
            case .array(let elements):
                elements.forEach(visit)
            default:
                break
            }
        }
        visit(json)
        return found
    }

    /// Upper-case hex SHA-512 of the document's serialized (sorted-key) bytes.
    static func hash(of document: JSONValue) -> String {
        let digits = Array("0123456789ABCDEF")
        var hex = ""
        for byte in SHA512.hash(data: document.serializedBytes()) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return hex
    }

    private static var bearerToken: JSONValue {
        [
            "BearerToken": [
                "type": "apiKey", "in": "header", "name": "authorization",
                "description": "Bearer Token authentication",
            ],
        ]
    }
}
