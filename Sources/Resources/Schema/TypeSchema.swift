/// The schema of one type of the API model: its upstream definition name, its description
/// (from the type's doc comment) and its shape.
public struct TypeSchema: Sendable {
    /// `io.k8s.api.core.v1.Pod`; nil for a type described inline wherever it is used
    /// (`JSONValue`).
    public var definitionName: String?
    public var description: String
    public var shape: Shape

    /// What a value of the type looks like on the wire. Besides objects, these are the
    /// special types upstream describes by hand.
    public enum Shape: Sendable {
        /// A JSON object with these members, in declaration order.
        case object([PropertySchema])
        /// An RFC 3339 string (metav1.Time, metav1.MicroTime).
        case dateTime
        /// A quantity string such as `500m` or `1Gi` (resource.Quantity).
        case quantity
        /// An int32 or a string (intstr.IntOrString).
        case intOrString
        /// Any JSON value, kept as is.
        case freeForm
    }

    public init(definitionName: String?, description: String = "", shape: Shape) {
        self.definitionName = definitionName
        self.description = description
        self.shape = shape
    }

    /// An object type with these members.
    public init(definitionName: String?, description: String = "", properties: [PropertySchema]) {
        self.init(definitionName: definitionName, description: description, shape: .object(properties))
    }

    /// The members of an object type; empty for the other shapes.
    public var properties: [PropertySchema] {
        if case .object(let properties) = shape { return properties }
        return []
    }

    /// The member whose JSON name is `name`.
    public func property(_ name: String) -> PropertySchema? {
        properties.first { $0.name == name }
    }
}
