import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// A `ClusterClient` over HTTP(S) to a remote API server, as a kubeconfig describes it:
/// TLS trusting the cluster CA, a client certificate or a bearer token. Requests have a
/// deadline; a watch's deadline covers its response head, and its body streams one event per
/// line until the server ends it or the reader stops. Call `shutdown()` when done.
public final class HTTPClusterClient: ClusterClient {
    public let baseURL: String
    private let http: HTTPClient
    /// Watches hold their connection for minutes: they get a pool of their own, sized for
    /// every informer of a controller manager, so that they never starve ordinary requests.
    private let watchHTTP: HTTPClient
    static let maxWatches = 1024
    private let token: String?
    private let requestTimeout: TimeAmount
    /// The most a whole (non-watch) response body may hold.
    private let maxBodyBytes = 512 << 20

    public init(kubeconfig: Kubeconfig, connections: Int = 8, requestTimeout: Duration = .seconds(60)) throws(ClientError) {
        baseURL = kubeconfig.server
        token = kubeconfig.token
        self.requestTimeout = .nanoseconds(Int64(requestTimeout.seconds * 1e9))
        var tls: TLSConfiguration?
        if kubeconfig.server.hasPrefix("https://") {
            var configuration = TLSConfiguration.makeClientConfiguration()
            do {
                if let ca = kubeconfig.certificateAuthorityPEM {
                    configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
                }
                if let certificate = kubeconfig.clientCertificatePEM, let key = kubeconfig.clientKeyPEM {
                    configuration.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
                    configuration.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
                }
            } catch {
                throw .transport("kubeconfig credentials are not usable PEM: \(error)")
            }
            if kubeconfig.insecureSkipTLSVerify { configuration.certificateVerification = .none }
            tls = configuration
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            timeout: .init(connect: .seconds(10), read: nil),
            connectionPool: .init(idleTimeout: .seconds(90), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connections, 1)))
        configuration.httpVersion = .http1Only
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        configuration.connectionPool = .init(idleTimeout: .seconds(90), concurrentHTTP1ConnectionsPerHostSoftLimit: Self.maxWatches)
        watchHTTP = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// A client for the kubeconfig at `path`.
    public convenience init(kubeconfigPath path: String, context: String? = nil, connections: Int = 8) throws {
        try self.init(kubeconfig: Kubeconfig(contentsOfFile: path, context: context), connections: connections)
    }

    /// Closes the connections. Requests after this fail.
    public func shutdown() async {
        try? await http.shutdown()
        try? await watchHTTP.shutdown()
    }

    public func send(_ request: ClientRequest) async throws(ClientError) -> ClientResponse {
        do {
            let response = try await http.execute(makeRequest(request), timeout: requestTimeout)
            let body = try await response.body.collect(upTo: maxBodyBytes)
            var headers: [String: String] = [:]
            for (name, value) in response.headers { headers[name.lowercased()] = value }
            return ClientResponse(status: Int(response.status.code), body: Array(buffer: body), headers: headers)
        } catch {
            throw .transport("\(request.method.rawValue) \(request.path): \(error)")
        }
    }

    public func openWatch(_ request: ClientRequest) async throws(ClientError) -> AsyncThrowingStream<[UInt8], any Error> {
        let response: HTTPClientResponse
        do {
            response = try await watchHTTP.execute(makeRequest(request), timeout: requestTimeout)
        } catch {
            throw .transport("watch \(request.path): \(error)")
        }
        guard response.status == .ok else {
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { Array(buffer: $0) } ?? []
            throw ClientError(response: ClientResponse(status: Int(response.status.code), body: body))
        }
        return AsyncThrowingStream { continuation in
            let task = Task {
                var pending: [UInt8] = []
                do {
                    for try await chunk in response.body {
                        pending.append(contentsOf: chunk.readableBytesView)
                        var start = 0
                        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                            let line = pending[start..<newline]
                            if !line.allSatisfy({ $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: " ") }) {
                                continuation.yield(Array(line))
                            }
                            start = newline + 1
                        }
                        pending.removeFirst(start)
                    }
                    if !pending.isEmpty { continuation.yield(pending) }
                    continuation.finish()
                } catch is CancellationError {
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: ClientError.transport("watch \(request.path): \(error)"))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func makeRequest(_ request: ClientRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: baseURL + request.target)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        outgoing.headers.add(name: "Accept", value: "application/json")
        outgoing.headers.add(name: "User-Agent", value: "capstan/v1.32.0")
        if let token { outgoing.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body = request.body {
            outgoing.headers.add(name: "Content-Type", value: request.contentType ?? "application/json")
            outgoing.body = .bytes(body)
        }
        return outgoing
    }
}
