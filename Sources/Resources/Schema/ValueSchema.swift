/// The type of a member's value, as the macro reads it from the property's declared type:
/// `String`, `Int32`, `Int64`, `Double`, `Bool`, `[T]`, `[String: T]`, or another model type.
/// Optionality is not part of it (see `PropertySchema.isRequired`).
public indirect enum ValueSchema: Sendable {
    case string
    case integer(IntegerFormat)
    /// A double.
    case number
    case boolean
    case array(ValueSchema)
    /// A JSON object with string keys and values of one type.
    case map(ValueSchema)
    /// A type that describes itself: a named definition, or an inline one (`JSONValue`).
    case reference(any SchemaDescribing.Type)

    /// The OpenAPI `format` of an integer.
    public enum IntegerFormat: String, Sendable {
        case int32, int64
    }

    /// The element type of an array, the value type of a map, or self.
    public var innermost: ValueSchema {
        switch self {
        case .array(let element): element.innermost
        case .map(let value): value.innermost
        default: self
        }
    }

    /// The referenced type's schema, for `.reference`.
    public var referencedSchema: TypeSchema? {
        if case .reference(let type) = self { return type.schema }
        return nil
    }
}
