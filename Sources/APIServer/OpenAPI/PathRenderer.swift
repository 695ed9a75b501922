import Resources

/// Writes paths and operations as swagger 2.0 or OpenAPI 3.0 JSON, with the extensions
/// kubectl reads: `x-kubernetes-action` and `x-kubernetes-group-version-kind` on every
/// operation, query parameters inline on each operation (where kubectl's field-validation
/// verifier looks for `fieldValidation`), and the patch media types on patch operations
/// (v2 `consumes`, v3 `requestBody.content`, where kubectl apply looks for strategic merge).
struct PathRenderer: Sendable {
    let schemas: SchemaRenderer

    private var dialect: SchemaRenderer.Dialect { schemas.dialect }

    func path(_ path: APIPath) -> JSONValue {
        var json: [String: JSONValue] = [:]
        if !path.parameters.isEmpty { json["parameters"] = .array(path.parameters.map(parameter)) }
        for op in path.operations { json[op.method] = operation(op) }
        return .object(json)
    }

    func operation(_ op: APIOperation) -> JSONValue {
        var json: [String: JSONValue] = [
            "description": .string(op.description),
            "operationId": .string(op.operationID),
            "tags": [.string(op.tag)],
            "x-kubernetes-action": .string(op.action),
        ]
        if let kind = op.kind { json["x-kubernetes-group-version-kind"] = kind.json }
        var parameters = op.parameters.map(parameter)

        switch dialect {
        case .v2:
            json["schemes"] = ["https"]
            json["consumes"] = switch op.body {
            case .patch: .array(APIOperation.patchMediaTypes.map { .string($0) })
            default: ["*/*"]
            }
            json["produces"] = .array(producedMediaTypes(op.response).map { .string($0) })
            if let body = op.body {
                let (definition, required) = switch body {
                case .object(let definition, let required): (definition, required)
                case .patch: (SchemaCatalog.patch, true)
                }
                var bodyParameter: [String: JSONValue] = [
                    "name": "body", "in": "body", "schema": schemas.reference(definition),
                ]
                if required { bodyParameter["required"] = true }
                parameters.insert(.object(bodyParameter), at: 0)
            }
        case .v3:
            if let body = op.body {
                let (definition, mediaTypes, required) = switch body {
                case .object(let definition, let required): (definition, ["*/*"], required)
                case .patch: (SchemaCatalog.patch, APIOperation.patchMediaTypes, true)
                }
                var requestBody: [String: JSONValue] = [
                    "content": .object(Dictionary(uniqueKeysWithValues: mediaTypes.map {
                        ($0, ["schema": schemas.reference(definition)])
                    })),
                ]
                if required { requestBody["required"] = true }
                json["requestBody"] = .object(requestBody)
            }
        }
        if !parameters.isEmpty { json["parameters"] = .array(parameters) }
        json["responses"] = responses(op.response)
        return .object(json)
    }

    private func producedMediaTypes(_ response: APIOperation.Response) -> [String] {
        switch response {
        case .object: APIOperation.objectMediaTypes
        case .watch: APIOperation.watchMediaTypes
        case .text: ["text/plain", "application/json", "application/yaml", "application/vnd.kubernetes.protobuf"]
        }
    }

    private func responses(_ response: APIOperation.Response) -> JSONValue {
        let (schema, codes): (JSONValue, [Int]) = switch response {
        case .object(let definition, let codes): (schemas.reference(definition), codes)
        case .watch: (schemas.reference(SchemaCatalog.watchEvent), [200])
        case .text: (["type": "string"], [200])
        }
        var json: [String: JSONValue] = ["401": ["description": "Unauthorized"]]
        for code in codes {
            let description: JSONValue = switch code {
            case 201: "Created"
            case 202: "Accepted"
            default: "OK"
            }
            json[String(code)] = switch dialect {
            case .v2: ["description": description, "schema": schema]
            case .v3: [
                "description": description,
                "content": .object(Dictionary(uniqueKeysWithValues: producedMediaTypes(response).map { ($0, ["schema": schema]) })),
            ]
            }
        }
        return .object(json)
    }

    func parameter(_ p: APIParameter) -> JSONValue {
        var json: [String: JSONValue] = [
            "name": .string(p.name),
            "in": .string(p.location.rawValue),
            "description": .string(p.description),
        ]
        if p.required { json["required"] = true }
        switch dialect {
        case .v2:
            json["type"] = .string(p.type.rawValue)
            json["uniqueItems"] = true
        case .v3:
            json["schema"] = ["type": .string(p.type.rawValue), "uniqueItems": true]
        }
        return .object(json)
    }
}
