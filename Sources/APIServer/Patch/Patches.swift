import Resources

// Placeholder until the patch engine lands: every patch kind answers an error.

/// The patch media types the API server accepts.
public enum PatchKind: String, Sendable {
    case json = "application/json-patch+json"
    case merge = "application/merge-patch+json"
    case strategicMerge = "application/strategic-merge-patch+json"
    case apply = "application/apply-patch+yaml"
}

/// A patch that cannot be applied; `message` says why and where.
public struct PatchError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Applies a patch of `kind` to `object`; `schema` is the object's strategic-merge metadata.
public func applyPatch(_ kind: PatchKind, _ patch: JSONValue, to object: JSONValue, schema: (any StrategicMergeSchema)?) throws(PatchError) -> JSONValue {
    throw PatchError("\(kind.rawValue) is not supported yet")
}
