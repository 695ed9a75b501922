import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Resources

/// Speaks HTTP to an `InProcessServer`: sends JSON (or raw bytes) and answers the status, the
/// headers and the parsed body. Every request has a deadline, so a hung server fails the test
/// instead of stalling it.
struct APIClient: Sendable {
    let server: InProcessServer
    var baseURL: String { server.baseURL }
    var client: HTTPClient = .shared
    /// Longest a request (or a wait on a watch line) may take.
    var deadline: Duration = .seconds(15)

    init(_ server: InProcessServer) { self.server = server }

    /// Starts a server, runs `body` with a client for it, and stops the server.
    static func withServer<T>(_ body: (APIClient) async throws -> T) async throws -> T {
        let server = try await InProcessServer.start()
        do {
            let result = try await body(APIClient(server))
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    // MARK: Requests

    func send(_ method: HTTPMethod, _ path: String, bytes: [UInt8]? = nil, contentType: String? = nil,
              accept: String? = nil) async throws -> APIReply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let accept { request.headers.add(name: "Accept", value: accept) }
        if let bytes { request.body = .bytes(ByteBuffer(bytes: bytes)) }
        let response = try await client.execute(request, timeout: .seconds(deadline.components.seconds))
        let body = try await response.body.collect(upTo: 64 << 20)
        return APIReply(status: Int(response.status.code), headers: response.headers, body: Array(body.readableBytesView))
    }

    func get(_ path: String) async throws -> APIReply { try await send(.GET, path) }

    func post(_ path: String, _ object: JSONValue) async throws -> APIReply {
        try await send(.POST, path, bytes: object.serializedBytes(), contentType: "application/json")
    }

    func put(_ path: String, _ object: JSONValue) async throws -> APIReply {
        try await send(.PUT, path, bytes: object.serializedBytes(), contentType: "application/json")
    }

    func patch(_ path: String, _ patch: JSONValue, type: String) async throws -> APIReply {
        try await send(.PATCH, path, bytes: patch.serializedBytes(), contentType: type)
    }

    func delete(_ path: String, _ options: JSONValue? = nil) async throws -> APIReply {
        try await send(.DELETE, path, bytes: options?.serializedBytes(), contentType: options == nil ? nil : "application/json")
    }

    /// Creates `object` and answers it as stored; fails unless the server answered 201.
    @discardableResult
    func create(_ path: String, _ object: JSONValue) async throws -> JSONValue {
        let reply = try await post(path, object)
        guard reply.status == 201 else { throw UnexpectedReply(expected: 201, reply: reply) }
        return reply.json
    }

    // MARK: Watches

    /// Opens a watch (`path` carries `watch=true` and its options); the lines come as they are
    /// written.
    func watch(_ path: String) async throws -> WatchLines {
        let request = HTTPClientRequest(url: baseURL + path)
        let response = try await client.execute(request, timeout: .seconds(deadline.components.seconds))
        return WatchLines(status: Int(response.status.code), body: response.body, deadline: deadline)
    }
}

/// A server's answer: status, headers and body (parsed as JSON when it is JSON).
struct APIReply: Sendable, CustomStringConvertible {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    /// The body as JSON, `.null` when it is not JSON.
    var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
    /// A `Status` body's `reason` (`NotFound`, `Conflict`, …).
    var reason: String? { json["reason"]?.stringValue }
    var message: String { json["message"]?.stringValue ?? "" }
    var description: String { "\(status) \(String(decoding: body.prefix(2000), as: UTF8.self))" }
}

struct UnexpectedReply: Error, CustomStringConvertible {
    let expected: Int
    let reply: APIReply
    var description: String { "expected \(expected), got \(reply)" }
}

struct DeadlineExceeded: Error, CustomStringConvertible {
    let what: String
    var description: String { "deadline exceeded waiting for \(what)" }
}

/// The newline-delimited JSON events of a watch response, read one at a time.
struct WatchLines {
    let status: Int
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private var buffer: [UInt8] = []
    private let deadline: Duration

    init(status: Int, body: HTTPClientResponse.Body, deadline: Duration) {
        self.status = status
        self.iterator = body.makeAsyncIterator()
        self.deadline = deadline
    }

    /// The next event, or nil when the server ended the stream. Throws `DeadlineExceeded`
    /// when nothing complete arrives within the deadline.
    mutating func next() async throws -> JSONValue? {
        let limit = ContinuousClock.now + deadline
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return try JSONValue.parse(line)
            }
            guard let chunk = try await nextChunk(before: limit) else {
                // Spelled out: a bare `nil` here would be `JSONValue.null`, not the end.
                if buffer.isEmpty { return Optional<JSONValue>.none }
                defer { buffer = [] }
                return try JSONValue.parse(buffer)
            }
            buffer += chunk.readableBytesView
        }
    }

    /// The next `count` events; throws if the stream ends or stalls before.
    mutating func next(_ count: Int) async throws -> [JSONValue] {
        var events: [JSONValue] = []
        while events.count < count {
            guard let event = try await next() else { throw DeadlineExceeded(what: "event \(events.count + 1) of \(count) (stream ended)") }
            events.append(event)
        }
        return events
    }

    /// Every remaining event, up to the end of the stream.
    mutating func rest() async throws -> [JSONValue] {
        var events: [JSONValue] = []
        while let event = try await next() { events.append(event) }
        return events
    }

    /// Reads the body in a child task raced against the deadline; the loser is cancelled
    /// (cancelling a body read cancels the request).
    private mutating func nextChunk(before limit: ContinuousClock.Instant) async throws -> ByteBuffer? {
        let box = IteratorBox(iterator)
        defer { iterator = box.iterator }
        return try await withThrowingTaskGroup(of: ChunkOrDeadline.self) { group in
            group.addTask { .chunk(try await box.next()) }
            group.addTask {
                try await Task.sleep(until: limit)
                return .deadline
            }
            defer { group.cancelAll() }
            switch try await group.next()! {
            case .chunk(let chunk): return chunk
            case .deadline: throw DeadlineExceeded(what: "a watch event")
            }
        }
    }

    private enum ChunkOrDeadline: Sendable {
        case chunk(ByteBuffer?)
        case deadline
    }

    /// Lets the body iterator cross into the child task that reads it; only that task touches
    /// it while the read is under way.
    private final class IteratorBox: @unchecked Sendable {
        var iterator: HTTPClientResponse.Body.AsyncIterator
        init(_ iterator: HTTPClientResponse.Body.AsyncIterator) { self.iterator = iterator }
        func next() async throws -> ByteBuffer? { try await iterator.next() }
    }
}
