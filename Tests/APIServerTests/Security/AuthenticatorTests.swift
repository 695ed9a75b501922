import Foundation
import NIOSSL
import Testing
@testable import APIServer

@Suite struct AuthenticatorTests {
    let pki = PKIFixture()
    let credentials: ClusterCredentials

    init() throws {
        credentials = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])
    }

    @Test func adminClientCertificateAuthenticatesAsCapstanAdminInSystemMasters() throws {
        let certificate = try NIOSSLCertificate(bytes: Array(credentials.adminCertificatePEM.utf8), format: .pem)
        let user = credentials.authenticator.authenticate(bearerToken: nil, clientCertificate: certificate)

        #expect(user == UserInfo(name: "capstan-admin", groups: ["system:masters", "system:authenticated"]))
    }

    @Test func adminTokenAuthenticatesAsCapstanAdmin() {
        let user = credentials.authenticator.authenticate(bearerToken: credentials.adminToken, clientCertificate: nil)

        #expect(user == UserInfo(name: "capstan-admin", uid: "capstan-admin", groups: ["system:masters", "system:authenticated"]))
    }

    @Test func wrongEmptyOrMissingCredentialsAuthenticateNobody() {
        let authenticator = credentials.authenticator
        #expect(authenticator.authenticate(bearerToken: nil, clientCertificate: nil) == nil)
        #expect(authenticator.authenticate(bearerToken: "", clientCertificate: nil) == nil)
        #expect(authenticator.authenticate(bearerToken: String(repeating: "0", count: 64), clientCertificate: nil) == nil)
        #expect(authenticator.authenticate(bearerToken: String(credentials.adminToken.dropLast()), clientCertificate: nil) == nil)
        #expect(authenticator.authenticate(bearerToken: credentials.adminToken + "0", clientCertificate: nil) == nil)
    }

    @Test func clientCertificateFromAnotherCAIsRejected() throws {
        let other = PKIFixture()
        let foreign = try ClusterCredentials.loadOrCreate(directory: other.directory, serverNames: [])
        let certificate = try NIOSSLCertificate(bytes: Array(foreign.adminCertificatePEM.utf8), format: .pem)

        #expect(credentials.authenticator.authenticate(bearerToken: nil, clientCertificate: certificate) == nil)
    }

    @Test func servingCertificateIsNotAClientCertificate() throws {
        let certificate = try NIOSSLCertificate(bytes: Array(credentials.servingCertificatePEM.utf8), format: .pem)

        #expect(credentials.authenticator.authenticate(bearerToken: nil, clientCertificate: certificate) == nil)
    }

    @Test func aRejectedCertificateDoesNotStopAValidToken() throws {
        let certificate = try NIOSSLCertificate(bytes: Array(credentials.servingCertificatePEM.utf8), format: .pem)
        let user = credentials.authenticator.authenticate(bearerToken: credentials.adminToken, clientCertificate: certificate)

        #expect(user?.name == "capstan-admin")
    }

    @Test func expiredClientCertificateIsRejected() throws {
        let certificate = try NIOSSLCertificate(bytes: Array(credentials.adminCertificatePEM.utf8), format: .pem)
        let tokens = StaticTokenFile()
        let caPEM = credentials.caCertificatePEM
        let later = Date() + 400 * 24 * 3600
        let authenticator = try Authenticator(tokenFile: tokens, clientCertificateAuthorityPEM: caPEM, now: { later })

        #expect(authenticator.authenticate(bearerToken: nil, clientCertificate: certificate) == nil)
    }

    @Test func tokenUsersKeepTheirGroupsAndGainSystemAuthenticated() throws {
        let tokens = try StaticTokenFile(parsing: "t1,alice,1001,\"dev,ops\"\nt2,bob,1002\n", path: "tokens.csv")
        let authenticator = try Authenticator(tokenFile: tokens, clientCertificateAuthorityPEM: credentials.caCertificatePEM)

        #expect(authenticator.authenticate(bearerToken: "t1", clientCertificate: nil)
            == UserInfo(name: "alice", uid: "1001", groups: ["dev", "ops", "system:authenticated"]))
        #expect(authenticator.authenticate(bearerToken: "t2", clientCertificate: nil)
            == UserInfo(name: "bob", uid: "1002", groups: ["system:authenticated"]))
    }
}
