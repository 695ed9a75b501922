import Foundation
import Resources
import Synchronization

/// The service-account signing key the token handler issues with: an ephemeral one until the
/// server has loaded the cluster's from its data directory.
final class ServiceAccountTokenKeyring: Sendable {
    private let current: Mutex<ServiceAccountTokens>

    init(_ tokens: ServiceAccountTokens = ServiceAccountTokens(key: .init())) {
        current = Mutex(tokens)
    }

    var tokens: ServiceAccountTokens {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}

extension ResourceHandler {
    /// `serviceaccounts/NAME/token`: a TokenRequest answered with a signed token for the
    /// account, optionally bound to a Pod or Secret of its namespace.
    func createToken(_ request: APIRequest, _ accounts: ServedResource) async throws -> APIResponse {
        let info = request.info
        var body = try decodeBody(request, as: OpenAPIMetaTypes.TokenRequest.self)
        try checkTypeMeta(&body, accounts, expectedKind: "TokenRequest", expectedAPIVersion: "authentication.k8s.io/v1")
        let (account, _) = try await current(accounts, namespace: info.namespace, name: info.name)
        let tokens = serviceAccountTokens.tokens
        var spec = body["spec"] ?? [:]
        let invalid = { (field: String, value: JSONValue, detail: String) -> APIError in
            APIError(code: 422, reason: "Invalid",
                     message: "TokenRequest.authentication.k8s.io \"\(info.name)\" is invalid: \(field): Invalid value: \(value.serialized()): \(detail)")
        }
        let seconds = spec["expirationSeconds"]?.int64Value ?? ServiceAccountTokens.defaultExpirationSeconds
        guard seconds >= ServiceAccountTokens.minimumExpirationSeconds else {
            throw invalid("spec.expirationSeconds", .integer(seconds), "may not specify a duration less than 10 minutes")
        }
        guard seconds <= 1 << 32 else {
            throw invalid("spec.expirationSeconds", .integer(seconds), "may not specify a duration larger than 2^32 seconds")
        }
        var audiences = spec["audiences"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if audiences.isEmpty { audiences = [tokens.issuer] }

        var bound: ServiceAccountTokens.BoundObject?
        if let reference = spec["boundObjectRef"], reference.objectValue?.isEmpty == false {
            let kind = reference["kind"]?.stringValue ?? ""
            guard kind == "Pod" || kind == "Secret" else {
                throw invalid("spec.boundObjectRef.kind", .string(kind), "supported values: \"Pod\", \"Secret\"")
            }
            let name = reference["name"]?.stringValue ?? ""
            guard let resource = boundObjectResource(kind) else { throw APIError.internalError("no \(kind) resource is served") }
            let (object, _) = try await current(resource, namespace: info.namespace, name: name)
            let uid = object["metadata"]?["uid"]?.stringValue ?? ""
            if let wanted = reference["uid"]?.stringValue, !wanted.isEmpty, wanted != uid {
                throw APIError(code: 409, reason: "Conflict",
                               message: "the UID in the bound object reference (\(wanted)) does not match the UID in record (\(uid)); the object might have been deleted and then recreated")
            }
            bound = ServiceAccountTokens.BoundObject(kind: kind, name: name, uid: uid)
        }

        let issued = now()
        let claims = ServiceAccountTokens.Claims(
            namespace: info.namespace, name: info.name, uid: account["metadata"]?["uid"]?.stringValue ?? "",
            audiences: audiences, expiration: issued.addingTimeInterval(Double(seconds)), boundObject: bound)
        let token = try tokens.issue(claims, now: issued)
        spec["audiences"] = .array(audiences.map(JSONValue.string))
        spec["expirationSeconds"] = .integer(seconds)
        var response: JSONValue = [
            "apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest",
            "metadata": ["name": .string(info.name), "namespace": .string(info.namespace), "creationTimestamp": .null],
            "spec": spec,
            "status": ["token": .string(token), "expirationTimestamp": .string(Time(claims.expiration).rfc3339)],
        ]
        if let bound { response["spec"]?["boundObjectRef"]?["uid"] = .string(bound.uid) }
        return .json(response, status: 201)
    }

    /// Whether the service account a token names, and the object it is bound to, still exist
    /// with the uids the token carries (upstream's check on every bound token).
    func tokenIsLive(_ claims: ServiceAccountTokens.Claims) async -> Bool {
        guard let accounts = registry.resource(group: "", version: "v1", plural: "serviceaccounts"),
              let account = await cache.snapshot(of: accounts).objects[key(accounts, namespace: claims.namespace, name: claims.name)],
              account.object["metadata"]?["uid"]?.stringValue == claims.uid
        else { return false }
        guard let bound = claims.boundObject else { return true }
        guard let resource = boundObjectResource(bound.kind),
              let object = await cache.snapshot(of: resource).objects[key(resource, namespace: claims.namespace, name: bound.name)]
        else { return false }
        return object.object["metadata"]?["uid"]?.stringValue == bound.uid
    }

    /// The resource of a kind a token may be bound to (Pod or Secret).
    private func boundObjectResource(_ kind: String) -> ServedResource? {
        registry.resource(group: "", version: "v1", plural: kind == "Pod" ? "pods" : "secrets")
    }
}
