import Crypto
import Foundation
import Resources

/// Service-account tokens, as the TokenRequest API (`serviceaccounts/NAME/token`) issues them:
/// JWTs signed with the cluster's service-account key (ES256), carrying upstream's claims.
///
/// Contracts:
/// - `iss` is `issuer`; `sub` is `system:serviceaccount:NAMESPACE:NAME`; `aud` the requested
///   audiences (the issuer when none are asked for); `iat`, `nbf` and `exp` whole seconds;
///   `kubernetes.io` names the namespace, the service account (name and uid) and the object
///   the token is bound to, if any.
/// - A token verifies when its signature is this key's, its issuer is `issuer`, one of its
///   audiences is `issuer`, and `nbf ≤ now < exp`. The caller checks that the service account
///   (and the bound object) still exist with the uids the token names.
public struct ServiceAccountTokens: Sendable {
    /// Upstream's default `--service-account-issuer` and API audience.
    public static let defaultIssuer = "https://kubernetes.default.svc.cluster.local"
    /// `expirationSeconds` when the request gives none, and the least it may ask for.
    static let defaultExpirationSeconds: Int64 = 3600
    static let minimumExpirationSeconds: Int64 = 600

    let key: P256.Signing.PrivateKey
    let issuer: String
    /// `kid`: the SHA-256 of the public key's DER form, base64url, as upstream derives it.
    let keyID: String

    public init(key: P256.Signing.PrivateKey, issuer: String = Self.defaultIssuer) {
        self.key = key
        self.issuer = issuer
        self.keyID = Self.base64URL(Array(SHA256.hash(data: key.publicKey.derRepresentation)))
    }

    /// What a verified token says.
    public struct Claims: Sendable, Equatable {
        public var namespace: String
        public var name: String
        public var uid: String
        public var audiences: [String]
        public var expiration: Date
        /// The object the token is bound to: kind, name and uid.
        public var boundObject: BoundObject?

        /// The user the token authenticates as.
        public var user: UserInfo {
            UserInfo(name: "system:serviceaccount:\(namespace):\(name)", uid: uid,
                     groups: ["system:serviceaccounts", "system:serviceaccounts:\(namespace)"])
        }
    }

    public struct BoundObject: Sendable, Equatable {
        public var kind: String
        public var name: String
        public var uid: String
    }

    /// A signed token for `claims`, valid from `now` until `claims.expiration`.
    func issue(_ claims: Claims, now: Date) throws -> String {
        let header: JSONValue = ["alg": "ES256", "kid": .string(keyID)]
        var kubernetes: JSONValue = [
            "namespace": .string(claims.namespace),
            "serviceaccount": ["name": .string(claims.name), "uid": .string(claims.uid)],
        ]
        if let bound = claims.boundObject {
            kubernetes[bound.kind.lowercased()] = ["name": .string(bound.name), "uid": .string(bound.uid)]
        }
        let issued = Int64(now.timeIntervalSince1970.rounded(.down))
        let payload: JSONValue = [
            "iss": .string(issuer),
            "sub": .string(claims.user.name),
            "aud": .array(claims.audiences.map(JSONValue.string)),
            "iat": .integer(issued),
            "nbf": .integer(issued),
            "exp": .integer(Int64(claims.expiration.timeIntervalSince1970.rounded(.down))),
            "jti": .string(UUID().uuidString.lowercased()),
            "kubernetes.io": kubernetes,
        ]
        let signingInput = Self.base64URL(header.serializedBytes()) + "." + Self.base64URL(payload.serializedBytes())
        let signature = try key.signature(for: Array(signingInput.utf8))
        return signingInput + "." + Self.base64URL(Array(signature.rawRepresentation))
    }

    /// The claims of a token this key signed and that is valid at `now`; nil otherwise.
    public func verify(_ token: String, now: Date) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerBytes = Self.base64URLDecode(parts[0]), let payloadBytes = Self.base64URLDecode(parts[1]),
              let signatureBytes = Self.base64URLDecode(parts[2]),
              let header = try? JSONValue.parse(headerBytes), header["alg"]?.stringValue == "ES256",
              let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes),
              key.publicKey.isValidSignature(signature, for: Array("\(parts[0]).\(parts[1])".utf8)),
              let payload = try? JSONValue.parse(payloadBytes),
              payload["iss"]?.stringValue == issuer,
              let expiration = payload["exp"]?.int64Value, let notBefore = payload["nbf"]?.int64Value
        else { return nil }
        let instant = now.timeIntervalSince1970
        guard Double(notBefore) <= instant, instant < Double(expiration) else { return nil }
        let audiences: [String] = payload["aud"]?.arrayValue?.compactMap(\.stringValue)
            ?? payload["aud"]?.stringValue.map { [$0] } ?? []
        guard audiences.contains(issuer),
              let kubernetes = payload["kubernetes.io"],
              let namespace = kubernetes["namespace"]?.stringValue,
              let name = kubernetes["serviceaccount"]?["name"]?.stringValue,
              let uid = kubernetes["serviceaccount"]?["uid"]?.stringValue,
              payload["sub"]?.stringValue == "system:serviceaccount:\(namespace):\(name)"
        else { return nil }
        var bound: BoundObject?
        for kind in ["Pod", "Secret", "Node"] {
            if let object = kubernetes[kind.lowercased()], let boundName = object["name"]?.stringValue,
               let boundUID = object["uid"]?.stringValue {
                bound = BoundObject(kind: kind, name: boundName, uid: boundUID)
            }
        }
        return Claims(namespace: namespace, name: name, uid: uid, audiences: audiences,
                      expiration: Date(timeIntervalSince1970: Double(expiration)), boundObject: bound)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func base64URLDecode(_ text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
