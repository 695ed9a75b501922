import APIServer
import Foundation
import Logging
import Store

/// The API server run inside the benchmark's own process, over plain HTTP without
/// authentication, on a SQLite store in `dataDirectory`: for developing the benchmark without
/// the server's certificates. Client and server share this process's cores, and there is no
/// TLS, so its figures are not the recorded ones (the child `capstan server` over HTTPS is).
final class InProcessAPIServer: Sendable {
    let port: Int
    private let store: SQLiteClusterStore
    private let task: Task<Void, any Error>

    var endpoint: APIEndpoint { .insecure("http://127.0.0.1:\(port)") }

    private init(port: Int, store: SQLiteClusterStore, task: Task<Void, any Error>) {
        self.port = port
        self.store = store
        self.task = task
    }

    static func start(dataDirectory: String, readyTimeout: Duration = .seconds(60)) async throws -> InProcessAPIServer {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let store = try SQLiteClusterStore(path: dataDirectory + "/store.db")
        var logger = Logger(label: "capstan-bench-apiserver")
        // Critical only: cancelling the server (how `stop()` ends it) is logged as an error.
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let server = APIServer(
            configuration: APIServerConfiguration(dataDirectory: dataDirectory, bindAddress: "127.0.0.1", port: 0, secure: false),
            store: store, logger: logger, onReady: { port in continuation.yield(port) })
        let task = Task {
            defer { continuation.finish() }
            try await server.run()
        }
        do {
            let port = try await withTimeout(readyTimeout, "in-process API server start") {
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { throw CancellationError() }
                return port
            }
            return InProcessAPIServer(port: port, store: store, task: task)
        } catch {
            task.cancel()
            _ = try? await task.value
            await store.close()
            throw error
        }
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        await store.close()
    }
}
