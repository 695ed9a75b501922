import Foundation
import Resources

/// A request as the API handlers see it: what it addresses, its query, the negotiated
/// media types, its body and its user.
public struct APIRequest: Sendable {
    public var info: RequestInfo
    public var query: [String: String]
    public var accept: String
    public var contentType: String?
    public var body: [UInt8]
    public var user: UserInfo

    public init(info: RequestInfo, query: [String: String], accept: String, contentType: String?, body: [UInt8], user: UserInfo) {
        self.info = info
        self.query = query
        self.accept = accept
        self.contentType = contentType
        self.body = body
        self.user = user
    }

    /// Whether the client asked for a `meta.k8s.io` Table (kubectl get).
    var wantsTable: Bool {
        guard let first = accept.split(separator: ",").first else { return false }
        let params = first.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        return params.contains("as=Table")
    }

    var dryRun: Bool { query["dryRun"] == "All" }

    func bool(_ name: String) -> Bool { Self.flag(query[name]) }

    /// A boolean query parameter as Kubernetes reads one (`Convert_Slice_string_To_bool`):
    /// absent, `0` or `false` (any case) are false; anything else, including the empty value
    /// of a bare `?watch`, is true.
    static func flag(_ value: String?) -> Bool {
        guard let value else { return false }
        return value != "0" && value.lowercased() != "false"
    }

    /// Parses `?labelSelector=`.
    func labelSelector() throws(APIError) -> Selector {
        guard let text = query["labelSelector"], !text.isEmpty else { return .everything }
        do { return try Selector(parsing: text) } catch {
            throw APIError.badRequest("unable to parse requirement: \(error)")
        }
    }

    /// Parses `?fieldSelector=` and checks each field is selectable for `resource`.
    func fieldSelector(for resource: ServedResource) throws(APIError) -> FieldSelector {
        guard let text = query["fieldSelector"], !text.isEmpty else { return .everything }
        let selector: FieldSelector
        do { selector = try FieldSelector(parsing: text) } catch {
            throw APIError.badRequest("invalid field selector: \(error)")
        }
        let known = Set(["metadata.name", "metadata.namespace"] + resource.selectableFields)
        for r in selector.requirements where !known.contains(r.field) {
            throw APIError.badRequest(
                "field label not supported: \(r.field)")
        }
        return selector
    }
}

/// What a handler answers: a status, a media type, extra headers, and a body that is either
/// complete or a stream (watch).
public struct APIResponse: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        /// A watch: each output encoded and written as it comes; when the stream fails, the
        /// failure's chunk is written last. Ends when the stream does.
        case watch(AsyncThrowingStream<WatchOutput, any Error>,
                   encode: @Sendable (WatchOutput) -> [UInt8],
                   failure: @Sendable (any Error) -> [UInt8])
    }

    public var status: Int
    public var contentType: String
    public var headers: [(String, String)]
    public var body: Body

    public init(status: Int, contentType: String = "application/json", headers: [(String, String)] = [], body: Body) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    public static func json(_ value: JSONValue, status: Int = 200, headers: [(String, String)] = []) -> APIResponse {
        APIResponse(status: status, headers: headers, body: .bytes(value.serializedBytes()))
    }

    public static func error(_ error: APIError) -> APIResponse {
        .json(error.status, status: error.code)
    }
}
