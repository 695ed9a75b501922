import Crypto
import Foundation
import Resources
import Testing
@testable import APIServer

@Suite struct ServiceAccountTokensTests {
    let tokens = ServiceAccountTokens(key: P256.Signing.PrivateKey())
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func claims(audiences: [String] = [ServiceAccountTokens.defaultIssuer], seconds: Double = 3600,
                bound: ServiceAccountTokens.BoundObject? = nil) -> ServiceAccountTokens.Claims {
        ServiceAccountTokens.Claims(namespace: "shop", name: "bot", uid: "u-1", audiences: audiences,
                                    expiration: now.addingTimeInterval(seconds), boundObject: bound)
    }

    @Test func aTokenVerifiesUntilItExpiresAndAuthenticatesAsTheServiceAccount() throws {
        let bound = ServiceAccountTokens.BoundObject(kind: "Pod", name: "web-0", uid: "p-1")
        let token = try tokens.issue(claims(bound: bound), now: now)
        let verified = try #require(tokens.verify(token, now: now.addingTimeInterval(10)))
        #expect(verified == claims(bound: bound))
        #expect(verified.user.name == "system:serviceaccount:shop:bot")
        #expect(verified.user.groups == ["system:serviceaccounts", "system:serviceaccounts:shop"])
        #expect(tokens.verify(token, now: now.addingTimeInterval(3600)) == nil, "expired at exp")
        #expect(tokens.verify(token, now: now.addingTimeInterval(-5)) == nil, "not before nbf")
    }

    @Test func theClaimsAreUpstreams() throws {
        let token = try tokens.issue(claims(audiences: ["vault", ServiceAccountTokens.defaultIssuer]), now: now)
        let parts = token.split(separator: ".")
        #expect(parts.count == 3)
        let header = try JSONValue.parse(try #require(ServiceAccountTokens.base64URLDecode(parts[0])))
        #expect(header["alg"] == "ES256")
        #expect(header["kid"]?.stringValue == tokens.keyID)
        let payload = try JSONValue.parse(try #require(ServiceAccountTokens.base64URLDecode(parts[1])))
        #expect(payload["iss"] == "https://kubernetes.default.svc.cluster.local")
        #expect(payload["sub"] == "system:serviceaccount:shop:bot")
        #expect(payload["aud"] == ["vault", "https://kubernetes.default.svc.cluster.local"])
        #expect(payload["exp"] == 1_800_003_600)
        #expect(payload["iat"] == 1_800_000_000)
        #expect(payload["kubernetes.io"] == ["namespace": "shop", "serviceaccount": ["name": "bot", "uid": "u-1"]])
    }

    @Test func forgedTamperedOrForeignTokensAreRefused() throws {
        let token = try tokens.issue(claims(), now: now)
        let other = ServiceAccountTokens(key: P256.Signing.PrivateKey())
        #expect(other.verify(token, now: now) == nil, "another cluster's key")
        var parts = token.split(separator: ".").map(String.init)
        var payload = try JSONValue.parse(try #require(ServiceAccountTokens.base64URLDecode(Substring(parts[1]))))
        payload["sub"] = "system:serviceaccount:kube-system:admin"
        parts[1] = ServiceAccountTokens.base64URL(payload.serializedBytes())
        #expect(tokens.verify(parts.joined(separator: "."), now: now) == nil, "a changed payload")
        #expect(tokens.verify("not.a.token", now: now) == nil)
        #expect(tokens.verify("", now: now) == nil)
        let elsewhere = try tokens.issue(claims(audiences: ["vault"]), now: now)
        #expect(tokens.verify(elsewhere, now: now) == nil, "a token for another audience is not for the API")
    }

    @Test func theAuthenticatorAcceptsServiceAccountTokensAndReportsTheirClaims() throws {
        let pki = PKIFixture()
        let credentials = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])
        let token = try credentials.serviceAccountTokens.issue(claims(), now: Date())
        let authentication = try #require(credentials.authenticator.authentication(bearerToken: token, clientCertificate: nil))
        #expect(authentication.user.name == "system:serviceaccount:shop:bot")
        #expect(authentication.user.groups.contains("system:authenticated"))
        #expect(authentication.serviceAccount?.uid == "u-1")
        let again = try ClusterCredentials.loadOrCreate(directory: pki.directory, serverNames: [])
        #expect(again.authenticator.authenticate(bearerToken: token, clientCertificate: nil) != nil,
                "the signing key persists across restarts")
    }
}
