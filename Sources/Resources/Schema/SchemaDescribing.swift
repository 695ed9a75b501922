/// A type of the API model that describes its own OpenAPI schema. Every `@APIObject` struct
/// conforms (the macro writes `schema` from the declaration); `Quantity`, `IntOrString`,
/// `Time`, `MicroTime` and `JSONValue` conform by hand, matching upstream's special types.
public protocol SchemaDescribing: Sendable {
    /// The schema of this type, computed once.
    static var schema: TypeSchema { get }
}
