import Foundation
import Logging
import Resources
import Store
import YAML

/// Serves the resource verbs (get, list, watch, create, update, patch, delete,
/// deletecollection) and the subresources of every served kind, over the cluster store and
/// the watch cache.
///
/// Contracts:
/// - A write is answered only after the store acknowledged it (durable); its response carries
///   the object's new `resourceVersion`.
/// - Updates and patches are compare-and-swap on the object's revision: a stale
///   `resourceVersion` is a 409 Conflict, never a lost write.
/// - `dryRun=All` runs every step except the store write.
struct ResourceHandler: Sendable {
    let store: any ClusterStore
    let cache: WatchCache
    let registry: ResourceRegistry
    let openAPI: OpenAPIDocuments
    let now: @Sendable () -> Date
    let logger: Logger
    /// The key `serviceaccounts/NAME/token` signs with.
    let serviceAccountTokens: ServiceAccountTokenKeyring

    /// Request bodies above this size are refused with 413.
    static let maxBodyBytes = 3 * 1024 * 1024

    func handle(_ request: APIRequest) async -> APIResponse {
        let response = await answer(request)
        guard ProtobufBodies.acceptsOnlyProtobuf(request.accept) else { return response }
        let info = request.info
        return ProtobufBodies.response(response, resource: registry.resource(group: info.group, version: info.version, plural: info.resource))
    }

    private func answer(_ request: APIRequest) async -> APIResponse {
        do {
            return try await dispatch(request)
        } catch let error as APIError {
            return .error(error)
        } catch let error as ClusterStoreError {
            return .error(Self.storeError(error))
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.info.path)", "error": "\(error)"])
            return .error(.internalError("\(error)"))
        }
    }

    static func storeError(_ error: ClusterStoreError) -> APIError {
        switch error {
        case .compacted(let requested, let oldest):
            return .gone("The resourceVersion for the provided list is too old (requested \(requested), oldest kept \(oldest)).")
        case .futureRevision(let requested, let current):
            return .timeout("Too large resource version: \(requested), current resource version: \(current)")
        default:
            return .internalError(error.description)
        }
    }

    private func dispatch(_ request: APIRequest) async throws -> APIResponse {
        let info = request.info
        guard let resource = registry.resource(group: info.group, version: info.version, plural: info.resource) else {
            throw APIError.notFoundPath(info.path)
        }
        if resource.type.namespaced == false, !info.namespace.isEmpty, info.resource != "namespaces" {
            throw APIError.notFoundPath(info.path)
        }
        if !info.subresource.isEmpty {
            return try await subresource(request, resource)
        }
        switch info.verb {
        case "get": return try await get(request, resource)
        case "list": return try await list(request, resource)
        case "watch": return try await watch(request, resource)
        case "create": return try await create(request, resource)
        case "update": return try await update(request, resource, subresource: nil)
        case "patch": return try await patch(request, resource, subresource: nil)
        case "delete": return try await delete(request, resource)
        case "deletecollection": return try await deleteCollection(request, resource)
        default: throw APIError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
    }

    // MARK: Keys and reads

    func key(_ resource: ServedResource, namespace: String, name: String) -> String {
        ObjectKeys.key(resource.type, namespace: resource.type.namespaced ? namespace : nil, name: name)
    }

    /// The current object and its revision, or 404.
    func current(_ resource: ServedResource, namespace: String, name: String) async throws -> (JSONValue, Int64) {
        guard let kv = try await store.get(key(resource, namespace: namespace, name: name)) else {
            throw APIError.notFound(resource, name)
        }
        return (try StoredObject.decode(kv), kv.modRevision)
    }

    func get(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        let info = request.info
        let object: JSONValue
        if request.query["resourceVersion"] == "0" {
            let snapshot = await cache.snapshot(of: resource).objects
            guard let cached = snapshot[key(resource, namespace: info.namespace, name: info.name)] else {
                throw APIError.notFound(resource, info.name)
            }
            object = cached.object
        } else {
            object = try await current(resource, namespace: info.namespace, name: info.name).0
        }
        return respond(object, request, resource)
    }

    /// The object itself, or as a one-row Table when kubectl asks for one.
    func respond(_ object: JSONValue, _ request: APIRequest, _ resource: ServedResource, status: Int = 200) -> APIResponse {
        if request.wantsTable {
            let table = TableConvertor(resource: resource).table(
                objects: [object], listMetadata: ["resourceVersion": .string(object.resourceVersion)],
                includeObject: request.query["includeObject"] ?? "Metadata", now: now())
            return .json(table, status: status)
        }
        return .json(object, status: status)
    }

    // MARK: Bodies

    /// The request body as a JSON object: JSON (also when no content type is given), YAML, or
    /// protobuf holding a `type` object.
    func decodeBody(_ request: APIRequest, as type: any SchemaDescribing.Type) throws(APIError) -> JSONValue {
        if request.body.count > Self.maxBodyBytes {
            throw APIError.tooLarge("Request entity too large: limit is \(Self.maxBodyBytes)")
        }
        let mediaType = (request.contentType ?? "application/json").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "application/json"
        let value: JSONValue
        switch mediaType {
        case "application/json", "", "*/*":
            do { value = try JSONValue.parse(request.body) } catch {
                throw APIError.badRequest("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml: invalid JSON at \(error)")
            }
        case "application/yaml", "application/x-yaml", "text/yaml":
            do { value = try YAMLDecoder().value(from: String(decoding: request.body, as: UTF8.self)) } catch {
                throw APIError.badRequest("error converting YAML to JSON: \(error)")
            }
        case ProtobufBodies.mediaType:
            value = try ProtobufBodies.decode(request.body, as: type)
        default:
            throw APIError.unsupportedMediaType(
                "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf")
        }
        guard case .object = value else {
            throw APIError.badRequest("the body of the request must be a JSON or YAML object")
        }
        return value
    }

    /// Checks the body's apiVersion and kind against the endpoint's and fills them in.
    func checkTypeMeta(_ object: inout JSONValue, _ resource: ServedResource, expectedKind: String? = nil, expectedAPIVersion: String? = nil) throws(APIError) {
        let kind = expectedKind ?? resource.kind
        let apiVersion = expectedAPIVersion ?? resource.apiVersion
        if let v = object["apiVersion"]?.stringValue, !v.isEmpty, v != apiVersion {
            throw APIError.badRequest("the API version in the data (\(v)) does not match the expected API version (\(apiVersion))")
        }
        if let k = object["kind"]?.stringValue, !k.isEmpty, k != kind {
            throw APIError.badRequest("the kind in the data (\(k)) does not match the expected kind (\(kind))")
        }
        object["apiVersion"] = .string(apiVersion)
        object["kind"] = .string(kind)
    }
}
