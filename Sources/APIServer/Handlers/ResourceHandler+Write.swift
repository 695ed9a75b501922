import Foundation
import Resources
import Store

extension ResourceHandler {
    /// `fieldValidation`: what to do with members no type declares.
    enum FieldValidation: String {
        case strict = "Strict", warn = "Warn", ignore = "Ignore"
    }

    func fieldValidation(_ request: APIRequest) throws(APIError) -> FieldValidation {
        guard let text = request.query["fieldValidation"], !text.isEmpty else { return .warn }
        guard let v = FieldValidation(rawValue: text) else {
            throw APIError.badRequest("fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got \"\(text)\"")
        }
        return v
    }

    /// Decodes, defaults and prunes `object` as the kind; unknown members are refused (Strict)
    /// or reported as warnings.
    func normalize(_ object: JSONValue, _ resource: ServedResource, validation: FieldValidation) throws(APIError) -> (JSONValue, [String]) {
        let prefix = "\(resource.kind) in version \"\(resource.type.version)\" cannot be handled as a \(resource.kind)"
        let result: (object: JSONValue, unknownFields: [FieldPath])
        do {
            result = try resource.normalize(object)
        } catch let error as DecodingError {
            let (field, message) = error.fieldPathAndMessage
            throw APIError.badRequest("\(prefix): \(field.text.isEmpty ? "" : field.text + ": ")\(message)")
        } catch {
            throw APIError.badRequest("\(prefix): \(error)")
        }
        let unknown = result.unknownFields.map { "unknown field \"\($0.text)\"" }
        var warnings: [String] = []
        switch validation {
        case .strict where !unknown.isEmpty:
            throw APIError.badRequest("\(prefix): strict decoding error: \(unknown.joined(separator: ", "))")
        case .warn: warnings = unknown
        default: break
        }
        return (result.object, warnings)
    }

    func invalidIfAny(_ errors: [FieldError], _ resource: ServedResource, name: String) throws(APIError) {
        if !errors.isEmpty { throw APIError.invalid(resource, name, errors) }
    }

    /// Warnings as `Warning` headers (RFC 7234 code 299), which kubectl prints.
    static func warningHeaders(_ warnings: [String]) -> [(String, String)] {
        warnings.map { ("Warning", "299 - \"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"") }
    }

    // MARK: Create

    func create(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        var object = try decodeBody(request, as: resource.objectType)
        try checkTypeMeta(&object, resource)
        let (created, warnings) = try await prepareCreate(object, request, resource)
        if request.dryRun { return .json(created, status: 201, headers: Self.warningHeaders(warnings)) }
        let key = key(resource, namespace: created.namespace, name: created.name)
        guard let revision = try await store.create(key, StoredObject.encode(created)) else {
            throw APIError.alreadyExists(resource, created.name)
        }
        var stored = created
        stored.setResourceVersion(revision)
        return respond(stored, request, resource, status: 201).adding(headers: Self.warningHeaders(warnings))
    }

    /// The object as it will be stored: namespace, name, system metadata, defaults, reset
    /// status, validated; and the field-validation warnings.
    func prepareCreate(_ body: JSONValue, _ request: APIRequest, _ resource: ServedResource) async throws -> (JSONValue, [String]) {
        var object = body
        let info = request.info
        if resource.type.namespaced {
            let bodyNamespace = object.namespace
            if !bodyNamespace.isEmpty, !info.namespace.isEmpty, bodyNamespace != info.namespace {
                throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            let namespace = info.namespace.isEmpty ? bodyNamespace : info.namespace
            guard !namespace.isEmpty else { throw APIError.badRequest("the namespace of the object is required") }
            object.setMeta("namespace", .string(namespace))
        } else {
            object.setMeta("namespace", nil)
        }
        if object.name.isEmpty, let generate = object.meta("generateName")?.stringValue, !generate.isEmpty {
            object.setMeta("name", .string(Self.generatedName(generate)))
        }
        if !info.name.isEmpty, info.name != object.name {
            throw APIError.badRequest("the name of the object (\(object.name)) does not match the name on the URL (\(info.name))")
        }
        let (normalized, warnings) = try normalize(object, resource, validation: try fieldValidation(request))
        object = normalized
        object.setMeta("uid", .string(UUID().uuidString.lowercased()))
        object.setMeta("creationTimestamp", .string(Time(now()).rfc3339))
        object.setMeta("resourceVersion", nil)
        object.setMeta("deletionTimestamp", nil)
        object.setMeta("deletionGracePeriodSeconds", nil)
        object.setMeta("selfLink", nil)
        object.setMeta("managedFields", nil)
        object.setMeta("generation", resource.tracksGeneration ? .integer(1) : nil)
        CreateStrategy.prepare(&object, resource)
        if resource.hasStatusSubresource, CreateStrategy.resetsStatusOnCreate(resource) {
            object["status"] = CreateStrategy.initialStatus(of: object, resource)
        }
        if object["status"] == .null { object["status"] = nil }
        if resource.type.group == "", resource.kind == "Pod" { try await admitPriority(&object) }
        try invalidIfAny(try resource.validateCreate(object), resource, name: object.name)
        if resource.type.namespaced { try await admitNamespace(object.namespace) }
        return (object, warnings)
    }

    /// NamespaceLifecycle admission: new objects only in namespaces that exist and are not
    /// being deleted.
    func admitNamespace(_ namespace: String) async throws {
        let namespaces = registry.resource(group: "", version: "v1", plural: "namespaces")!
        guard let kv = try await store.get(ObjectKeys.key(namespaces.type, namespace: nil, name: namespace)) else {
            throw APIError.notFound(namespaces, namespace)
        }
        let ns = try StoredObject.decode(kv)
        if ns.meta("deletionTimestamp") != nil {
            throw APIError.forbidden("unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    /// `generateName` plus five random characters from Kubernetes' alphabet.
    static func generatedName(_ base: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        let trimmed = base.count > 58 ? String(base.prefix(58)) : base
        return trimmed + String((0..<5).map { _ in alphabet.randomElement()! })
    }

    // MARK: Update

    func update(_ request: APIRequest, _ resource: ServedResource, subresource: String?) async throws -> APIResponse {
        var body = try decodeBody(request, as: resource.objectType)
        try checkTypeMeta(&body, resource)
        let info = request.info
        if !body.name.isEmpty, body.name != info.name {
            throw APIError.badRequest("the name of the object (\(body.name)) does not match the name on the URL (\(info.name))")
        }
        body.setMeta("name", .string(info.name))
        let (old, oldRevision) = try await current(resource, namespace: info.namespace, name: info.name)
        if let rv = body.meta("resourceVersion")?.stringValue, !rv.isEmpty, rv != String(oldRevision) {
            throw APIError.conflict(resource, info.name, "the object has been modified; please apply your changes to the latest version and try again")
        }
        return try await replace(old, oldRevision, with: body, request, resource, subresource: subresource)
    }

    /// Writes `body` over `old` (read at `oldRevision`) if the object has not changed since.
    func replace(_ old: JSONValue, _ oldRevision: Int64, with body: JSONValue, _ request: APIRequest,
                 _ resource: ServedResource, subresource: String?) async throws -> APIResponse {
        let (updated, warnings) = try prepareUpdate(body, old: old, request, resource, subresource: subresource)
        let headers = Self.warningHeaders(warnings)
        var unchangedCheck = updated
        unchangedCheck.setResourceVersion(oldRevision)
        if request.dryRun || (unchangedCheck == old && !(old.meta("deletionTimestamp") != nil && resource.isReleased(old))) {
            return respond(unchangedCheck, request, resource).adding(headers: headers)
        }
        let key = key(resource, namespace: request.info.namespace, name: request.info.name)
        // The last finalizer removed from an object being deleted: the object goes.
        if updated.meta("deletionTimestamp") != nil, resource.isReleased(updated) {
            let result = try await store.txn(Txn(compare: [.modRevision(key, .equal, oldRevision)], success: [.delete(key)]))
            guard result.succeeded else { throw Self.raced(resource, request.info.name) }
            var gone = updated
            gone.setResourceVersion(result.revision)
            return respond(gone, request, resource).adding(headers: headers)
        }
        guard let revision = try await store.update(key, StoredObject.encode(updated), expectedModRevision: oldRevision) else {
            throw Self.raced(resource, request.info.name)
        }
        var stored = updated
        stored.setResourceVersion(revision)
        return respond(stored, request, resource).adding(headers: headers)
    }

    static func raced(_ resource: ServedResource, _ name: String) -> APIError {
        .conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again")
    }

    /// The object an update stores: system metadata kept from `old`; on the main resource the
    /// status is kept, on `/status` everything but the status is; generation bumped when the
    /// spec changed; defaulted, pruned and validated.
    func prepareUpdate(_ body: JSONValue, old: JSONValue, _ request: APIRequest, _ resource: ServedResource,
                       subresource: String?) throws(APIError) -> (JSONValue, [String]) {
        var object = body
        if subresource == "status" {
            object = old
            object["status"] = body["status"]
        } else if subresource == "finalize" {
            // Only the namespace's spec.finalizers change through /finalize.
            object = old
            var spec = old["spec"] ?? [:]
            spec["finalizers"] = body["spec"]?["finalizers"] ?? .array([])
            object["spec"] = spec
        } else if resource.hasStatusSubresource {
            object["status"] = old["status"]
        }
        if resource.isNamespace, subresource != "finalize" {
            var spec = object["spec"] ?? [:]
            spec["finalizers"] = old["spec"]?["finalizers"]
            object["spec"] = spec
        }
        for member in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace", "generation"] {
            object.setMeta(member, old.meta(member))
        }
        object.setMeta("selfLink", nil)
        object.setMeta("managedFields", nil)
        object.setMeta("resourceVersion", nil)
        let (normalized, warnings) = try normalize(object, resource, validation: try fieldValidation(request))
        object = normalized
        if resource.tracksGeneration {
            let generation = old.meta("generation")?.int64Value ?? 1
            object.setMeta("generation", .integer(object["spec"] != old["spec"] ? generation + 1 : generation))
        }
        if object["status"] == .null { object["status"] = nil }
        // Validation sees the resourceVersion the update was checked against, as upstream.
        var checked = object
        checked.setMeta("resourceVersion", old.meta("resourceVersion"))
        let errors: [FieldError]
        do { errors = try resource.validateUpdate(checked, old) } catch {
            throw APIError.badRequest("\(error)")
        }
        try invalidIfAny(errors, resource, name: object.name)
        return (object, warnings)
    }

    // MARK: Patch

    /// The patch kind (from the media type) and the patch body. Server-side apply is refused
    /// with 415 until it is served.
    func decodePatch(_ request: APIRequest) throws(APIError) -> (PatchKind, JSONValue) {
        let mediaType = (request.contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let kind = PatchKind(rawValue: mediaType) else {
            throw APIError.unsupportedMediaType(
                "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json")
        }
        if kind == .apply {
            throw APIError.unsupportedMediaType(
                "server-side apply (application/apply-patch+yaml) is not supported by this server yet; use client-side `kubectl apply` (without --server-side)")
        }
        if request.body.count > Self.maxBodyBytes {
            throw APIError.tooLarge("Request entity too large: limit is \(Self.maxBodyBytes)")
        }
        do { return (kind, try JSONValue.parse(request.body)) } catch {
            throw APIError.badRequest("the patch is not valid JSON: \(error)")
        }
    }

    /// Applies a JSON, merge or strategic merge patch to the current object and stores the
    /// result as an update; retried when the object changed underneath.
    func patch(_ request: APIRequest, _ resource: ServedResource, subresource: String?) async throws -> APIResponse {
        let (kind, patch) = try decodePatch(request)
        let info = request.info
        for attempt in 0..<5 {
            let (old, oldRevision) = try await current(resource, namespace: info.namespace, name: info.name)
            var patched: JSONValue
            do {
                patched = try applyPatch(kind, patch, to: old, schema: openAPI.patchSchema(for: resource))
            } catch {
                throw APIError(code: 422, reason: "Invalid", message: error.message)
            }
            // A resourceVersion in the patch is a precondition.
            let patchedRV = patched.resourceVersion
            if !patchedRV.isEmpty, patchedRV != String(oldRevision) {
                throw APIError.conflict(resource, info.name, "the object has been modified; please apply your changes to the latest version and try again")
            }
            try checkTypeMeta(&patched, resource)
            if patched.name != info.name {
                throw APIError.badRequest("the name of the object (\(patched.name)) does not match the name on the URL (\(info.name))")
            }
            do {
                return try await replace(old, oldRevision, with: patched, request, resource, subresource: subresource)
            } catch let error as APIError where error.code == 409 && error.reason == "Conflict" && !Self.pinsResourceVersion(kind, patch) && attempt < 4 {
                continue
            }
        }
        throw Self.raced(resource, info.name)
    }

    /// Whether a patch names a resourceVersion itself (a precondition), rather than carrying
    /// the stored one through: only then does a race with another writer reach the client.
    static func pinsResourceVersion(_ kind: PatchKind, _ patch: JSONValue) -> Bool {
        switch kind {
        case .json:
            return (patch.arrayValue ?? []).contains { $0["path"]?.stringValue == "/metadata/resourceVersion" }
        case .merge, .strategicMerge:
            return patch["metadata"]?["resourceVersion"] != nil
        default:
            return false
        }
    }
}

extension APIResponse {
    func adding(headers more: [(String, String)]) -> APIResponse {
        var r = self
        r.headers += more
        return r
    }
}

extension ResourceHandler {
    /// The namespaces every cluster has: default, kube-system, kube-public, kube-node-lease.
    func ensureSystemNamespaces() async throws {
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            let body: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
            let request = APIRequest(
                info: RequestInfo(method: "POST", path: "/api/v1/namespaces", watch: false), query: [:],
                accept: "application/json", contentType: "application/json", body: body.serializedBytes(),
                user: UserInfo(name: "system:apiserver", groups: ["system:masters"]))
            let response = await handle(request)
            if response.status != 201, response.status != 409 {
                logger.error("cannot create namespace", metadata: ["namespace": "\(name)", "status": "\(response.status)"])
            }
        }
    }
}
