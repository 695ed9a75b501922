import Crypto
import Foundation
import X509

/// The cluster's certificate authority: a self-signed ECDSA P-256 certificate and its key,
/// which issues the serving certificate and client certificates.
///
/// Contracts:
/// - Every certificate is X.509 v3 with a random positive serial, ECDSA-with-SHA256, a
///   subject key identifier, and (leaves) an authority key identifier naming the CA's key —
///   what strict verifiers (OpenSSL's `X509_V_FLAG_X509_STRICT`, which Python's `ssl` and
///   urllib3 enable) require.
/// - Validity starts `backdating` before `now`, to tolerate clock skew between machines.
/// - The CA may sign only end-entity certificates (path length 0).
struct CertificateAuthority: Sendable {
    /// A certificate with the private key of its public key.
    struct KeyPair: Sendable {
        var certificate: Certificate
        var privateKey: Certificate.PrivateKey
    }

    /// What a leaf certificate is for.
    enum LeafProfile: Sendable {
        /// A TLS server certificate covering `names`.
        case serving(commonName: String, names: ServingNames)
        /// A TLS client certificate; Kubernetes reads the user from the common name and the
        /// groups from the organizations.
        case client(commonName: String, organizations: [String])
    }

    static let commonName = "capstan-ca"
    static let validity: TimeInterval = 10 * 365 * 24 * 3600
    static let leafValidity: TimeInterval = 365 * 24 * 3600
    static let backdating: TimeInterval = 5 * 60

    let keyPair: KeyPair

    var certificate: Certificate { keyPair.certificate }

    /// Wraps an existing CA; throws `unusableCAKey` when `privateKey` is not the key of
    /// `certificate`.
    init(certificate: Certificate, privateKey: Certificate.PrivateKey, keyPath: String) throws(ClusterCredentialsError) {
        guard privateKey.publicKey == certificate.publicKey else {
            throw .unusableCAKey(path: keyPath, reason: "it is not the key of ca.crt")
        }
        self.keyPair = KeyPair(certificate: certificate, privateKey: privateKey)
    }

    private init(keyPair: KeyPair) {
        self.keyPair = keyPair
    }

    /// A new CA with a fresh key, valid for `validity` from `now`.
    static func generate(now: Date) throws -> CertificateAuthority {
        let privateKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName {
            CommonName(commonName)
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            SubjectKeyIdentifier(hash: privateKey.publicKey)
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: randomSerialNumber(),
            publicKey: privateKey.publicKey,
            notValidBefore: now - backdating,
            notValidAfter: now + validity,
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: privateKey
        )
        return CertificateAuthority(keyPair: KeyPair(certificate: certificate, privateKey: privateKey))
    }

    /// A new leaf certificate for `profile` with a fresh key, valid for `leafValidity` from `now`.
    func issue(_ profile: LeafProfile, now: Date) throws -> KeyPair {
        let privateKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let authorityKeyIdentifier = try certificate.extensions.subjectKeyIdentifier?.keyIdentifier
            ?? SubjectKeyIdentifier(hash: certificate.publicKey).keyIdentifier
        let subject: DistinguishedName
        let extensions: Certificate.Extensions
        switch profile {
        case .serving(let commonName, let names):
            subject = try DistinguishedName {
                CommonName(commonName)
            }
            let alternativeNames = names.dnsNames.sorted().map { GeneralName.dnsName($0) }
                + names.ipAddresses.sorted { $0.lexicographicallyPrecedes($1) }.map { GeneralName.ipAddress(.init(contentBytes: $0[...])) }
            extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectKeyIdentifier(hash: privateKey.publicKey)
                AuthorityKeyIdentifier(keyIdentifier: authorityKeyIdentifier)
                SubjectAlternativeNames(alternativeNames)
            }
        case .client(let commonName, let organizations):
            var attributes = organizations.map {
                RelativeDistinguishedName.Attribute(type: .RDNAttributeType.organizationName, utf8String: $0)
            }
            attributes.append(RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: commonName))
            subject = try DistinguishedName(attributes)
            extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.clientAuth])
                SubjectKeyIdentifier(hash: privateKey.publicKey)
                AuthorityKeyIdentifier(keyIdentifier: authorityKeyIdentifier)
            }
        }
        let leaf = try Certificate(
            version: .v3,
            serialNumber: Self.randomSerialNumber(),
            publicKey: privateKey.publicKey,
            notValidBefore: now - Self.backdating,
            notValidAfter: min(now + Self.leafValidity, certificate.notValidAfter),
            issuer: certificate.subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: keyPair.privateKey
        )
        return KeyPair(certificate: leaf, privateKey: privateKey)
    }

    /// Whether `leaf` was issued by this CA: its issuer is the CA's subject and the CA's key
    /// verifies its signature. Says nothing about validity dates or usages.
    func hasIssued(_ leaf: Certificate) -> Bool {
        certificate.hasIssued(leaf)
    }

    /// 16 random bytes with the high bit clear, so the DER INTEGER is positive (Go's
    /// crypto/x509 rejects negative serials) and has no leading zero byte to strip.
    private static func randomSerialNumber() -> Certificate.SerialNumber {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        bytes[0] = (bytes[0] & 0x7F) | 0x40
        return Certificate.SerialNumber(bytes: bytes)
    }
}

extension Certificate {
    /// Whether `self` (as a CA) issued `leaf`: the leaf's issuer is this certificate's subject
    /// and this certificate's key verifies the leaf's signature.
    func hasIssued(_ leaf: Certificate) -> Bool {
        leaf.issuer == subject && publicKey.isValidSignature(leaf.signature, for: leaf)
    }
}
