import Foundation
import Resources

/// A connection to the API server, at the REST level. Two requirements carry every verb: a
/// request with a whole response, and a watch whose response streams one JSON event per
/// element. The typed and unstructured API (`get`, `list`, `watch`, `create`, …) is built on
/// them in extensions, so every implementation — HTTP to a remote server, or in-process calls
/// into the server's handlers — goes through the same API semantics.
public protocol ClusterClient: Sendable {
    /// Sends `request` and returns the server's answer, whatever its status. Throws only when
    /// no answer came (connection refused, reset, timed out).
    func send(_ request: ClientRequest) async throws(ClientError) -> ClientResponse

    /// Opens a watch. A status other than 200 throws `ClientError.status`; otherwise each
    /// element is one event's JSON object (`{"type":…,"object":…}`), in order. The stream ends
    /// when the server ends the watch and fails when the connection drops.
    func openWatch(_ request: ClientRequest) async throws(ClientError) -> AsyncThrowingStream<[UInt8], any Error>
}

/// One REST request: method, path, query and body.
public struct ClientRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
    }

    public var method: Method
    /// The path without query, e.g. `/api/v1/namespaces/default/pods/web-0`.
    public var path: String
    /// Query parameters in order; values are not yet percent-encoded.
    public var query: [QueryItem]
    public var body: [UInt8]?
    /// The body's media type; `application/json` when nil and there is a body.
    public var contentType: String?

    public init(method: Method, path: String, query: [QueryItem] = [], body: [UInt8]? = nil, contentType: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.contentType = contentType
    }

    /// The path and the percent-encoded query, as sent on the wire.
    public var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

/// A query parameter.
public struct QueryItem: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The server's answer to a `ClientRequest`.
public struct ClientResponse: Sendable, Hashable {
    public var status: Int
    public var body: [UInt8]
    /// Response headers with lower-cased names (e.g. `warning`).
    public var headers: [String: String]

    public init(status: Int, body: [UInt8], headers: [String: String] = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }
}
