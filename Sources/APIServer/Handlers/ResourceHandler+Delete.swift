import Foundation
import Resources
import Store

extension ResourceHandler {
    func deleteOptions(_ request: APIRequest) throws(APIError) -> DeleteOptions {
        let body = request.body.isEmpty ? nil : try decodeBody(request, as: OpenAPIMetaTypes.DeleteOptions.self)
        return try DeleteOptions(body: body, query: request.query)
    }

    func delete(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        let options = try deleteOptions(request)
        let object = try await delete(resource, namespace: request.info.namespace, name: request.info.name, options: options)
        return respond(object, request, resource)
    }

    /// Deletes one object as `options` ask; returns its last state (with deletionTimestamp when
    /// it was only marked). Retries when the object changes underneath.
    func delete(_ resource: ServedResource, namespace: String, name: String, options: DeleteOptions) async throws -> JSONValue {
        let key = key(resource, namespace: namespace, name: name)
        for _ in 0..<5 {
            let (object, revision) = try await current(resource, namespace: namespace, name: name)
            if let uid = options.preconditionUID, uid != object.meta("uid")?.stringValue ?? "" {
                throw APIError.conflict(resource, name,
                    "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object.meta("uid")?.stringValue ?? "")")
            }
            if let rv = options.preconditionResourceVersion, rv != String(revision) {
                throw APIError.conflict(resource, name,
                    "Precondition failed: ResourceVersion in precondition: \(rv), ResourceVersion in object meta: \(revision)")
            }
            switch DeletionPlan.plan(for: object, resource, options: options, now: now()) {
            case .unchanged:
                return object
            case .markDeleting(let updated):
                if options.dryRun { return updated }
                guard let newRevision = try await store.update(key, StoredObject.encode(updated), expectedModRevision: revision) else { continue }
                var stored = updated
                stored.setResourceVersion(newRevision)
                return stored
            case .remove:
                if options.dryRun { return object }
                let result = try await store.txn(Txn(compare: [.modRevision(key, .equal, revision)], success: [.delete(key)]))
                guard result.succeeded else { continue }
                var gone = object
                gone.setResourceVersion(result.revision)
                return gone
            }
        }
        throw Self.raced(resource, name)
    }

    /// Deletes every object the list selectors match; answers the list of what was deleted.
    func deleteCollection(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        let options = try deleteOptions(request)
        let filter = WatchFilter(resource: resource, namespace: request.info.namespace,
                                 labels: try request.labelSelector(), fields: try request.fieldSelector(for: resource))
        let result = try await store.range(.prefix(filter.prefix))
        var deleted: [JSONValue] = []
        for kv in result.kvs {
            let object = try StoredObject.decode(kv)
            guard filter.matches(object) else { continue }
            do {
                deleted.append(try await delete(resource, namespace: object.namespace, name: object.name, options: options))
            } catch let error as APIError where error.code == 404 {
                continue
            }
        }
        let list: JSONValue = [
            "apiVersion": .string(resource.apiVersion), "kind": .string(resource.kind + "List"),
            "metadata": ["resourceVersion": .string(String(try await store.currentRevision()))],
            "items": .array(deleted),
        ]
        return .json(list)
    }
}
