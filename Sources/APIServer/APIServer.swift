import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle
import Store

/// Where and how the API server listens.
public struct APIServerConfiguration: Sendable {
    public var dataDirectory: String
    /// The address to listen on; `0.0.0.0` listens everywhere.
    public var bindAddress: String
    /// 0 picks a free port.
    public var port: Int
    /// Serve HTTPS with the cluster's certificates and require authentication. Off only for
    /// in-process tests of the handlers.
    public var secure: Bool

    public init(dataDirectory: String, bindAddress: String = "0.0.0.0", port: Int = 6443, secure: Bool = true) {
        self.dataDirectory = dataDirectory
        self.bindAddress = bindAddress
        self.port = port
        self.secure = secure
    }

    public var kubeconfigPath: String { "\(dataDirectory)/admin.kubeconfig" }
    public var pkiDirectory: String { "\(dataDirectory)/pki" }
}

/// The Kubernetes API server: HTTPS on Hummingbird, over the cluster store and its watch
/// cache. When it is ready to serve it writes `DATA_DIR/admin.kubeconfig`; it stops gracefully
/// with its service group, ending open watches.
public struct APIServer: Service {
    public let configuration: APIServerConfiguration
    let registry: ResourceRegistry
    let logger: Logger
    let onReady: @Sendable (_ port: Int) async -> Void
    let metrics: APIMetrics
    let cache: WatchCache
    let openAPI: OpenAPIDocuments
    let handler: ResourceHandler

    /// `now` stamps creation and deletion times; tests pass their manual clock.
    public init(configuration: APIServerConfiguration, store: any ClusterStore, registry: ResourceRegistry = .builtIn,
                now: @escaping @Sendable () -> Date = { Date() },
                logger: Logger, onReady: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) {
        self.configuration = configuration
        self.registry = registry
        self.logger = logger
        self.onReady = onReady
        let metrics = APIMetrics()
        let store = InstrumentedClusterStore(base: store, metrics: metrics)
        let cache = WatchCache(store: store, registry: registry, logger: logger)
        let openAPI = OpenAPIDocuments(registry: registry)
        self.metrics = metrics
        self.cache = cache
        self.openAPI = openAPI
        self.handler = ResourceHandler(store: store, cache: cache, registry: registry, openAPI: openAPI,
                                       now: now, logger: logger, serviceAccountTokens: ServiceAccountTokenKeyring())
    }

    /// A client that calls this server's handlers directly, with no socket, as `user`: for the
    /// controllers, scheduler and agents that run in this process. Its requests wait until the
    /// server's cache is ready.
    public func inProcessClient(user: UserInfo = UserInfo(name: "system:capstan", groups: ["system:masters", "system:authenticated"])) -> InProcessClusterClient {
        InProcessClusterClient(handler: handler, discovery: Discovery(registry: registry), user: user)
    }

    /// Names the serving certificate covers besides the defaults.
    var serverNames: [String] {
        var names = ["127.0.0.1", "::1", "localhost"]
        if configuration.bindAddress != "0.0.0.0", configuration.bindAddress != "::" { names.append(configuration.bindAddress) }
        names.append(ProcessInfo.processInfo.hostName)
        return names
    }

    /// The host clients should use: the bind address, or loopback when listening everywhere.
    var advertisedHost: String {
        switch configuration.bindAddress {
        case "0.0.0.0", "", "::": return "127.0.0.1"
        case let a where a.contains(":"): return "[\(a)]"
        case let a: return a
        }
    }

    public func run() async throws {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let credentials = configuration.secure
            ? try ClusterCredentials.loadOrCreate(directory: configuration.pkiDirectory, serverNames: serverNames)
            : nil
        let (metrics, cache, openAPI, handler) = (self.metrics, self.cache, self.openAPI, self.handler)
        if let credentials { handler.serviceAccountTokens.tokens = credentials.serviceAccountTokens }
        let portBox = PortBox()
        let responder = APIResponder(
            handler: handler, discovery: Discovery(registry: registry), openAPI: openAPI,
            authenticator: credentials?.authenticator, authorizer: AllowAuthenticatedAuthorizer(), metrics: metrics,
            serverAddress: { [advertisedHost] in "\(advertisedHost):\(portBox.port)" }, logger: logger)
        let server: HTTPServerBuilder = if let credentials {
            try .tls(.http1(), tlsConfiguration: credentials.serverTLS)
        } else {
            .http1()
        }
        let kubeconfigPath = configuration.kubeconfigPath
        let host = advertisedHost
        let onReady = self.onReady
        let logger = self.logger
        let app = Application(
            responder: responder, server: server,
            configuration: .init(address: .hostname(configuration.bindAddress, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                portBox.port = port
                await cache.waitUntilReady()
                if let credentials {
                    do {
                        try Self.writePrivateFile(kubeconfigPath, credentials.adminKubeconfig(serverURL: "https://\(host):\(port)"))
                    } catch {
                        logger.error("cannot write kubeconfig", metadata: ["path": "\(kubeconfigPath)", "error": "\(error)"])
                    }
                }
                logger.info("API server ready", metadata: ["address": "\(host):\(port)", "kubeconfig": "\(kubeconfigPath)"])
                await onReady(port)
            },
            logger: logger)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await cancelWhenGracefulShutdown { try await cache.run() }
            }
            group.addTask {
                try await cancelWhenGracefulShutdown {
                    var ticks = 0
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(1))
                        ticks += 1
                        await cache.tick(now: .now, sendBookmarks: ticks % 10 == 0)
                    }
                }
            }
            group.addTask {
                await cache.waitUntilReady()
                try await handler.ensureSystemNamespaces()
                try await handler.ensureSystemPriorityClasses()
                try await app.run()
            }
            do {
                try await group.next()
            } catch is CancellationError {
            }
            group.cancelAll()
            while let _ = try? await group.next() {}
        }
    }

    static func writePrivateFile(_ path: String, _ text: String) throws {
        let temporary = path + ".tmp"
        FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }
}

/// The port the server actually listens on, known once it runs (for `--port 0`).
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var port: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
