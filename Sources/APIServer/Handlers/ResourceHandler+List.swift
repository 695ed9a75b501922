import Foundation
import Resources
import Store

extension ResourceHandler {
    /// Lists objects. Unpaged lists are served from the watch cache once it has caught up with
    /// the store (a consistent read, as Kubernetes' ConsistentListFromCache); paged lists,
    /// continuations and `resourceVersionMatch=Exact` read the store at one revision.
    func list(_ request: APIRequest, _ resource: ServedResource) async throws -> APIResponse {
        let filter = WatchFilter(resource: resource, namespace: request.info.namespace,
                                 labels: try request.labelSelector(), fields: try request.fieldSelector(for: resource))
        let limit = try request.query["limit"].map { text throws(APIError) -> Int in
            guard let n = Int(text), n >= 0 else { throw APIError.badRequest("invalid limit: \(text)") }
            return n
        } ?? 0
        let resourceVersion = request.query["resourceVersion"] ?? ""
        let match = request.query["resourceVersionMatch"] ?? ""
        let continueToken = request.query["continue"] ?? ""
        if !match.isEmpty {
            guard ["Exact", "NotOlderThan"].contains(match) else {
                throw APIError.badRequest("resourceVersionMatch: Unsupported value: \"\(match)\": supported values: \"Exact\", \"NotOlderThan\"")
            }
            guard !resourceVersion.isEmpty else {
                throw APIError.badRequest("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided")
            }
        }
        if !continueToken.isEmpty, !resourceVersion.isEmpty, resourceVersion != "0" {
            throw APIError.badRequest("specifying resource version is not allowed when using continue")
        }
        let requested: Int64? = resourceVersion.isEmpty ? nil : try Self.parseResourceVersion(resourceVersion)

        let page: ListPage
        if !continueToken.isEmpty || match == "Exact" || (limit > 0 && resourceVersion != "0") {
            page = try await listFromStore(filter, limit: limit, continueToken: continueToken,
                                           exact: match == "Exact" ? requested : nil, notOlderThan: requested)
        } else if let cached = try await listFromCache(filter, resourceVersion: requested) {
            page = cached
        } else {
            page = try await listFromStore(filter, limit: 0, continueToken: "", exact: nil, notOlderThan: requested)
        }
        return listResponse(page, request, resource)
    }

    struct ListPage {
        var items: [CachedObject]
        var revision: Int64
        var continueToken: String?
        var remainingItemCount: Int64?
    }

    static func parseResourceVersion(_ text: String) throws(APIError) -> Int64 {
        guard let n = Int64(text), n >= 0 else {
            throw APIError.badRequest("invalid resource version \"\(text)\"")
        }
        return n
    }

    /// nil when the cache could not catch up in time (the caller reads the store instead).
    private func listFromCache(_ filter: WatchFilter, resourceVersion: Int64?) async throws -> ListPage? {
        switch resourceVersion {
        case nil:
            let target = try await store.currentRevision()
            guard await cache.waitUntil(revision: target) else { return nil }
        case 0?:
            break
        case let n?:
            guard await cache.waitUntil(revision: n) else {
                throw APIError.timeout("Too large resource version: \(n), current resource version: \(await cache.revision)")
            }
        }
        let (objects, revision) = await cache.snapshot(of: filter.resource)
        let prefix = filter.prefix
        let items = objects.values
            .filter { $0.key.hasPrefix(prefix) && filter.matches($0.object) }
            .sorted { KeyRange.precedes($0.key, $1.key) }
        return ListPage(items: items, revision: revision, continueToken: nil, remainingItemCount: nil)
    }

    /// A continue token: where the next page starts and the revision every page is read at.
    private struct ListContinuation: Codable {
        var v = "meta.k8s.io/v1"
        var rv: Int64
        var start: String
    }

    private func listFromStore(_ filter: WatchFilter, limit: Int, continueToken: String,
                               exact: Int64?, notOlderThan: Int64?) async throws -> ListPage {
        let prefix = filter.prefix
        let end = KeyRange.prefixEnd(prefix)
        var start = prefix
        var revision: Int64 = exact ?? 0
        if !continueToken.isEmpty {
            guard let data = Data(base64Encoded: continueToken),
                  let token = try? JSONDecoder().decode(ListContinuation.self, from: data),
                  token.start.hasPrefix(prefix)
            else { throw APIError.badRequest("continue key is not valid") }
            start = token.start
            revision = token.rv
        }
        if let notOlderThan, exact == nil, continueToken.isEmpty, notOlderThan > 0 {
            let current = try await store.currentRevision()
            if notOlderThan > current {
                throw APIError.timeout("Too large resource version: \(notOlderThan), current resource version: \(current)")
            }
        }
        let unfiltered = filter.labels.isEmpty && filter.fields.isEmpty
        var items: [CachedObject] = []
        var nextStart: String? = start
        var remaining: Int64?
        let pageSize = limit > 0 ? max(limit, 1) : 0
        do {
            while let from = nextStart {
                let result = try await store.range(RangeRequest(start: from, end: end, revision: revision, limit: pageSize))
                revision = result.revision
                nextStart = nil
                for (i, kv) in result.kvs.enumerated() {
                    let object = try StoredObject.decode(kv)
                    if filter.matches(object) {
                        items.append(CachedObject(key: kv.key, object: object, revision: kv.modRevision))
                    }
                    if limit > 0, items.count == limit {
                        let more = i < result.kvs.count - 1 || result.more
                        if more {
                            nextStart = kv.key + "\u{0}"
                            if unfiltered { remaining = Int64(result.count - i - 1) }
                        }
                        let token = more ? ListContinuation(rv: revision, start: kv.key + "\u{0}") : nil
                        let encoded = try token.map { try JSONEncoder().encode($0).base64EncodedString() }
                        return ListPage(items: items, revision: revision, continueToken: encoded, remainingItemCount: remaining)
                    }
                }
                if result.more, let last = result.kvs.last { nextStart = last.key + "\u{0}" }
            }
        } catch ClusterStoreError.compacted {
            throw APIError.gone(continueToken.isEmpty
                ? "The resourceVersion for the provided list is too old."
                : "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.")
        }
        return ListPage(items: items, revision: revision, continueToken: nil, remainingItemCount: nil)
    }

    private func listResponse(_ page: ListPage, _ request: APIRequest, _ resource: ServedResource) -> APIResponse {
        var metadata: JSONValue = ["resourceVersion": .string(String(page.revision))]
        if let token = page.continueToken { metadata["continue"] = .string(token) }
        if let remaining = page.remainingItemCount { metadata["remainingItemCount"] = .integer(remaining) }
        if request.wantsTable {
            let table = TableConvertor(resource: resource).table(
                objects: page.items.map(\.object), listMetadata: metadata,
                includeObject: request.query["includeObject"] ?? "Metadata", now: now())
            return .json(table)
        }
        // Concatenate the cached bytes rather than re-encoding every item.
        var out: [UInt8] = []
        out.reserveCapacity(page.items.reduce(128) { $0 + $1.bytes.count + 1 })
        out += Array("{\"apiVersion\":\"\(resource.apiVersion)\",\"items\":[".utf8)
        for (i, item) in page.items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += item.bytes
        }
        out += Array("],\"kind\":\"\(resource.kind)List\",\"metadata\":".utf8)
        out += metadata.serializedBytes()
        out.append(UInt8(ascii: "}"))
        return APIResponse(status: 200, body: .bytes(out))
    }
}
