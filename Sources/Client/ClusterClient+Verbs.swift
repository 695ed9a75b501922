import Foundation
import Resources

/// The verbs on raw JSON bodies; the typed and unstructured APIs wrap these.
extension ClusterClient {
    /// Sends `request` and returns the body of a 2xx answer; any other status throws the
    /// `Status` it carries.
    public func perform(_ request: ClientRequest) async throws(ClientError) -> [UInt8] {
        let response = try await send(request)
        guard (200..<300).contains(response.status) else { throw ClientError(response: response) }
        return response.body
    }

    func getBytes(_ type: ResourceType, name: String, namespace: String?, subresource: String? = nil) async throws(ClientError) -> [UInt8] {
        try await perform(ClientRequest(method: .get, path: type.path(namespace: namespace, name: name, subresource: subresource)))
    }

    func listBytes(_ type: ResourceType, namespace: String?, options: ListOptions) async throws(ClientError) -> [UInt8] {
        try await perform(ClientRequest(method: .get, path: type.path(namespace: namespace), query: options.queryItems(watch: false)))
    }

    func createBytes(_ type: ResourceType, namespace: String?, body: [UInt8], dryRun: Bool) async throws(ClientError) -> [UInt8] {
        try await perform(ClientRequest(method: .post, path: type.path(namespace: namespace),
                                        query: dryRun ? [QueryItem("dryRun", "All")] : [], body: body))
    }

    func updateBytes(_ type: ResourceType, name: String, namespace: String?, subresource: String?, body: [UInt8]) async throws(ClientError) -> [UInt8] {
        try await perform(ClientRequest(method: .put, path: type.path(namespace: namespace, name: name, subresource: subresource), body: body))
    }

    func patchBytes(_ type: ResourceType, name: String, namespace: String?, patch: Patch, subresource: String?) async throws(ClientError) -> [UInt8] {
        try await perform(ClientRequest(method: .patch, path: type.path(namespace: namespace, name: name, subresource: subresource),
                                        body: patch.body, contentType: patch.contentType))
    }

    /// Deletes one object. Returns the object as it now stands when the delete only marked it
    /// (finalizers, or a grace period), or the last state the server reports.
    @discardableResult
    public func delete(_ type: ResourceType, name: String, namespace: String?, options: DeleteOptions = DeleteOptions()) async throws(ClientError) -> JSONValue? {
        let body = try await perform(ClientRequest(method: .delete, path: type.path(namespace: namespace, name: name), body: options.body))
        return try? JSONValue.parse(body)
    }

    /// Deletes every object of `type` in `namespace` that matches `labelSelector`.
    public func deleteCollection(_ type: ResourceType, namespace: String?, labelSelector: String? = nil,
                                 options: DeleteOptions = DeleteOptions()) async throws(ClientError) {
        var query: [QueryItem] = []
        if let labelSelector, !labelSelector.isEmpty { query.append(QueryItem("labelSelector", labelSelector)) }
        _ = try await perform(ClientRequest(method: .delete, path: type.path(namespace: namespace), query: query, body: options.body))
    }

    /// Opens a watch on `type` and decodes each line into a `WatchEvent<JSONValue>`.
    public func watch(_ type: ResourceType, namespace: String?, options: ListOptions) async throws(ClientError) -> AsyncThrowingStream<WatchEvent<JSONValue>, any Error> {
        let lines = try await openWatch(ClientRequest(method: .get, path: type.path(namespace: namespace), query: options.queryItems(watch: true)))
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await line in lines {
                        continuation.yield(try WatchEvent<JSONValue>(line: line))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// Unstructured access: any kind, as JSON.
extension ClusterClient {
    public func get(_ type: ResourceType, name: String, namespace: String?) async throws(ClientError) -> JSONValue {
        try Self.parse(try await getBytes(type, name: name, namespace: namespace))
    }

    public func list(_ type: ResourceType, namespace: String?, options: ListOptions = ListOptions()) async throws(ClientError) -> ObjectList<JSONValue> {
        try Self.decode(ObjectList<JSONValue>.self, try await listBytes(type, namespace: namespace, options: options))
    }

    public func create(_ type: ResourceType, _ object: JSONValue, dryRun: Bool = false) async throws(ClientError) -> JSONValue {
        let namespace = object["metadata"]?["namespace"]?.stringValue
        return try Self.parse(try await createBytes(type, namespace: namespace, body: object.serializedBytes(), dryRun: dryRun))
    }

    public func update(_ type: ResourceType, _ object: JSONValue, subresource: String? = nil) async throws(ClientError) -> JSONValue {
        let metadata = object["metadata"]
        let bytes = try await updateBytes(type, name: metadata?["name"]?.stringValue ?? "", namespace: metadata?["namespace"]?.stringValue,
                                          subresource: subresource, body: object.serializedBytes())
        return try Self.parse(bytes)
    }

    public func patch(_ type: ResourceType, name: String, namespace: String?, _ patch: Patch, subresource: String? = nil) async throws(ClientError) -> JSONValue {
        try Self.parse(try await patchBytes(type, name: name, namespace: namespace, patch: patch, subresource: subresource))
    }

    static func parse(_ bytes: [UInt8]) throws(ClientError) -> JSONValue {
        do { return try JSONValue.parse(bytes) } catch { throw .decoding("\(error)") }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws(ClientError) -> T {
        do { return try JSONValue.parse(bytes).decode(T.self) } catch {
            throw .decoding("\(T.self): \(error)")
        }
    }

    static func encode(_ value: some Encodable) throws(ClientError) -> [UInt8] {
        do { return Array(try JSONEncoder().encode(value)) } catch { throw .decoding("encoding \(type(of: value)): \(error)") }
    }
}

/// Typed access: the kinds of the resource model.
extension ClusterClient {
    public func get<R: APIResource>(_ type: R.Type, name: String, namespace: String? = nil) async throws(ClientError) -> R {
        try Self.decode(R.self, try await getBytes(R.resourceType, name: name, namespace: namespace))
    }

    public func list<R: APIResource>(_ type: R.Type, namespace: String? = nil, options: ListOptions = ListOptions()) async throws(ClientError) -> ObjectList<R> {
        try Self.decode(ObjectList<R>.self, try await listBytes(R.resourceType, namespace: namespace, options: options))
    }

    public func create<R: APIResource>(_ object: R, dryRun: Bool = false) async throws(ClientError) -> R {
        let bytes = try await createBytes(R.resourceType, namespace: object.metadata.namespace, body: try Self.encode(object), dryRun: dryRun)
        return try Self.decode(R.self, bytes)
    }

    /// Replaces the object; its `resourceVersion` must be current, or this throws a conflict.
    public func update<R: APIResource>(_ object: R) async throws(ClientError) -> R {
        let bytes = try await updateBytes(R.resourceType, name: object.name, namespace: object.metadata.namespace,
                                          subresource: nil, body: try Self.encode(object))
        return try Self.decode(R.self, bytes)
    }

    /// Replaces the object's status through the `status` subresource.
    public func updateStatus<R: APIResource>(_ object: R) async throws(ClientError) -> R {
        let bytes = try await updateBytes(R.resourceType, name: object.name, namespace: object.metadata.namespace,
                                          subresource: "status", body: try Self.encode(object))
        return try Self.decode(R.self, bytes)
    }

    public func patch<R: APIResource>(_ type: R.Type, name: String, namespace: String? = nil, _ patch: Patch,
                                      subresource: String? = nil) async throws(ClientError) -> R {
        try Self.decode(R.self, try await patchBytes(R.resourceType, name: name, namespace: namespace, patch: patch, subresource: subresource))
    }

    @discardableResult
    public func delete<R: APIResource>(_ type: R.Type, name: String, namespace: String? = nil,
                                       options: DeleteOptions = DeleteOptions()) async throws(ClientError) -> JSONValue? {
        try await delete(R.resourceType, name: name, namespace: namespace, options: options)
    }

    /// Opens a typed watch; each event's object is decoded as `R`.
    public func watch<R: APIResource>(_ type: R.Type, namespace: String? = nil, options: ListOptions = ListOptions()) async throws(ClientError) -> AsyncThrowingStream<WatchEvent<R>, any Error> {
        let events = try await watch(R.resourceType, namespace: namespace, options: options)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in events {
                        let object = try event.object.map { try $0.decode(R.self) }
                        continuation.yield(WatchEvent<R>(type: event.type, object: object, resourceVersion: event.resourceVersion, error: event.error))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
