import Resources

extension YAMLDocument {
    /// Decodes this document as `T`. Every failure names the field path and where it is written;
    /// with `strict`, a member `T` does not declare anywhere is an error too, as with
    /// Kubernetes' `fieldValidation=Strict`.
    public func decode<T: Decodable & SchemaDescribing>(_ type: T.Type, file: String? = nil, strict: Bool = true) throws(ManifestError) -> T {
        let object: T
        do {
            object = try value.decode(T.self)
        } catch let error as DecodingError {
            let (field, message) = error.fieldPathAndMessage
            throw ManifestError(file: file, location: sourceMap.nearestLocation(of: field), field: field, message: message)
        } catch {
            throw ManifestError(file: file, location: start, field: FieldPath(""), message: "\(error)")
        }
        if strict, let unknown = T.schema.unknownFieldPaths(in: value).first {
            throw ManifestError(file: file, location: sourceMap.nearestLocation(of: unknown), field: FieldPath(""),
                                message: "unknown field \"\(unknown)\"")
        }
        return object
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
