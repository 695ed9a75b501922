import Foundation
import Resources
import YAML

/// The parts of a kubeconfig the API benchmark connects with, read from its first cluster and
/// first user: the server URL, the CA (`certificate-authority-data`, base64 PEM), and the
/// user's client certificate and key (`client-certificate-data`, `client-key-data`) or token.
struct AdminKubeconfig: Sendable, Equatable {
    var server: String
    var caPEM: [UInt8]
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: [UInt8]?
    var token: String?

    init(yaml text: String) throws {
        let config = try YAMLDecoder().value(from: text)
        guard let cluster = config["clusters"]?.arrayValue?.first?["cluster"] else {
            throw BenchError.kubeconfig("no clusters[0].cluster")
        }
        guard let server = cluster["server"]?.stringValue else {
            throw BenchError.kubeconfig("no clusters[0].cluster.server")
        }
        self.server = server
        caPEM = try Self.base64(cluster["certificate-authority-data"], "clusters[0].cluster.certificate-authority-data")
        let user = config["users"]?.arrayValue?.first?["user"]
        if let certificate = user?["client-certificate-data"], let key = user?["client-key-data"] {
            clientCertificatePEM = try Self.base64(certificate, "users[0].user.client-certificate-data")
            clientKeyPEM = try Self.base64(key, "users[0].user.client-key-data")
        }
        token = user?["token"]?.stringValue
        guard clientCertificatePEM != nil || token != nil else {
            throw BenchError.kubeconfig("users[0].user has neither client-certificate-data/client-key-data nor a token")
        }
    }

    init(contentsOfFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError.unreadable(path) }
        try self.init(yaml: String(decoding: data, as: UTF8.self))
    }

    func endpoint() throws -> APIEndpoint {
        try .secure(server, caPEM: caPEM, clientCertificatePEM: clientCertificatePEM, clientKeyPEM: clientKeyPEM,
                    bearerToken: token)
    }

    private static func base64(_ value: JSONValue?, _ field: String) throws -> [UInt8] {
        guard let text = value?.stringValue else { throw BenchError.kubeconfig("no \(field)") }
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
            throw BenchError.kubeconfig("\(field) is not base64")
        }
        return Array(data)
    }
}
