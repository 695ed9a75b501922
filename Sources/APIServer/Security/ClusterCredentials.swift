import Crypto
import Foundation
import NIOSSL
import X509

/// The cluster's PKI and tokens under `DATA_DIR/pki`: the CA, the serving certificate, and the
/// admin credentials, generated on first start and reused after.
///
/// Files (see `PKIDirectory.File`; keys and tokens mode 0600, certificates 0644, all PEM):
/// `ca.crt`/`ca.key` (ECDSA P-256 CA `capstan-ca`, 10 years), `apiserver.crt`/`apiserver.key`
/// (serving certificate, 1 year), `admin.crt`/`admin.key` (client certificate for
/// `capstan-admin` in `system:masters`, 1 year), `tokens.csv` (kube-apiserver static token
/// file holding the admin token).
///
/// Contracts of `loadOrCreate`:
/// - The CA is created only when `ca.crt` does not exist (`ca.key` is written first, `ca.crt`
///   last, so a half-written CA is one without `ca.crt`). Once it exists it is never replaced;
///   a missing or mismatched `ca.key` is an error.
/// - A leaf certificate is reissued (with a new key) when it is missing or unparsable, not
///   issued by the CA, not the key's certificate, expires within `renewalWindow`, or no longer
///   says what is asked (the serving certificate must cover every requested name; the admin
///   certificate must name `capstan-admin` in `system:masters`). Otherwise its bytes are reused.
/// - `tokens.csv` is created with a random 32-byte hex admin token; an existing file is kept,
///   and an admin record is appended only if it has none.
public struct ClusterCredentials: Sendable {
    /// The admin user's name, in its client certificate and its token record.
    public static let adminUserName = "capstan-admin"
    /// The group that Kubernetes' default RBAC binds to `cluster-admin`.
    public static let adminGroup = "system:masters"
    /// The common name of the serving certificate.
    static let servingCommonName = "capstan-apiserver"
    /// Leaf certificates expiring within this interval are reissued at start.
    static let renewalWindow: TimeInterval = 30 * 24 * 3600

    /// The server's TLS configuration: its serving certificate, and client certificates
    /// requested (optional) and verified against the cluster CA; HTTP/1.1 only, TLS 1.2 or later.
    public var serverTLS: TLSConfiguration
    /// The CA certificate, PEM.
    public var caCertificatePEM: String
    /// The serving certificate, PEM.
    public var servingCertificatePEM: String
    /// The admin user's bearer token.
    public var adminToken: String
    /// The admin user's client certificate, PEM.
    public var adminCertificatePEM: String
    /// The admin user's private key, PEM (PKCS#8); a secret, as `admin.key` is.
    public var adminKeyPEM: String
    /// Signs service-account tokens with the key in `service-account.key`.
    public var serviceAccountTokens: ServiceAccountTokens
    /// Accepts the tokens of `tokens.csv`, service-account tokens, and client certificates
    /// issued by the CA.
    public var authenticator: Authenticator

    /// Loads the PKI under `directory`, creating what is missing. `serverNames` are the DNS
    /// names and IP addresses the serving certificate covers, besides `localhost`, the
    /// `kubernetes` Service names, `127.0.0.1`, `::1` and this machine's host name.
    public static func loadOrCreate(directory: String, serverNames: [String]) throws -> ClusterCredentials {
        try loadOrCreate(directory: directory, serverNames: serverNames, hostName: currentHostName(), now: Date())
    }

    /// `loadOrCreate(directory:serverNames:)` with the host name and the clock as inputs.
    /// `hostName` is added to the serving names when it is a valid DNS name, and skipped otherwise.
    static func loadOrCreate(directory: String, serverNames: [String], hostName: String?, now: Date) throws -> ClusterCredentials {
        let pki = PKIDirectory(path: directory)
        var names = try ServingNames(ServingNames.alwaysIncluded + serverNames)
        if let hostName {
            try? names.insert(hostName)
        }

        let authority = try loadOrCreateAuthority(in: pki, now: now)
        let serving = try loadOrIssueLeaf(
            .serving(commonName: servingCommonName, names: names),
            certificateFile: .servingCertificate, keyFile: .servingKey, authority: authority, in: pki, now: now
        ) { certificate in
            try ServingNames(subjectAlternativeNamesOf: certificate).covers(names)
        }
        let admin = try loadOrIssueLeaf(
            .client(commonName: adminUserName, organizations: [adminGroup]),
            certificateFile: .adminCertificate, keyFile: .adminKey, authority: authority, in: pki, now: now
        ) { certificate in
            certificate.subject.commonName == adminUserName && certificate.subject.organizations == [adminGroup]
        }
        let (tokenFile, adminToken) = try loadOrCreateTokens(in: pki)
        let serviceAccountTokens = ServiceAccountTokens(key: try loadOrCreateServiceAccountKey(in: pki))

        let caPEM = try pem(authority.certificate)
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(serving.certificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(serving.keyPEM.utf8), format: .pem))
        )
        tls.certificateVerification = .optionalVerification
        tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(caPEM.utf8), format: .pem)])
        tls.sendCANameList = true
        tls.applicationProtocols = ["http/1.1"]
        tls.minimumTLSVersion = .tlsv12

        return ClusterCredentials(
            serverTLS: tls,
            caCertificatePEM: caPEM,
            servingCertificatePEM: serving.certificatePEM,
            adminToken: adminToken,
            adminCertificatePEM: admin.certificatePEM,
            adminKeyPEM: admin.keyPEM,
            serviceAccountTokens: serviceAccountTokens,
            authenticator: Authenticator(tokenFile: tokenFile, clientCertificateAuthority: authority.certificate,
                                         serviceAccountTokens: serviceAccountTokens)
        )
    }

    /// A kubeconfig for the admin user against `serverURL`, with the CA and the admin's client
    /// certificate and key embedded; cluster and context are named `capstan`.
    public func adminKubeconfig(serverURL: String) -> String {
        Kubeconfig(
            clusterName: "capstan",
            serverURL: serverURL,
            certificateAuthorityPEM: caCertificatePEM,
            userName: Self.adminUserName,
            clientCertificatePEM: adminCertificatePEM,
            clientKeyPEM: adminKeyPEM,
            contextName: "capstan"
        ).rendered()
    }

    // MARK: - Loading and creating

    /// A leaf certificate and its key as stored.
    private struct StoredLeaf {
        var certificatePEM: String
        var keyPEM: String
    }

    private static func loadOrCreateAuthority(in pki: PKIDirectory, now: Date) throws -> CertificateAuthority {
        guard let certificatePEM = try pki.read(.caCertificate) else {
            let authority = try CertificateAuthority.generate(now: now)
            try pki.writeAtomically(.caKey, contents: try pem(authority.keyPair.privateKey))
            try pki.writeAtomically(.caCertificate, contents: try pem(authority.certificate))
            return authority
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
        } catch {
            throw ClusterCredentialsError.unreadableFile(path: pki.path(of: .caCertificate), reason: "\(error)")
        }
        let keyPath = pki.path(of: .caKey)
        guard let keyPEM = try pki.read(.caKey) else {
            throw ClusterCredentialsError.unusableCAKey(path: keyPath, reason: "it does not exist")
        }
        let privateKey: Certificate.PrivateKey
        do {
            privateKey = try Certificate.PrivateKey(pemEncoded: keyPEM)
        } catch {
            throw ClusterCredentialsError.unusableCAKey(path: keyPath, reason: "\(error)")
        }
        return try CertificateAuthority(certificate: certificate, privateKey: privateKey, keyPath: keyPath)
    }

    /// The stored leaf if it is still good for `profile` (see the type's contracts; `saysWhatIsAsked`
    /// checks the profile-specific part), else a newly issued one, written key first.
    private static func loadOrIssueLeaf(
        _ profile: CertificateAuthority.LeafProfile,
        certificateFile: PKIDirectory.File,
        keyFile: PKIDirectory.File,
        authority: CertificateAuthority,
        in pki: PKIDirectory,
        now: Date,
        saysWhatIsAsked: (Certificate) throws -> Bool
    ) throws -> StoredLeaf {
        if let certificatePEM = try? pki.read(certificateFile), let keyPEM = try? pki.read(keyFile),
           let certificate = try? Certificate(pemEncoded: certificatePEM),
           let key = try? Certificate.PrivateKey(pemEncoded: keyPEM),
           key.publicKey == certificate.publicKey,
           authority.hasIssued(certificate),
           certificate.notValidAfter > now + renewalWindow,
           (try? saysWhatIsAsked(certificate)) == true {
            return StoredLeaf(certificatePEM: certificatePEM, keyPEM: keyPEM)
        }
        let issued = try authority.issue(profile, now: now)
        let leaf = StoredLeaf(certificatePEM: try pem(issued.certificate), keyPEM: try pem(issued.privateKey))
        try pki.writeAtomically(keyFile, contents: leaf.keyPEM)
        try pki.writeAtomically(certificateFile, contents: leaf.certificatePEM)
        return leaf
    }

    /// The token file, created or completed with an admin record, and the admin's token.
    private static func loadOrCreateTokens(in pki: PKIDirectory) throws -> (StaticTokenFile, String) {
        var tokenFile = StaticTokenFile()
        if let text = try pki.read(.tokens) {
            tokenFile = try StaticTokenFile(parsing: text, path: pki.path(of: .tokens))
            if let admin = tokenFile.entry(forUser: adminUserName) {
                return (tokenFile, admin.token)
            }
        }
        let token = randomToken()
        tokenFile.append(StaticTokenFile.Entry(
            token: token, user: UserInfo(name: adminUserName, uid: adminUserName, groups: [adminGroup])))
        try pki.writeAtomically(.tokens, contents: tokenFile.rendered())
        return (tokenFile, token)
    }

    /// The service-account signing key (P-256, PKCS#8 PEM), created on first start.
    private static func loadOrCreateServiceAccountKey(in pki: PKIDirectory) throws -> P256.Signing.PrivateKey {
        if let text = try pki.read(.serviceAccountKey) {
            do { return try P256.Signing.PrivateKey(pemRepresentation: text) } catch {
                throw ClusterCredentialsError.unreadableFile(path: pki.path(of: .serviceAccountKey), reason: "not a P-256 private key: \(error)")
            }
        }
        let key = P256.Signing.PrivateKey()
        try pki.writeAtomically(.serviceAccountKey, contents: key.pemRepresentation)
        return key
    }

    /// 32 random bytes from the system's cryptographic generator, as 64 lower-case hex digits.
    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(byte, radix: 16).leftPadded(to: 2)
        }.joined()
    }

    private static func currentHostName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return nil }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? nil : name
    }

    private static func pem(_ certificate: Certificate) throws -> String {
        terminated(try certificate.serializeAsPEM().pemString)
    }

    private static func pem(_ key: Certificate.PrivateKey) throws -> String {
        terminated(try key.serializeAsPEM().pemString)
    }

    private static func terminated(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
