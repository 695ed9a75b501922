/// One operation on a resource path, in the terms both OpenAPI versions share; the renderer
/// writes it as a swagger 2.0 or an OpenAPI 3.0 operation.
struct APIOperation: Sendable {
    /// `get`, `post`, `put`, `patch`, `delete`.
    var method: String
    /// `listCoreV1NamespacedPod`, `patchAppsV1NamespacedDeploymentScale`, …
    var operationID: String
    var description: String
    /// `x-kubernetes-action`: get, list, watch, watchlist, create, update, patch, delete,
    /// deletecollection, connect.
    var action: String
    /// `x-kubernetes-group-version-kind`: the kind of the request and response body.
    var kind: GroupVersionKind?
    /// `core_v1`, `apps_v1`, …
    var tag: String
    var parameters: [APIParameter]
    var body: RequestBody?
    var response: Response

    enum RequestBody: Sendable {
        /// An object of this definition (`required` unless the body is optional, as
        /// DeleteOptions is).
        case object(definition: String, required: Bool)
        /// A patch in one of the four patch media types.
        case patch
    }

    enum Response: Sendable {
        /// An object of this definition, with these success codes.
        case object(definition: String, codes: [Int])
        /// A stream of WatchEvents.
        case watch
        /// Plain text (logs, exec streams).
        case text
    }

    /// The patch media types every patch operation accepts; kubectl apply looks for the
    /// strategic merge one before it computes a strategic merge patch.
    static let patchMediaTypes = [
        "application/apply-patch+yaml",
        "application/json-patch+json",
        "application/merge-patch+json",
        "application/strategic-merge-patch+json",
    ]
    static let objectMediaTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"]
    static let watchMediaTypes = objectMediaTypes + ["application/json;stream=watch", "application/vnd.kubernetes.protobuf;stream=watch"]
}

/// A path or query parameter.
struct APIParameter: Sendable {
    enum Location: String, Sendable { case path, query }
    enum ValueType: String, Sendable { case string, boolean, integer }

    var name: String
    var location: Location
    var type: ValueType
    var description: String
    var required = false
}

/// A path and its operations.
struct APIPath: Sendable {
    var path: String
    /// Parameters every operation of the path takes (`name`, `namespace`, `pretty`).
    var parameters: [APIParameter]
    var operations: [APIOperation]
}
