/// Generates lossless `Codable` (unknown members kept in `unknownFields`), a memberwise `init`,
/// the type's OpenAPI `schema`, and `Codable`, `Hashable`, `Sendable`, `UnknownFieldsCarrying`,
/// `SchemaDescribing` conformances for a struct of the API model.
///
/// Properties typed `T?` are optional; properties with an initial value default to it;
/// all others are required. See `APIObjectMacro` for the exact rules.
///
/// `namespace` makes the schema's definition name upstream's (`@APIObject(.core)` on `Pod` is
/// `io.k8s.api.core.v1.Pod`); `name` replaces the Swift name in it where the two differ
/// (`@APIObject(.discovery, name: "EndpointPort") struct EndpointSlicePort`).
@attached(member, names: named(unknownFields), named(declaredJSONKeys), named(init), named(encode(to:)), named(schema))
@attached(extension, conformances: Codable, Hashable, Sendable, UnknownFieldsCarrying, SchemaDescribing)
public macro APIObject(_ namespace: SchemaNamespace? = nil, name: String? = nil) =
    #externalMacro(module: "ResourcesMacros", type: "APIObjectMacro")

/// The JSON member name of a property whose Swift name differs (`@JSONKey("$ref")`).
@attached(peer)
public macro JSONKey(_ name: String) = #externalMacro(module: "ResourcesMacros", type: "JSONKeyMacro")

/// The strategic merge patch metadata of a property, exactly as upstream's Go struct tag
/// `patchStrategy:"…" patchMergeKey:"…"`: `@Patch(strategy: "merge", key: "name")`,
/// `@Patch(strategy: "merge,retainKeys", key: "name")`, `@Patch(strategy: "retainKeys")`.
@attached(peer)
public macro Patch(strategy: String, key: String? = nil) =
    #externalMacro(module: "ResourcesMacros", type: "SchemaMarkerMacro")

/// Upstream's `+listType` (`atomic`, `set`, `map`) and, for `map`, its `+listMapKey`s:
/// `@ListType("map", keys: ["containerPort", "protocol"])`.
@attached(peer)
public macro ListType(_ type: String, keys: [String] = []) =
    #externalMacro(module: "ResourcesMacros", type: "SchemaMarkerMacro")

/// Upstream's `+mapType` (`atomic`, `granular`).
@attached(peer)
public macro MapType(_ type: String) = #externalMacro(module: "ResourcesMacros", type: "SchemaMarkerMacro")
