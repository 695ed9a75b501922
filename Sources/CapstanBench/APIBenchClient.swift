import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The few requests the API benchmark makes, over one `HTTPClient` (and its connection pool)
/// to one endpoint. Every request has a deadline; a watch's body is the caller's to read.
struct APIBenchClient: Sendable {
    let http: HTTPClient
    let endpoint: APIEndpoint
    /// Deadline for each request (for a watch: for its response head).
    var requestTimeout: TimeAmount = .seconds(30)

    /// The status and the whole body of `method path`.
    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil, maxBytes: Int = 1 << 30) async throws -> (status: Int, body: ByteBuffer) {
        let response = try await http.execute(request(method, path, body: body), timeout: requestTimeout)
        let bytes = try await response.body.collect(upTo: maxBytes)
        return (Int(response.status.code), bytes)
    }

    /// `POST body` to `path`, answering whether it was created (201); failures carry the status
    /// and the start of the body.
    func create(_ path: String, _ body: [UInt8]) async throws -> CreateOutcome {
        let (status, reply) = try await send(.POST, path, body: body, maxBytes: 1 << 20)
        if status == 201 || status == 200 { return .created }
        return .failed(status: status, message: String(buffer: reply).prefix(300).description)
    }

    enum CreateOutcome: Sendable, Equatable {
        case created
        case failed(status: Int, message: String)
    }

    /// Creates namespace `name`; one that already exists is fine.
    func ensureNamespace(_ name: String) async throws {
        let body = Array(#"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(name)"}}"#.utf8)
        let (status, reply) = try await send(.POST, "/api/v1/namespaces", body: body, maxBytes: 1 << 20)
        guard status == 201 || status == 200 || status == 409 else {
            throw BenchError.unexpectedResponse(request: "create namespace \(name)", status: status, body: String(buffer: reply))
        }
    }

    /// A watch request; the response's body streams newline-separated events until the server
    /// ends it or the reading task is cancelled.
    func openWatch(_ path: String) async throws -> HTTPClientResponse {
        try await http.execute(request(.GET, path), timeout: requestTimeout)
    }

    func request(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: endpoint.baseURL + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let token = endpoint.bearerToken { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(body)
        }
        return request
    }
}

extension APIBenchClient {
    /// Runs `body` with a client whose pool holds up to `connections` connections to `endpoint`,
    /// shutting the client down (closing its connections) afterwards, whether `body` threw or not.
    static func with<Result: Sendable>(
        _ endpoint: APIEndpoint,
        connections: Int,
        _ body: (APIBenchClient) async throws -> Result
    ) async throws -> Result {
        let http = endpoint.makeHTTPClient(connections: connections)
        let client = APIBenchClient(http: http, endpoint: endpoint)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
        return result
    }

    /// Opens up to `connections` connections by making that many concurrent cheap requests, so a
    /// timed phase does not pay for TLS handshakes.
    func warmUp(connections: Int, path: String) async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<connections {
                group.addTask { _ = try? await send(.GET, path, maxBytes: 1 << 20) }
            }
        }
    }
}
