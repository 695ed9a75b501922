/// Generates lossless `Codable` (unknown members kept in `unknownFields`), a memberwise `init`,
/// and `Codable`, `Hashable`, `Sendable`, `UnknownFieldsCarrying` conformances for a struct of the API model.
///
/// Properties typed `T?` are optional; properties with an initial value default to it;
/// all others are required. See `APIObjectMacro` for the exact rules.
@attached(member, names: named(unknownFields), named(declaredJSONKeys), named(init), named(encode(to:)))
@attached(extension, conformances: Codable, Hashable, Sendable, UnknownFieldsCarrying)
public macro APIObject() = #externalMacro(module: "ResourcesMacros", type: "APIObjectMacro")

/// The JSON member name of a property whose Swift name differs (`@JSONKey("$ref")`).
@attached(peer)
public macro JSONKey(_ name: String) = #externalMacro(module: "ResourcesMacros", type: "JSONKeyMacro")
