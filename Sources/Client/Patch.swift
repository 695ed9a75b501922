import Resources

/// A patch body and how the server should apply it.
public enum Patch: Sendable, Hashable {
    /// RFC 6902 operations (`application/json-patch+json`).
    case json(JSONValue)
    /// RFC 7386 (`application/merge-patch+json`).
    case merge(JSONValue)
    /// Kubernetes' strategic merge patch (`application/strategic-merge-patch+json`).
    case strategic(JSONValue)

    var contentType: String {
        switch self {
        case .json: "application/json-patch+json"
        case .merge: "application/merge-patch+json"
        case .strategic: "application/strategic-merge-patch+json"
        }
    }

    var body: [UInt8] {
        switch self {
        case .json(let value), .merge(let value), .strategic(let value): value.serializedBytes()
        }
    }
}
