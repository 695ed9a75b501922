import Resources

/// Writes the catalog's schemas as OpenAPI JSON, in the form upstream's kube-openapi writes
/// them: `#/definitions/…` references with sibling descriptions in v2; in v3,
/// `#/components/schemas/…` references wrapped in a one-element `allOf` wherever they carry
/// siblings (a description, patch extensions), and `oneOf` forms for Quantity and IntOrString.
struct SchemaRenderer: Sendable {
    enum Dialect: Sendable { case v2, v3 }

    let dialect: Dialect

    var referencePrefix: String {
        switch dialect {
        case .v2: "#/definitions/"
        case .v3: "#/components/schemas/"
        }
    }

    func reference(_ definitionName: String) -> JSONValue {
        .object(["$ref": .string(referencePrefix + definitionName)])
    }

    /// A definition, with `x-kubernetes-group-version-kind` when it describes kinds.
    func definition(_ definition: SchemaCatalog.Definition) -> JSONValue {
        var json = typeBody(definition.schema)
        if !definition.kinds.isEmpty {
            json["x-kubernetes-group-version-kind"] = .array(definition.kinds.map(\.json))
        }
        return json
    }

    /// The body of a type's schema: an object's members, or a special type's form.
    func typeBody(_ schema: TypeSchema) -> JSONValue {
        var json: [String: JSONValue] = [:]
        if !schema.description.isEmpty { json["description"] = .string(schema.description) }
        switch schema.shape {
        case .object(let properties):
            json["type"] = "object"
            if !properties.isEmpty {
                json["properties"] = .object(Dictionary(uniqueKeysWithValues: properties.map { ($0.name, property($0)) }))
            }
            let required = properties.filter(\.isRequired).map { JSONValue.string($0.name) }
            if !required.isEmpty { json["required"] = .array(required) }
        case .dateTime:
            json["type"] = "string"
            json["format"] = "date-time"
        case .quantity:
            switch dialect {
            case .v2: json["type"] = "string"
            case .v3: json["oneOf"] = [["type": "string"], ["type": "number"]]
            }
        case .intOrString:
            json["format"] = "int-or-string"
            switch dialect {
            case .v2:
                json["type"] = "string"
            case .v3:
                json["oneOf"] = [["type": "integer"], ["type": "string"]]
                json["x-kubernetes-int-or-string"] = true
            }
        case .freeForm:
            json["type"] = "object"
            if dialect == .v3 { json["x-kubernetes-preserve-unknown-fields"] = true }
        }
        return .object(json)
    }

    /// One member: its value's schema, its description and its patch extensions.
    func property(_ property: PropertySchema) -> JSONValue {
        var siblings: [String: JSONValue] = [:]
        if !property.description.isEmpty { siblings["description"] = .string(property.description) }
        let patch = property.patch
        if let strategy = patch.strategy { siblings["x-kubernetes-patch-strategy"] = .string(strategy) }
        if let key = patch.mergeKey { siblings["x-kubernetes-patch-merge-key"] = .string(key) }
        if let listType = patch.listType { siblings["x-kubernetes-list-type"] = .string(listType) }
        if !patch.listMapKeys.isEmpty { siblings["x-kubernetes-list-map-keys"] = .array(patch.listMapKeys.map { .string($0) }) }
        if let mapType = patch.mapType { siblings["x-kubernetes-map-type"] = .string(mapType) }

        var json = value(property.value)
        if dialect == .v3, json["$ref"] != nil, !siblings.isEmpty {
            json = .object(["allOf": [json]])
        }
        for (key, sibling) in siblings { json[key] = sibling }
        return json
    }

    /// The schema of a value: a primitive, an array, a map, or a reference (inline for types
    /// without a definition name).
    func value(_ value: ValueSchema) -> JSONValue {
        switch value {
        case .string: ["type": "string"]
        case .integer(let format): ["type": "integer", "format": .string(format.rawValue)]
        case .number: ["type": "number", "format": "double"]
        case .boolean: ["type": "boolean"]
        case .array(let element): ["type": "array", "items": self.value(element)]
        case .map(let element): ["type": "object", "additionalProperties": self.value(element)]
        case .reference(let type):
            if let name = type.schema.definitionName { reference(name) } else { typeBody(type.schema) }
        }
    }
}
