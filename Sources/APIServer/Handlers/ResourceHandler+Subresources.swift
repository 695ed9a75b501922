import Foundation
import Resources
import Store

extension ResourceHandler {
    func subresource(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        let info = request.info
        let name = info.subresource.split(separator: "/").first.map(String.init) ?? ""
        guard resource.subresources.contains(name), !info.name.isEmpty else { throw APIError.notFoundPath(info.path) }
        switch (name, info.verb) {
        case ("status", "get"):
            return try await get(request, resource)
        case ("status", "update"):
            return try await update(request, resource, subresource: "status")
        case ("status", "patch"):
            return try await patch(request, resource, subresource: "status")
        case ("finalize", "update"):
            return try await update(request, resource, subresource: "finalize")
        case ("scale", _):
            return try await scale(request, resource)
        case ("token", "create") where resource.kind == "ServiceAccount":
            return try await createToken(request, resource)
        case ("binding", "create"):
            return try await bind(request, resource)
        case ("eviction", "create"):
            let body = try decodeBody(request, as: OpenAPIMetaTypes.Eviction.self)
            let options = try DeleteOptions(body: body["deleteOptions"], query: request.query)
            _ = try await delete(resource, namespace: info.namespace, name: info.name, options: options)
            return .json(["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success"], status: 201)
        case ("log", "get"), ("exec", _), ("attach", _), ("portforward", _):
            _ = try await current(resource, namespace: info.namespace, name: info.name)
            throw APIError.badRequest(
                "pods/\(name) is not available for pod \"\(info.name)\": no node agent is serving containers on this cluster yet")
        default:
            throw APIError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
    }

    // MARK: Scale

    /// `autoscaling/v1` Scale of a workload: `spec.replicas` read and written through the
    /// parent object (with its resourceVersion), `status.selector` as a label selector string.
    func scale(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        let info = request.info
        let (object, revision) = try await current(resource, namespace: info.namespace, name: info.name)
        let scale = Self.scale(of: object)
        switch info.verb {
        case "get":
            return .json(scale)
        case "update", "patch":
            let desired: JSONValue
            if info.verb == "update" {
                desired = try decodeBody(request, as: OpenAPIMetaTypes.Scale.self)
            } else {
                let (kind, patch) = try decodePatch(request)
                do { desired = try applyPatch(kind, patch, to: scale, schema: nil) } catch {
                    throw APIError(code: 422, reason: "Invalid", message: error.message)
                }
            }
            let rv = desired.resourceVersion
            if !rv.isEmpty, rv != String(revision) {
                throw Self.raced(resource, info.name)
            }
            guard let replicas = desired["spec"]?["replicas"]?.int64Value else {
                throw APIError(code: 422, reason: "Invalid", message: "Scale.autoscaling \"\(info.name)\" is invalid: spec.replicas: Required value")
            }
            if replicas < 0 {
                throw APIError(code: 422, reason: "Invalid",
                               message: "Scale.autoscaling \"\(info.name)\" is invalid: spec.replicas: Invalid value: \(replicas): must be greater than or equal to 0")
            }
            var updated = object
            updated["spec"]?["replicas"] = .integer(replicas)
            var inner = request
            inner.query["fieldValidation"] = "Ignore"
            let response = try await replace(object, revision, with: updated, inner, resource, subresource: nil)
            guard case .bytes(let bytes) = response.body, let stored = try? JSONValue.parse(bytes) else { return response }
            return .json(Self.scale(of: stored))
        default:
            throw APIError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
    }

    static func scale(of object: JSONValue) -> JSONValue {
        var selector = ""
        if let s = object["spec"]?["selector"], let typed = try? s.decode(LabelSelector.self),
           let parsed = try? Selector(typed) {
            selector = parsed.description
        }
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1",
            "metadata": [
                "name": object.meta("name") ?? "", "namespace": object.meta("namespace") ?? "",
                "uid": object.meta("uid") ?? "", "resourceVersion": object.meta("resourceVersion") ?? "",
                "creationTimestamp": object.meta("creationTimestamp") ?? .null,
            ],
            "spec": ["replicas": .integer(object["spec"]?["replicas"]?.int64Value ?? 1)],
            "status": ["replicas": .integer(object["status"]?["replicas"]?.int64Value ?? 0), "selector": .string(selector)],
        ]
    }

    // MARK: Binding

    /// `pods/NAME/binding`: assigns an unbound pod to a node and marks it PodScheduled.
    func bind(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        let info = request.info
        let binding = try decodeBody(request, as: OpenAPIMetaTypes.Binding.self)
        guard let node = binding["target"]?["name"]?.stringValue, !node.isEmpty else {
            throw APIError(code: 422, reason: "Invalid",
                           message: "Binding \"\(info.name)\" is invalid: target.name: Required value")
        }
        let key = key(resource, namespace: info.namespace, name: info.name)
        for _ in 0..<5 {
            let (pod, revision) = try await current(resource, namespace: info.namespace, name: info.name)
            if let uid = binding["metadata"]?["uid"]?.stringValue, !uid.isEmpty, uid != pod.meta("uid")?.stringValue {
                throw APIError.conflict(resource, info.name, "the UID in the binding does not match the pod")
            }
            if pod.meta("deletionTimestamp") != nil {
                throw APIError.conflict(resource, info.name, "pod \(info.name) is being deleted, cannot be assigned to a host")
            }
            if let current = pod["spec"]?["nodeName"]?.stringValue, !current.isEmpty {
                throw APIError.conflict(resource, info.name, "pod \(info.name) is already assigned to node \"\(current)\"")
            }
            var bound = pod
            bound["spec"]?["nodeName"] = .string(node)
            var conditions = (bound["status"]?["conditions"]?.arrayValue ?? []).filter { $0["type"]?.stringValue != "PodScheduled" }
            conditions.append(["type": "PodScheduled", "status": "True", "lastProbeTime": .null,
                               "lastTransitionTime": .string(Time(now()).rfc3339)])
            if bound["status"] == nil { bound["status"] = [:] }
            bound["status"]?["conditions"] = .array(conditions)
            if request.dryRun { return Self.bindingSucceeded }
            if try await store.update(key, StoredObject.encode(bound), expectedModRevision: revision) != nil {
                return Self.bindingSucceeded
            }
        }
        throw Self.raced(resource, info.name)
    }

    static let bindingSucceeded = APIResponse.json(["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "code": 201], status: 201)
}
