import Resources

/// Every schema definition the documents publish, by upstream definition name: the served
/// kinds, their lists, everything they reference, and the request and response bodies of the
/// generic handlers. Each definition records the kinds it describes.
///
/// Built once from the registry; both the OpenAPI documents and the strategic merge schema
/// read it, so what the server merges by is what it advertises.
struct SchemaCatalog: Sendable {
    struct Definition: Sendable {
        var schema: TypeSchema
        /// The kinds this definition describes (`x-kubernetes-group-version-kind`).
        var kinds: [GroupVersionKind] = []
    }

    private(set) var definitions: [String: Definition] = [:]
    /// The definition name of each served kind and of its list, by resource.
    private(set) var kindDefinitions: [ResourceType: (object: String, list: String)] = [:]

    static let status = OpenAPIMetaTypes.Status.schema.definitionName!
    static let deleteOptions = OpenAPIMetaTypes.DeleteOptions.schema.definitionName!
    static let patch = OpenAPIMetaTypes.Patch.schema.definitionName!
    static let watchEvent = OpenAPIMetaTypes.WatchEvent.schema.definitionName!
    static let scale = OpenAPIMetaTypes.Scale.schema.definitionName!
    static let binding = OpenAPIMetaTypes.Binding.schema.definitionName!
    static let eviction = OpenAPIMetaTypes.Eviction.schema.definitionName!
    static let tokenRequest = OpenAPIMetaTypes.TokenRequest.schema.definitionName!
    static let listMeta = ListMeta.schema.definitionName!

    init(registry: ResourceRegistry) {
        for resource in registry.resources {
            let model = resource.objectType
            guard let name = model.schema.definitionName else {
                preconditionFailure("\(resource.type) has no schema: is its model an @APIObject(namespace)?")
            }
            add(model, kind: GroupVersionKind(resource.type))
            let list = Self.listSchema(of: model, name: name, kind: resource.kind)
            add(list, kind: GroupVersionKind(resource.type, kind: resource.kind + "List"))
            kindDefinitions[resource.type] = (name, list.definitionName!)
        }
        add(OpenAPIMetaTypes.Status.self, kind: GroupVersionKind(group: "", version: "v1", kind: "Status"))
        add(OpenAPIMetaTypes.Patch.self)
        for gv in registry.groupVersions {
            add(OpenAPIMetaTypes.DeleteOptions.self, kind: GroupVersionKind(group: gv.group, version: gv.version, kind: "DeleteOptions"))
            add(OpenAPIMetaTypes.WatchEvent.self, kind: GroupVersionKind(group: gv.group, version: gv.version, kind: "WatchEvent"))
        }
        add(OpenAPIMetaTypes.Scale.self, kind: GroupVersionKind(group: "autoscaling", version: "v1", kind: "Scale"))
        add(OpenAPIMetaTypes.Binding.self, kind: GroupVersionKind(group: "", version: "v1", kind: "Binding"))
        add(OpenAPIMetaTypes.Eviction.self, kind: GroupVersionKind(group: "policy", version: "v1", kind: "Eviction"))
        add(OpenAPIMetaTypes.TokenRequest.self, kind: GroupVersionKind(group: "authentication.k8s.io", version: "v1", kind: "TokenRequest"))
    }

    subscript(name: String) -> Definition? { definitions[name] }

    /// Adds `type`'s definition (tagged with `kind`) and, once, everything it references.
    private mutating func add(_ type: any SchemaDescribing.Type, kind: GroupVersionKind? = nil) {
        add(type.schema, kind: kind)
    }

    private mutating func add(_ schema: TypeSchema, kind: GroupVersionKind? = nil) {
        guard let name = schema.definitionName else { return }
        if definitions[name] == nil {
            definitions[name] = Definition(schema: schema)
            for property in schema.properties {
                if case .reference(let referenced) = property.value.innermost { add(referenced) }
            }
        }
        if let kind, !definitions[name]!.kinds.contains(kind) { definitions[name]!.kinds.append(kind) }
    }

    /// `PodList`: the standard list shape around `model`'s objects.
    private static func listSchema(of model: any SchemaDescribing.Type, name: String, kind: String) -> TypeSchema {
        TypeSchema(
            definitionName: name + "List",
            description: "\(kind)List is a list of \(kind) objects.",
            properties: [
                PropertySchema(name: "apiVersion", value: .string,
                               description: "APIVersion defines the versioned schema of this representation of an object."),
                PropertySchema(name: "items", value: .array(.reference(model)), isRequired: true,
                               description: "The list of \(kind) objects."),
                PropertySchema(name: "kind", value: .string,
                               description: "Kind is a string value representing the REST resource this object represents."),
                PropertySchema(name: "metadata", value: .reference(ListMeta.self),
                               description: "Standard list metadata."),
            ])
    }
}
