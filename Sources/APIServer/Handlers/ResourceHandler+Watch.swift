import Foundation
import Resources
import Store

extension ResourceHandler {
    /// Longest watch a client gets when it does not say (Kubernetes picks 30–60 minutes).
    static let defaultWatchTimeout: Int64 = 1800

    /// A chunked stream of watch events, one JSON object per line:
    /// `{"type":"ADDED|MODIFIED|DELETED|BOOKMARK|ERROR","object":…}`.
    func watch(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        let filter = WatchFilter(resource: resource, namespace: request.info.namespace,
                                 labels: try request.labelSelector(), fields: try request.fieldSelector(for: resource))
        let resourceVersion = request.query["resourceVersion"] ?? ""
        let bookmarks = request.bool("allowWatchBookmarks")
        let sendInitialEvents = request.bool("sendInitialEvents")
        var timeout = Self.defaultWatchTimeout
        if let t = request.query["timeoutSeconds"] {
            guard let n = Int64(t), n >= 0 else { throw APIError.badRequest("invalid timeoutSeconds: \(t)") }
            if n > 0 { timeout = n }
        }
        var from: Int64? = nil
        if sendInitialEvents {
            guard request.query["resourceVersionMatch"] == "NotOlderThan", bookmarks else {
                throw APIError.badRequest("sendInitialEvents requires resourceVersionMatch=NotOlderThan and allowWatchBookmarks=true")
            }
            if !resourceVersion.isEmpty, resourceVersion != "0" {
                let n = try Self.parseResourceVersion(resourceVersion)
                guard await cache.waitUntil(revision: n) else {
                    throw APIError.timeout("Too large resource version: \(n), current resource version: \(await cache.revision)")
                }
            } else if resourceVersion.isEmpty {
                _ = await cache.waitUntil(revision: try await store.currentRevision())
            }
        } else if !resourceVersion.isEmpty, resourceVersion != "0" {
            let n = try Self.parseResourceVersion(resourceVersion)
            guard await cache.waitUntil(revision: n) else {
                throw APIError.timeout("Too large resource version: \(n), current resource version: \(await cache.revision)")
            }
            from = n
        }
        let deadline = ContinuousClock.now + .seconds(timeout)
        let events = try await cache.watch(filter, from: from, bookmarks: bookmarks,
                                           initialEventsEnd: sendInitialEvents, deadline: deadline)
        let asTable = request.wantsTable
        let includeObject = request.query["includeObject"] ?? "Metadata"
        let table = TableConvertor(resource: resource)
        let clock = now
        let kindHeader = Array("{\"apiVersion\":\"\(resource.apiVersion)\",\"kind\":\"\(resource.kind)\",\"metadata\":".utf8)

        let encode: @Sendable (WatchOutput) -> [UInt8] = { output in
            switch output {
            case .event(let type, let object):
                var line = Array("{\"type\":\"\(type)\",\"object\":".utf8)
                if asTable {
                    line += table.table(objects: [object.object], listMetadata: ["resourceVersion": .string(String(object.revision))],
                                        includeObject: includeObject, now: clock()).serializedBytes()
                } else {
                    line += object.bytes
                }
                line += Array("}\n".utf8)
                return line
            case .bookmark(let revision, let initialEventsEnd):
                var meta: JSONValue = ["resourceVersion": .string(String(revision))]
                if initialEventsEnd { meta["annotations"] = ["k8s.io/initial-events-end": "true"] }
                return Array("{\"type\":\"BOOKMARK\",\"object\":".utf8) + kindHeader + meta.serializedBytes() + Array("}}\n".utf8)
            }
        }
        let failure: @Sendable (any Error) -> [UInt8] = { error in
            let status: APIError = switch error {
            case WatchCacheError.watcherTooSlow: .gone("the watch fell too far behind and was closed; list again")
            case WatchCacheError.reset: .gone("the watch cache was reset; list again")
            default: .internalError("\(error)")
            }
            return Array("{\"type\":\"ERROR\",\"object\":".utf8) + status.status.serializedBytes() + Array("}\n".utf8)
        }
        return APIResponse(status: 200, body: .watch(events, encode: encode, failure: failure))
    }
}
