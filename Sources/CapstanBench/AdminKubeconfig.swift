import Client
import Foundation

/// The connection the API benchmark makes from a kubeconfig, read by the client library's
/// `Kubeconfig` (current context): the server, the CA, and a client certificate or token.
struct AdminKubeconfig: Sendable, Equatable {
    var server: String
    var caPEM: [UInt8]
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: [UInt8]?
    var token: String?

    init(contentsOfFile path: String) throws {
        let config = try Kubeconfig(contentsOfFile: path)
        guard let ca = config.certificateAuthorityPEM else {
            throw BenchError.kubeconfig("the cluster has no certificate-authority(-data)")
        }
        guard config.clientCertificatePEM != nil || config.token != nil else {
            throw BenchError.kubeconfig("the user has neither a client certificate and key nor a token")
        }
        server = config.server
        caPEM = ca
        clientCertificatePEM = config.clientCertificatePEM
        clientKeyPEM = config.clientKeyPEM
        token = config.token
    }

    func endpoint() throws -> APIEndpoint {
        try .secure(server, caPEM: caPEM, clientCertificatePEM: clientCertificatePEM, clientKeyPEM: clientKeyPEM,
                    bearerToken: token)
    }
}
