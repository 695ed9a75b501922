import Crypto
import Foundation
import NIOSSL
import X509

/// Establishes who made a request, from a bearer token or a client certificate, as
/// kube-apiserver's token-file and x509 authenticators do.
///
/// Contracts:
/// - A client certificate is tried first, then the bearer token; a credential that fails
///   does not stop the other from succeeding (kube-apiserver's union authenticator).
/// - A client certificate authenticates when the cluster CA issued it, it is within its
///   validity period at `now()`, its extended key usage (if any) allows client auth, and it
///   has a common name. TLS has normally verified it already; checking again keeps a
///   certificate that reached this code some other way from being trusted.
///   Common name → user name; each organization → a group.
/// - A bearer token authenticates when it equals a token of the static token file. Tokens are
///   compared as SHA-256 digests in constant time, against every entry.
/// - A bearer token that is a service-account token signed with the cluster's key, and valid
///   now, authenticates as the service account (`ServiceAccountTokens`); the caller then
///   checks that the account still exists (`Authentication.serviceAccount`).
/// - Every authenticated user is in the group `system:authenticated`.
/// - Tokens are read when the authenticator is made; a changed file needs a new authenticator.
public struct Authenticator: Sendable {
    static let authenticatedGroup = "system:authenticated"

    private struct TokenEntry: Sendable {
        var digest: [UInt8]
        var user: UserInfo
    }

    private let tokens: [TokenEntry]
    private let clientCertificateAuthority: Certificate
    private let serviceAccountTokens: ServiceAccountTokens?
    private let now: @Sendable () -> Date

    /// Who made a request, and for a service-account token, what the token claims.
    public struct Authentication: Sendable {
        public var user: UserInfo
        public var serviceAccount: ServiceAccountTokens.Claims?
    }

    /// An authenticator accepting the tokens of `tokenFile` and client certificates issued by
    /// `clientCertificateAuthority`; `now` is the clock certificate validity is checked against.
    init(tokenFile: StaticTokenFile, clientCertificateAuthority: Certificate, serviceAccountTokens: ServiceAccountTokens? = nil,
         now: @escaping @Sendable () -> Date = { Date() }) {
        self.tokens = tokenFile.entries.map { TokenEntry(digest: Self.digest($0.token), user: $0.user) }
        self.clientCertificateAuthority = clientCertificateAuthority
        self.serviceAccountTokens = serviceAccountTokens
        self.now = now
    }

    /// `init(tokenFile:clientCertificateAuthority:now:)` with the CA given as PEM.
    init(tokenFile: StaticTokenFile, clientCertificateAuthorityPEM: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.init(tokenFile: tokenFile, clientCertificateAuthority: try Certificate(pemEncoded: clientCertificateAuthorityPEM), now: now)
    }

    /// The user, or nil when neither credential is valid (401).
    public func authenticate(bearerToken: String?, clientCertificate: NIOSSLCertificate?) -> UserInfo? {
        authentication(bearerToken: bearerToken, clientCertificate: clientCertificate)?.user
    }

    /// The user and, for a service-account token, its claims; nil when no credential is valid.
    public func authentication(bearerToken: String?, clientCertificate: NIOSSLCertificate?) -> Authentication? {
        if let clientCertificate, let user = user(for: clientCertificate) {
            return Authentication(user: Self.withAuthenticatedGroup(user))
        }
        if let bearerToken, let user = user(forToken: bearerToken) {
            return Authentication(user: Self.withAuthenticatedGroup(user))
        }
        if let bearerToken, let serviceAccountTokens, let claims = serviceAccountTokens.verify(bearerToken, now: now()) {
            return Authentication(user: Self.withAuthenticatedGroup(claims.user), serviceAccount: claims)
        }
        return nil
    }

    private func user(for clientCertificate: NIOSSLCertificate) -> UserInfo? {
        guard let der = try? clientCertificate.toDERBytes(),
              let certificate = try? Certificate(derEncoded: der),
              clientCertificateAuthority.hasIssued(certificate)
        else { return nil }
        let instant = now()
        guard certificate.notValidBefore <= instant, instant <= certificate.notValidAfter else { return nil }
        if let usages = try? certificate.extensions.extendedKeyUsage {
            guard usages.contains(.clientAuth) || usages.contains(.any) else { return nil }
        } else if certificate.extensions[oid: .X509ExtensionID.extendedKeyUsage] != nil {
            return nil
        }
        guard let commonName = certificate.subject.commonName, !commonName.isEmpty else { return nil }
        return UserInfo(name: commonName, groups: certificate.subject.organizations)
    }

    private func user(forToken token: String) -> UserInfo? {
        guard !token.isEmpty else { return nil }
        let presented = Self.digest(token)
        var match: UserInfo?
        for entry in tokens where Self.constantTimeEquals(entry.digest, presented) && match == nil {
            match = entry.user
        }
        return match
    }

    private static func withAuthenticatedGroup(_ user: UserInfo) -> UserInfo {
        var user = user
        if !user.groups.contains(authenticatedGroup) {
            user.groups.append(authenticatedGroup)
        }
        return user
    }

    private static func digest(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// Compares two equal-length digests without stopping at the first difference.
    private static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}
