extension DecodingError {
    /// The field path and a user-facing message of this failure:
    /// `(spec.replicas, "Invalid value: expected an integer")`.
    public var fieldPathAndMessage: (FieldPath, String) {
        let error = self
        func path(_ keys: [any CodingKey]) -> FieldPath {
            keys.reduce(FieldPath("")) { p, key in key.intValue.map { p.index($0) } ?? p.child(key.stringValue) }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "Invalid value: expected \(DecodingError.jsonKind(of: type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "Invalid value: expected \(DecodingError.jsonKind(of: type)), found null")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "Required value")
        case .dataCorrupted(let context):
            return (path(context.codingPath), "Invalid value: \(context.debugDescription)")
        @unknown default:
            return (FieldPath(""), "\(error)")
        }
    }

    /// How a JSON user would name the value a Swift type expects.
    static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is any BinaryInteger.Type: "an integer"
        case is any BinaryFloatingPoint.Type: "a number"
        case is Bool.Type: "a boolean"
        case is String.Type: "a string"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
