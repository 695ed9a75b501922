import Foundation

/// core/v1 Secret: sensitive data. `data` holds base64 text as on the wire; `stringData` is
/// a write-only convenience the API server merges into `data`.
@APIObject(.core)
public struct Secret: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true)

    public var apiVersion: String = "v1"
    public var kind: String = "Secret"
    public var metadata: ObjectMeta = ObjectMeta()
    public var immutable: Bool?
    /// Values are base64 text.
    public var data: [String: String] = [:]
    public var stringData: [String: String] = [:]
    /// One of `SecretType`, or any other string.
    public var type: String?

    /// Well-known values of `type`.
    public enum SecretType: String, Sendable, CaseIterable {
        case opaque = "Opaque"
        case serviceAccountToken = "kubernetes.io/service-account-token"
        case dockerConfigJSON = "kubernetes.io/dockerconfigjson"
        case basicAuth = "kubernetes.io/basic-auth"
        case sshAuth = "kubernetes.io/ssh-auth"
        case tls = "kubernetes.io/tls"
        case bootstrapToken = "bootstrap.kubernetes.io/token"
    }

    /// The decoded bytes of `data[key]`, or nil when absent or not valid base64.
    public func decodedData(_ key: String) -> [UInt8]? {
        guard let text = data[key], let bytes = Data(base64Encoded: text) else { return nil }
        return Array(bytes)
    }
}
