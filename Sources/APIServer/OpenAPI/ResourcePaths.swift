import Resources

/// The paths and operations of one served resource, as upstream publishes them: the
/// collection (list, create, deletecollection), the object (read, replace, patch, delete), the
/// cross-namespace list, the deprecated `watch/` paths, and the subresources the resource
/// serves. Every create, replace and patch takes `dryRun` and `fieldValidation`.
struct ResourcePaths {
    let resource: ServedResource
    let catalog: SchemaCatalog

    private var type: ResourceType { resource.type }
    private var kind: GroupVersionKind { GroupVersionKind(type) }
    private var objectDefinition: String { catalog.kindDefinitions[type]!.object }
    private var listDefinition: String { catalog.kindDefinitions[type]!.list }

    /// `/api/v1` or `/apis/apps/v1`.
    static func prefix(group: String, version: String) -> String {
        group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
    }

    /// `CoreV1`, `AppsV1`, `DiscoveryV1` (from `discovery.k8s.io`), as in upstream operation ids.
    static func operationGroup(group: String, version: String) -> String {
        let trimmed = group.isEmpty ? "core" : group.replacingSuffix(".k8s.io", with: "")
        return trimmed.split(separator: ".").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            + version.prefix(1).uppercased() + version.dropFirst()
    }

    /// `core_v1`, `apps_v1`, `discovery_v1`.
    static func tag(group: String, version: String) -> String {
        let name = operationGroup(group: group, version: "")
        return name.prefix(1).lowercased() + name.dropFirst() + "_" + version
    }

    var paths: [APIPath] {
        let prefix = Self.prefix(group: type.group, version: type.version)
        let gv = Self.operationGroup(group: type.group, version: type.version)
        let scope = type.namespaced ? "Namespaced" : ""
        let name = gv + scope + type.kind
        let collection = type.namespaced ? "\(prefix)/namespaces/{namespace}/\(type.plural)" : "\(prefix)/\(type.plural)"
        let item = collection + "/{name}"
        let watchCollection = type.namespaced
            ? "\(prefix)/watch/namespaces/{namespace}/\(type.plural)" : "\(prefix)/watch/\(type.plural)"
        let scopeParameters = type.namespaced ? [QueryParameters.namespace] : []
        let nameParameter = QueryParameters.name(of: type.kind)

        var paths = [
            APIPath(path: collection, parameters: scopeParameters + [QueryParameters.pretty], operations: [
                operation("get", "list\(name)", "list or watch objects of kind \(type.kind)", action: "list",
                          parameters: QueryParameters.list, response: .object(definition: listDefinition, codes: [200])),
                operation("post", "create\(name)", "create \(article(type.kind))", action: "post",
                          parameters: QueryParameters.write, body: .object(definition: objectDefinition, required: true),
                          response: .object(definition: objectDefinition, codes: [200, 201, 202])),
                operation("delete", "delete\(gv)Collection\(scope)\(type.kind)", "delete collection of \(type.kind)",
                          action: "deletecollection", parameters: QueryParameters.deleteCollection,
                          body: .object(definition: SchemaCatalog.deleteOptions, required: false),
                          response: .object(definition: SchemaCatalog.status, codes: [200])),
            ]),
            APIPath(path: item, parameters: [nameParameter] + scopeParameters + [QueryParameters.pretty], operations: [
                operation("get", "read\(name)", "read the specified \(type.kind)", action: "get",
                          response: .object(definition: objectDefinition, codes: [200])),
                operation("put", "replace\(name)", "replace the specified \(type.kind)", action: "put",
                          parameters: QueryParameters.write, body: .object(definition: objectDefinition, required: true),
                          response: .object(definition: objectDefinition, codes: [200, 201])),
                operation("patch", "patch\(name)", "partially update the specified \(type.kind)", action: "patch",
                          parameters: QueryParameters.patch, body: .patch,
                          response: .object(definition: objectDefinition, codes: [200, 201])),
                operation("delete", "delete\(name)", "delete \(article(type.kind))", action: "delete",
                          parameters: QueryParameters.delete,
                          body: .object(definition: SchemaCatalog.deleteOptions, required: false),
                          response: .object(definition: SchemaCatalog.status, codes: [200, 202])),
            ]),
            APIPath(path: watchCollection, parameters: scopeParameters + [QueryParameters.pretty], operations: [
                operation("get", "watch\(name)List",
                          "watch individual changes to a list of \(type.kind). deprecated: use the 'watch' parameter with a list operation instead.",
                          action: "watchlist", parameters: QueryParameters.list, response: .watch),
            ]),
            APIPath(path: watchCollection + "/{name}", parameters: [nameParameter] + scopeParameters + [QueryParameters.pretty], operations: [
                operation("get", "watch\(name)",
                          "watch changes to an object of kind \(type.kind). deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.",
                          action: "watch", parameters: QueryParameters.list, response: .watch),
            ]),
        ]
        if type.namespaced {
            paths.append(APIPath(path: "\(prefix)/\(type.plural)", parameters: [QueryParameters.pretty], operations: [
                operation("get", "list\(gv)\(type.kind)ForAllNamespaces", "list or watch objects of kind \(type.kind)",
                          action: "list", parameters: QueryParameters.list, response: .object(definition: listDefinition, codes: [200])),
            ]))
            paths.append(APIPath(path: "\(prefix)/watch/\(type.plural)", parameters: [QueryParameters.pretty], operations: [
                operation("get", "watch\(gv)\(type.kind)ListForAllNamespaces",
                          "watch individual changes to a list of \(type.kind). deprecated: use the 'watch' parameter with a list operation instead.",
                          action: "watchlist", parameters: QueryParameters.list, response: .watch),
            ]))
        }
        let itemParameters = [nameParameter] + scopeParameters
        for subresource in resource.subresources.sorted() {
            if let path = subresourcePath(subresource, item: item, name: name, parameters: itemParameters) {
                paths.append(path)
            }
        }
        return paths
    }

    /// The path of a subresource, nil for one without a published schema.
    private func subresourcePath(_ subresource: String, item: String, name: String, parameters: [APIParameter]) -> APIPath? {
        let path = "\(item)/\(subresource)"
        let pretty = [QueryParameters.pretty]
        switch subresource {
        case "status", "scale":
            let isScale = subresource == "scale"
            let definition = isScale ? SchemaCatalog.scale : objectDefinition
            let bodyKind = isScale ? GroupVersionKind(group: "autoscaling", version: "v1", kind: "Scale") : kind
            let suffix = isScale ? "Scale" : "Status"
            return APIPath(path: path, parameters: parameters + pretty, operations: [
                operation("get", "read\(name)\(suffix)", "read \(subresource) of the specified \(type.kind)", action: "get",
                          kind: bodyKind, response: .object(definition: definition, codes: [200])),
                operation("put", "replace\(name)\(suffix)", "replace \(subresource) of the specified \(type.kind)", action: "put",
                          kind: bodyKind, parameters: QueryParameters.write, body: .object(definition: definition, required: true),
                          response: .object(definition: definition, codes: [200, 201])),
                operation("patch", "patch\(name)\(suffix)", "partially update \(subresource) of the specified \(type.kind)",
                          action: "patch", kind: bodyKind, parameters: QueryParameters.patch, body: .patch,
                          response: .object(definition: definition, codes: [200, 201])),
            ])
        case "binding", "eviction", "token":
            let (definition, bodyKind) = switch subresource {
            case "binding": (SchemaCatalog.binding, GroupVersionKind(group: "", version: "v1", kind: "Binding"))
            case "eviction": (SchemaCatalog.eviction, GroupVersionKind(group: "policy", version: "v1", kind: "Eviction"))
            default: (SchemaCatalog.tokenRequest, GroupVersionKind(group: "authentication.k8s.io", version: "v1", kind: "TokenRequest"))
            }
            return APIPath(path: path, parameters: parameters + pretty, operations: [
                operation("post", "create\(name)\(bodyKind.kind)", "create \(subresource) of \(article(type.kind))",
                          action: "post", kind: bodyKind, parameters: QueryParameters.write,
                          body: .object(definition: definition, required: true),
                          response: .object(definition: definition, codes: [200, 201, 202])),
            ])
        case "log":
            return APIPath(path: path, parameters: parameters + pretty, operations: [
                operation("get", "read\(name)Log", "read log of the specified \(type.kind)", action: "get",
                          parameters: QueryParameters.log, response: .text),
            ])
        case "exec":
            let execKind = GroupVersionKind(group: type.group, version: type.version, kind: "\(type.kind)ExecOptions")
            let gv = Self.operationGroup(group: type.group, version: type.version)
            let scope = type.namespaced ? "Namespaced" : ""
            return APIPath(path: path, parameters: parameters, operations: ["get", "post"].map { method in
                operation(method, "connect\(gv)\(method.capitalized)\(scope)\(type.kind)Exec",
                          "connect \(method.uppercased()) requests to exec of \(type.kind)", action: "connect",
                          kind: execKind, parameters: QueryParameters.exec, response: .text)
            })
        default:
            return nil
        }
    }

    private func operation(
        _ method: String, _ id: String, _ description: String, action: String, kind: GroupVersionKind? = nil,
        parameters: [APIParameter] = [], body: APIOperation.RequestBody? = nil, response: APIOperation.Response
    ) -> APIOperation {
        APIOperation(method: method, operationID: id, description: description, action: action,
                     kind: kind ?? self.kind, tag: Self.tag(group: type.group, version: type.version),
                     parameters: parameters, body: body, response: response)
    }

    private func article(_ kind: String) -> String {
        ("AEIOU".contains(kind.prefix(1)) ? "an " : "a ") + kind
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
