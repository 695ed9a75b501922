import Resources

/// A manifest that does not decode as its kind, said the way a user can act on it:
/// `deploy.yaml:7:13: spec.replicas: Invalid value: expected an integer`.
public struct ManifestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, when the text came from one.
    public var file: String?
    /// Where the offending value (or its nearest enclosing value) is written.
    public var location: YAMLLocation?
    public var field: FieldPath
    public var message: String

    public init(file: String?, location: YAMLLocation?, field: FieldPath, message: String) {
        self.file = file
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String {
        var prefix = file ?? ""
        if let location { prefix += prefix.isEmpty ? "\(location)" : ":\(location)" }
        let head = prefix.isEmpty ? "" : prefix + ": "
        return field.text.isEmpty ? head + message : head + "\(field): " + message
    }
}
