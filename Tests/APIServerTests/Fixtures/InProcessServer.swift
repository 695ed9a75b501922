import APIServer
import Foundation
import Logging
import Store

/// An API server running in this process on loopback, over an in-memory store, plain HTTP
/// and no authentication: for handler tests that speak HTTP without certificates. Stopped by
/// `stop()` (or when the test's task ends).
final class InProcessServer: Sendable {
    let port: Int
    let store: MemoryClusterStore
    /// A client that calls the server's handlers directly, as a cluster admin.
    let client: InProcessClusterClient
    private let task: Task<Void, any Error>

    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, store: MemoryClusterStore, client: InProcessClusterClient, task: Task<Void, any Error>) {
        self.port = port
        self.store = store
        self.client = client
        self.task = task
    }

    static func start(dataDirectory: String = NSTemporaryDirectory() + "capstan-test-\(UUID().uuidString)") async throws -> InProcessServer {
        let store = MemoryClusterStore()
        var logger = Logger(label: "test-apiserver")
        logger.logLevel = .warning
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let server = APIServer(
            configuration: APIServerConfiguration(dataDirectory: dataDirectory, bindAddress: "127.0.0.1", port: 0, secure: false),
            store: store, logger: logger, onReady: { port in continuation.yield(port) })
        let task = Task { try await server.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return InProcessServer(port: port, store: store, client: server.inProcessClient(), task: task)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    deinit { task.cancel() }
}
