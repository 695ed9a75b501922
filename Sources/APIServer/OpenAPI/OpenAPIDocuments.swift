import Resources

// Placeholder until the schema and OpenAPI documents land.

/// The OpenAPI documents of the served kinds: `/openapi/v2`, the `/openapi/v3` index and one v3
/// document per group-version, with Kubernetes' patch extensions; and the strategic merge
/// metadata of each kind, from the same schema.
public struct OpenAPIDocuments: Sendable {
    public init(registry: ResourceRegistry) {}

    /// `/openapi/v2` (JSON).
    public var v2: JSONValue { .null }
    /// `/openapi/v3`: `{"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}, …}}`.
    public var v3Index: JSONValue { .null }
    /// `/openapi/v3/api/v1`, `/openapi/v3/apis/apps/v1`, …: nil for an unknown group-version.
    public func v3(groupVersionPath: String) -> JSONValue? { nil }
    /// The strategic merge metadata of `resource`'s kind.
    public func patchSchema(for resource: ServedResource) -> (any StrategicMergeSchema)? { nil }
}
