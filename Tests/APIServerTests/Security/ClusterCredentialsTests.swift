import Foundation
import NIOSSL
import Resources
import Testing
import YAML
@testable import APIServer

@Suite struct ClusterCredentialsTests {
    static let day: TimeInterval = 24 * 3600

    @Test func firstStartCreatesEveryFileWithPrivateKeysOwnerOnly() throws {
        let pki = PKIFixture()
        let credentials = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])

        for key in ["ca.key", "apiserver.key", "admin.key", "tokens.csv", "service-account.key"] {
            #expect(try pki.mode(key) == 0o600, "\(key)")
        }
        for certificate in ["ca.crt", "apiserver.crt", "admin.crt"] {
            #expect(pki.contents(certificate)?.hasPrefix("-----BEGIN CERTIFICATE-----") == true, "\(certificate)")
            #expect(try pki.mode(certificate) == 0o644, "\(certificate)")
        }
        #expect(pki.contents("ca.key")?.contains("PRIVATE KEY-----") == true)
        #expect(pki.contents("ca.crt") == credentials.caCertificatePEM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: pki.directory).sorted()
            == ["admin.crt", "admin.key", "apiserver.crt", "apiserver.key", "ca.crt", "ca.key", "service-account.key", "tokens.csv"])
    }

    @Test func tokenFileHoldsA32ByteHexAdminTokenInKubernetesFormat() throws {
        let pki = PKIFixture()
        let credentials = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])

        #expect(credentials.adminToken.count == 64)
        #expect(credentials.adminToken.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(pki.contents("tokens.csv") == "\(credentials.adminToken),capstan-admin,capstan-admin,\"system:masters\"\n")
    }

    @Test func secondStartReusesTheCAAndEveryCredential() throws {
        let pki = PKIFixture()
        let first = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: ["10.0.0.7"])
        let caKey = pki.contents("ca.key")
        let second = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: ["10.0.0.7"])

        #expect(second.caCertificatePEM == first.caCertificatePEM)
        #expect(pki.contents("ca.key") == caKey)
        #expect(second.servingCertificatePEM == first.servingCertificatePEM)
        #expect(second.adminCertificatePEM == first.adminCertificatePEM)
        #expect(second.adminToken == first.adminToken)
    }

    @Test func servingCertificateCoversTheDefaultsAndTheRequestedNames() throws {
        let pki = PKIFixture()
        let credentials = try ClusterCredentials.loadOrCreate(
            directory: pki.directory, serverNames: ["capstan.example.com", "192.168.1.20", "fd00::20"],
            hostName: "Node-1", now: Date())
        let names = try ServingNames(subjectAlternativeNamesOfPEM: credentials.servingCertificatePEM)

        #expect(names.dnsNames == [
            "localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local", "node-1", "capstan.example.com",
        ])
        let addresses = ["127.0.0.1", "::1", "192.168.1.20", "fd00::20"].compactMap(ServingNames.ipAddressBytes)
        #expect(names.ipAddresses == Set(addresses))
    }

    @Test func servingCertificateIsReissuedWhenANewNameIsAskedFor() throws {
        let pki = PKIFixture()
        let first = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])
        let second = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: ["10.1.2.3"])

        #expect(second.caCertificatePEM == first.caCertificatePEM)
        #expect(second.servingCertificatePEM != first.servingCertificatePEM)
        let names = try ServingNames(subjectAlternativeNamesOfPEM: second.servingCertificatePEM)
        #expect(names.ipAddresses.contains([10, 1, 2, 3]))
        #expect(second.adminCertificatePEM == first.adminCertificatePEM)
    }

    @Test func leafCertificatesAreReissuedWithin30DaysOfExpiryButTheCAIsNot() throws {
        let pki = PKIFixture()
        let now = Date()
        let first = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [], hostName: nil, now: now)
        let stillFine = try ClusterCredentials.loadOrCreate(
            directory: pki.directory, serverNames: [], hostName: nil, now: now + 300 * Self.day)
        let nearExpiry = try ClusterCredentials.loadOrCreate(
            directory: pki.directory, serverNames: [], hostName: nil, now: now + 340 * Self.day)

        #expect(stillFine.servingCertificatePEM == first.servingCertificatePEM)
        #expect(nearExpiry.servingCertificatePEM != first.servingCertificatePEM)
        #expect(nearExpiry.adminCertificatePEM != first.adminCertificatePEM)
        #expect(nearExpiry.caCertificatePEM == first.caCertificatePEM)
    }

    @Test func aMissingCAKeyIsAnErrorNotANewCA() throws {
        let pki = PKIFixture()
        let first = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])
        try FileManager.default.removeItem(atPath: pki.path("ca.key"))

        #expect(throws: ClusterCredentialsError.self) {
            try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])
        }
        #expect(pki.contents("ca.crt") == first.caCertificatePEM)
    }

    @Test func anUnparsableServerNameIsRejected() {
        let pki = PKIFixture()
        #expect(throws: ClusterCredentialsError.invalidServerName("bad name!")) {
            try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: ["bad name!"])
        }
    }

    @Test func serverTLSRequestsButDoesNotRequireClientCertificates() throws {
        let pki = PKIFixture()
        let tls = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: []).serverTLS

        #expect(tls.certificateVerification == .optionalVerification)
        #expect(tls.applicationProtocols == ["http/1.1"])
        #expect(tls.minimumTLSVersion == .tlsv12)
        #expect(tls.trustRoots == .certificates(try NIOSSLCertificate.fromPEMFile(pki.path("ca.crt"))))
        _ = try NIOSSLContext(configuration: tls)
    }

    @Test func adminKubeconfigEmbedsTheCAAndTheAdminCredentials() throws {
        let pki = PKIFixture()
        let credentials = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])
        let text = credentials.adminKubeconfig(serverURL: "https://127.0.0.1:6443")
        let config = try #require(try YAMLDecoder().values(from: text).first)

        #expect(config["apiVersion"] == "v1")
        #expect(config["kind"] == "Config")
        #expect(config["current-context"] == "capstan")
        let cluster = try #require(config["clusters"]?.arrayValue?.first)
        #expect(cluster["name"] == "capstan")
        #expect(cluster["cluster"]?["server"] == "https://127.0.0.1:6443")
        #expect(Self.decodedBase64(cluster["cluster"]?["certificate-authority-data"]) == credentials.caCertificatePEM)
        let user = try #require(config["users"]?.arrayValue?.first)
        #expect(user["name"] == "capstan-admin")
        #expect(Self.decodedBase64(user["user"]?["client-certificate-data"]) == pki.contents("admin.crt"))
        #expect(Self.decodedBase64(user["user"]?["client-key-data"]) == pki.contents("admin.key"))
        let context = try #require(config["contexts"]?.arrayValue?.first)
        #expect(context == ["name": "capstan", "context": ["cluster": "capstan", "user": "capstan-admin"]])
    }

    @Test func opensslVerifiesTheServingAndAdminCertificatesAgainstTheCA() throws {
        let pki = PKIFixture()
        _ = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])

        let serving = try runOpenSSL(["verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", pki.path("ca.crt"), pki.path("apiserver.crt")])
        #expect(serving.status == 0, "\(serving.output)")
        let admin = try runOpenSSL(["verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", pki.path("ca.crt"), pki.path("admin.crt")])
        #expect(admin.status == 0, "\(admin.output)")
    }

    @Test func opensslRejectsACertificateFromAnotherCA() throws {
        let pki = PKIFixture()
        let other = PKIFixture()
        _ = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])
        _ = try ClusterCredentials.loadOrCreate(directory: other.directory, serverNames: [])

        let result = try runOpenSSL(["verify", "-CAfile", pki.path("ca.crt"), other.path("admin.crt")])
        #expect(result.status != 0)
    }

    private static func decodedBase64(_ value: JSONValue?) -> String? {
        value?.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }
}
