import Resources

extension YAMLDocument {
    /// Decodes this document as `T`. Every failure names the field path and where it is written;
    /// with `strict`, a member `T` does not declare anywhere is an error too, as with
    /// Kubernetes' `fieldValidation=Strict`.
    public func decode<T: Decodable & UnknownFieldsCarrying>(_ type: T.Type, file: String? = nil, strict: Bool = true) throws(ManifestError) -> T {
        let object: T
        do {
            object = try value.decode(T.self)
        } catch let error as DecodingError {
            let (field, message) = Self.describe(error)
            throw ManifestError(file: file, location: sourceMap.nearestLocation(of: field), field: field, message: message)
        } catch {
            throw ManifestError(file: file, location: start, field: FieldPath(""), message: "\(error)")
        }
        if strict, let unknown = object.unknownFieldPaths().first {
            throw ManifestError(file: file, location: sourceMap.nearestLocation(of: unknown), field: FieldPath(""),
                                message: "unknown field \"\(unknown)\"")
        }
        return object
    }

    /// The field path and a user-facing message of a decoding failure.
    static func describe(_ error: DecodingError) -> (FieldPath, String) {
        func path(_ keys: [any CodingKey]) -> FieldPath {
            keys.reduce(FieldPath("")) { p, key in key.intValue.map { p.index($0) } ?? p.child(key.stringValue) }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "Invalid value: expected \(Self.jsonKind(of: type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "Invalid value: expected \(Self.jsonKind(of: type)), found null")
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

extension YAMLDocument {
    /// Validation failures of the object decoded from this document, each pointed at the line
    /// of its field (or of the nearest enclosing value, for a missing field).
    public func locate(_ errors: [FieldError], file: String? = nil) -> [ManifestError] {
        errors.map { error in
            var message = error.description
            let prefix = "\(error.field): "
            if message.hasPrefix(prefix) { message.removeFirst(prefix.count) }
            return ManifestError(file: file, location: sourceMap.nearestLocation(of: error.field), field: error.field, message: message)
        }
    }
}
