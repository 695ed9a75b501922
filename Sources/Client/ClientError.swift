import Foundation
import Resources

/// Why a client call failed: the server answered with an error `Status`, the connection
/// failed, or the answer could not be decoded.
public enum ClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered `code` with a `Status` whose `reason` and `message` say why.
    case status(code: Int, reason: String, message: String)
    /// No answer: connection refused, reset or timed out.
    case transport(String)
    /// An answer that is not what the API promises.
    case decoding(String)

    public var description: String {
        switch self {
        case .status(let code, let reason, let message): "\(code) \(reason): \(message)"
        case .transport(let message): "transport: \(message)"
        case .decoding(let message): "decoding: \(message)"
        }
    }

    /// The HTTP status, when the server answered.
    public var code: Int? {
        if case .status(let code, _, _) = self { return code }
        return nil
    }

    public var isNotFound: Bool { code == 404 }
    /// A stale `resourceVersion` or a lost race: re-read and try again.
    public var isConflict: Bool { code == 409 && reason != "AlreadyExists" }
    public var isAlreadyExists: Bool { code == 409 && reason == "AlreadyExists" }
    /// The requested `resourceVersion` is too old: re-list.
    public var isGone: Bool { code == 410 }

    public var reason: String? {
        if case .status(_, let reason, _) = self { return reason }
        return nil
    }

    /// The error a non-2xx response stands for, read from its `Status` body when it has one.
    public init(response: ClientResponse) {
        let status = try? JSONValue.parse(response.body)
        let reason = status?["reason"]?.stringValue ?? Self.defaultReason(response.status)
        let message = status?["message"]?.stringValue
            ?? String(decoding: response.body.prefix(500), as: UTF8.self)
        self = .status(code: response.status, reason: reason, message: message)
    }

    static func defaultReason(_ code: Int) -> String {
        switch code {
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 409: "Conflict"
        case 410: "Expired"
        case 415: "UnsupportedMediaType"
        case 422: "Invalid"
        case 429: "TooManyRequests"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        case 504: "Timeout"
        default: "Unknown"
        }
    }
}
