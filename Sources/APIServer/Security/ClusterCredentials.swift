import NIOSSL

// Placeholder until the certificate authority lands.

/// The cluster's PKI and tokens under `DATA_DIR/pki`: the CA, the serving certificate, and the
/// admin credentials, generated on first start and reused after.
public struct ClusterCredentials: Sendable {
    /// The server's TLS configuration: its serving certificate, and client certificates
    /// requested (optional) and verified against the cluster CA.
    public var serverTLS: TLSConfiguration
    /// The CA certificate, PEM.
    public var caCertificatePEM: String
    /// The admin user's bearer token.
    public var adminToken: String
    public var authenticator: Authenticator

    /// Loads the PKI under `directory`, creating what is missing. `serverNames` are the DNS
    /// names and IP addresses the serving certificate covers.
    public static func loadOrCreate(directory: String, serverNames: [String]) throws -> ClusterCredentials {
        struct NotYet: Error {}
        throw NotYet()
    }

    /// A kubeconfig for the admin user against `serverURL`, with the CA embedded.
    public func adminKubeconfig(serverURL: String) -> String { "" }
}

/// Establishes who made a request, from a bearer token or a verified client certificate.
public struct Authenticator: Sendable {
    /// The user, or nil when neither credential is valid (401).
    public func authenticate(bearerToken: String?, clientCertificate: NIOSSLCertificate?) -> UserInfo? { nil }
}
