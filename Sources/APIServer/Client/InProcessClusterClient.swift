import Client
import Resources

/// A `ClusterClient` for components in the server's own process: each request goes straight
/// to the resource handlers, with no socket, TLS or HTTP framing, and with the same API
/// semantics (validation, defaulting, conflicts, watch) as a request over the network.
public struct InProcessClusterClient: ClusterClient {
    let handler: ResourceHandler
    let discovery: Discovery
    let user: UserInfo

    init(handler: ResourceHandler, discovery: Discovery, user: UserInfo) {
        self.handler = handler
        self.discovery = discovery
        self.user = user
    }

    public func send(_ request: ClientRequest) async throws(ClientError) -> ClientResponse {
        let response = await respond(to: request, watch: false)
        switch response.body {
        case .bytes(let body):
            return ClientResponse(status: response.status, body: body,
                                  headers: Dictionary(response.headers.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { a, b in a + ", " + b }))
        case .watch(let outputs, _, _):
            _ = outputs
            throw .decoding("\(request.method.rawValue) \(request.path) answered with a watch stream")
        }
    }

    public func openWatch(_ request: ClientRequest) async throws(ClientError) -> AsyncThrowingStream<[UInt8], any Error> {
        let response = await respond(to: request, watch: true)
        switch response.body {
        case .bytes(let body):
            throw ClientError(response: ClientResponse(status: response.status == 200 ? 500 : response.status, body: body))
        case .watch(let outputs, let encode, let failure):
            return AsyncThrowingStream { continuation in
                let task = Task {
                    do {
                        for try await output in outputs { continuation.yield(Self.line(encode(output))) }
                        continuation.finish()
                    } catch is CancellationError {
                        continuation.finish()
                    } catch {
                        // The server reports why it ended the watch as a final ERROR event.
                        continuation.yield(Self.line(failure(error)))
                        continuation.finish()
                    }
                }
                continuation.onTermination = { _ in task.cancel() }
            }
        }
    }

    private func respond(to request: ClientRequest, watch: Bool) async -> APIResponse {
        if request.method == .get, !watch, let document = discovery.document(at: request.path, serverAddress: "127.0.0.1") {
            return .json(document)
        }
        await handler.cache.waitUntilReady()
        var query: [String: String] = [:]
        for item in request.query { query[item.name] = item.value }
        let info = RequestInfo(method: request.method.rawValue, path: request.path, watch: watch)
        let apiRequest = APIRequest(info: info, query: query, accept: "application/json",
                                    contentType: request.body == nil ? nil : (request.contentType ?? "application/json"),
                                    body: request.body ?? [], user: user)
        return await handler.handle(apiRequest)
    }

    /// One event's JSON, without the newline that separates events on the wire.
    private static func line(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        return bytes
    }
}
