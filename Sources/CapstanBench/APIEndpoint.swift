import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// How the API benchmark reaches a server: its base URL, the TLS it must use (trusting the
/// cluster CA, presenting a client certificate if it has one) and an optional bearer token.
struct APIEndpoint: Sendable {
    /// `https://host:port` or `http://host:port`, without a trailing slash.
    var baseURL: String
    /// nil for plain HTTP.
    var tls: TLSConfiguration?
    var bearerToken: String?

    /// A plain-HTTP server without authentication (`--insecure-http`, the in-process dev server).
    static func insecure(_ url: String) -> APIEndpoint {
        APIEndpoint(baseURL: trimmed(url), tls: nil, bearerToken: nil)
    }

    /// An HTTPS server trusting the CA in `caPEM`, authenticating with a client certificate
    /// and key (PEM) and/or a bearer token.
    static func secure(_ url: String, caPEM: [UInt8], clientCertificatePEM: [UInt8]?, clientKeyPEM: [UInt8]?,
                       bearerToken: String?) throws -> APIEndpoint {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(caPEM))
        if let clientCertificatePEM, let clientKeyPEM {
            tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(clientCertificatePEM).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: clientKeyPEM, format: .pem))
        }
        return APIEndpoint(baseURL: trimmed(url), tls: tls, bearerToken: bearerToken)
    }

    /// An HTTP/1.1 client whose pool keeps up to `connections` connections to this server,
    /// so that many concurrent requests use that many connections. Call `shutdown()` on it.
    func makeHTTPClient(connections: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            timeout: .init(connect: .seconds(10), read: nil),
            connectionPool: .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connections, 1))
        )
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    private static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
