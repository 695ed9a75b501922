import Foundation
import Resources
import Testing
@testable import APIServer

/// `serviceaccounts/NAME/token`: what `kubectl create token` asks for.
@Suite struct TokenRequestTests {
    typealias O = TestObjects
    static let accounts = "/api/v1/namespaces/default/serviceaccounts"

    static func request(seconds: Int64? = nil, audiences: [String] = [], bound: JSONValue? = nil) -> JSONValue {
        var spec: JSONValue = ["audiences": .array(audiences.map(JSONValue.string))]
        if let seconds { spec["expirationSeconds"] = .integer(seconds) }
        if let bound { spec["boundObjectRef"] = bound }
        return ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": spec]
    }

    @Test func aTokenRequestIsAnsweredWithASignedTokenForTheAccount() async throws {
        try await APIClient.withServer { api in
            let account = try await api.create(Self.accounts, ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": "bot"]])
            let reply = try await api.post("\(Self.accounts)/bot/token", Self.request())
            #expect(reply.status == 201, "\(reply)")
            #expect(reply.json["kind"] == "TokenRequest")
            #expect(reply.json["spec"]?["audiences"] == ["https://kubernetes.default.svc.cluster.local"], "the API's audience by default")
            #expect(reply.json["spec"]?["expirationSeconds"] == 3600)
            let token = try #require(reply.json["status"]?["token"]?.stringValue)
            let payload = try JSONValue.parse(try #require(ServiceAccountTokens.base64URLDecode(token.split(separator: ".")[1])))
            #expect(payload["sub"] == "system:serviceaccount:default:bot")
            #expect(payload["kubernetes.io"]?["serviceaccount"]?["uid"] == account["metadata"]?["uid"])
            let expires = try #require(Time(rfc3339: reply.json["status"]?["expirationTimestamp"]?.stringValue ?? ""))
            #expect(abs(expires.date.timeIntervalSinceNow - 3600) < 60)

            let pod = try await api.create(O.pods, O.pod("web-0"))
            let bound = try await api.post("\(Self.accounts)/bot/token",
                                           Self.request(seconds: 7200, audiences: ["vault"], bound: ["kind": "Pod", "apiVersion": "v1", "name": "web-0"]))
            #expect(bound.status == 201, "\(bound)")
            #expect(bound.json["spec"]?["boundObjectRef"]?["uid"] == pod["metadata"]?["uid"])
            let boundToken = try #require(bound.json["status"]?["token"]?.stringValue)
            let boundPayload = try JSONValue.parse(try #require(ServiceAccountTokens.base64URLDecode(boundToken.split(separator: ".")[1])))
            #expect(boundPayload["kubernetes.io"]?["pod"]?["name"] == "web-0")
            #expect(boundPayload["aud"] == ["vault"])
        }
    }

    @Test func badTokenRequestsAreRefusedWithTheReason() async throws {
        try await APIClient.withServer { api in
            let missing = try await api.post("\(Self.accounts)/nobody/token", Self.request())
            #expect(missing.status == 404)
            #expect(missing.message == "serviceaccounts \"nobody\" not found")
            _ = try await api.create(Self.accounts, ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": "bot"]])
            let short = try await api.post("\(Self.accounts)/bot/token", Self.request(seconds: 300))
            #expect(short.status == 422)
            #expect(short.message.contains("spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes"), "\(short)")
            let kind = try await api.post("\(Self.accounts)/bot/token", Self.request(bound: ["kind": "ConfigMap", "name": "x"]))
            #expect(kind.status == 422)
            #expect(kind.message.contains("spec.boundObjectRef.kind"))
            let gone = try await api.post("\(Self.accounts)/bot/token", Self.request(bound: ["kind": "Pod", "name": "ghost"]))
            #expect(gone.status == 404)
            let wrongKind = try await api.post("\(Self.accounts)/bot/token", ["apiVersion": "v1", "kind": "Pod"])
            #expect(wrongKind.status == 400)
        }
    }
}
