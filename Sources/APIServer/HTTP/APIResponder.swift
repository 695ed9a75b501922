import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOSSL
import Resources

/// The front door: authenticates, authorizes, routes to discovery, OpenAPI, health, metrics
/// or the resource handler, and records metrics. Never throws: every failure is a `Status`.
struct APIResponder: HTTPResponder {
    typealias Context = APIRequestContext

    let handler: ResourceHandler
    let discovery: Discovery
    let openAPI: OpenAPIDocuments
    let authenticator: Authenticator?
    let authorizer: any Authorizer
    let metrics: APIMetrics
    let serverAddress: @Sendable () -> String
    let logger: Logger

    /// Paths anyone may read.
    static let openPaths: Set<String> = ["/healthz", "/livez", "/readyz", "/version"]

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        var path = request.uri.path
        // `/version/` and `/version` are the same path, as Kubernetes' mux treats them.
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let query = Self.parseQuery(request.uri.query ?? "")
        let info = RequestInfo(method: request.method.rawValue, path: path, watch: APIRequest.flag(query["watch"]))
        let response: APIResponse
        do {
            response = try await route(request, context: context, info: info, query: query)
        } catch let error as APIError {
            response = .error(error)
        } catch {
            response = .error(.internalError("\(error)"))
        }
        if info.isResourceRequest {
            metrics.recordRequest(verb: info.verb, resource: info.resource, subresource: info.subresource,
                                  code: response.status, duration: ContinuousClock.now - start)
        }
        return Self.httpResponse(response)
    }

    private func route(_ request: Request, context: Context, info: RequestInfo, query: [String: String]) async throws -> APIResponse {
        let path = info.path
        if Self.openPaths.contains(path) || path.hasPrefix("/healthz/") || path.hasPrefix("/livez/") || path.hasPrefix("/readyz/") {
            if path == "/version" { return .json(Discovery.version) }
            if path.hasPrefix("/readyz"), await !handler.cache.isReady {
                return APIResponse(status: 500, contentType: "text/plain; charset=utf-8", body: .bytes(Array("[-]watch-cache not ready\nreadyz check failed\n".utf8)))
            }
            return APIResponse(status: 200, contentType: "text/plain; charset=utf-8", body: .bytes(Array("ok".utf8)))
        }
        let user = try await authenticate(request, context: context)
        let attributes = AuthorizationAttributes(
            user: user, verb: info.isResourceRequest ? info.verb : request.method.rawValue.lowercased(),
            isResourceRequest: info.isResourceRequest, group: info.group, version: info.version, resource: info.resource,
            subresource: info.subresource, namespace: info.namespace, name: info.name, path: path)
        if case .deny(let reason) = authorizer.authorize(attributes) {
            let what = info.isResourceRequest
                ? "cannot \(info.verb) resource \"\(info.resource)\" in API group \"\(info.group)\"\(info.namespace.isEmpty ? " at the cluster scope" : " in the namespace \"\(info.namespace)\"")"
                : "cannot \(attributes.verb) path \"\(path)\""
            throw APIError.forbidden("\(info.resource.isEmpty ? "" : info.resource + " ")is forbidden: User \"\(user.name)\" \(what)\(reason.isEmpty ? "" : ": " + reason)")
        }
        if info.isResourceRequest {
            var body: [UInt8] = []
            if request.method != .get, request.method != .head {
                var r = request
                do {
                    let buffer = try await r.collectBody(upTo: ResourceHandler.maxBodyBytes)
                    body = Array(buffer.readableBytesView)
                } catch {
                    throw APIError.tooLarge("Request entity too large: limit is \(ResourceHandler.maxBodyBytes)")
                }
            }
            let apiRequest = APIRequest(info: info, query: query, accept: request.headers[.accept] ?? "application/json",
                                        contentType: request.headers[.contentType], body: body, user: user)
            return await handler.handle(apiRequest)
        }
        return try await nonResource(path, request)
    }

    private func nonResource(_ path: String, _ request: Request) async throws -> APIResponse {
        guard request.method == .get || request.method == .head else {
            throw APIError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
        if let document = discovery.document(at: path, serverAddress: serverAddress()) { return .json(document) }
        let parts = path.split(separator: "/").map(String.init)
        switch parts.count {
        case 1 where parts[0] == "metrics":
            metrics.setOpenWatches(await handler.cache.watcherCount)
            return APIResponse(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: .bytes(metrics.render()))
        case 2 where parts[0] == "openapi" && parts[1] == "v2":
            // The v2 document is served as JSON only; clients that accept nothing but its
            // protobuf form get 406 and use /openapi/v3 (which kubectl prefers anyway).
            let accept = request.headers[.accept] ?? "*/*"
            guard accept.contains("json") || accept.contains("*/*") else {
                throw APIError.notAcceptable("only application/json is served for /openapi/v2; use /openapi/v3")
            }
            return .json(openAPI.v2)
        case 2 where parts[0] == "openapi" && parts[1] == "v3":
            return .json(openAPI.v3Index)
        case 3... where parts[0] == "openapi" && parts[1] == "v3":
            if let doc = openAPI.v3(groupVersionPath: parts[2...].joined(separator: "/")) { return .json(doc) }
        case 0:
            let paths = ["/api", "/api/v1", "/apis", "/healthz", "/livez", "/metrics", "/openapi/v2", "/openapi/v3", "/readyz", "/version"]
                + discovery.registry.groupVersions.filter { !$0.group.isEmpty }.map { "/apis/\($0.group)/\($0.version)" }
            return .json(["paths": .array(paths.sorted().map(JSONValue.string))])
        default:
            break
        }
        throw APIError.notFoundPath(path)
    }

    private func authenticate(_ request: Request, context: Context) async throws -> UserInfo {
        guard let authenticator else { return UserInfo(name: "system:anonymous-insecure", groups: ["system:masters", "system:authenticated"]) }
        var token: String?
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        var certificate: NIOSSLCertificate?
        if token == nil {
            certificate = try? await context.channel.nioSSL_peerCertificate().get()
        }
        guard let authentication = authenticator.authentication(bearerToken: token, clientCertificate: certificate) else {
            throw APIError.unauthorized()
        }
        if let claims = authentication.serviceAccount, await !handler.tokenIsLive(claims) {
            throw APIError.unauthorized()
        }
        return authentication.user
    }

    /// `a=1&b=x+y` → `["a": "1", "b": "x y"]`, percent-decoded as Go's `url.ParseQuery`.
    static func parseQuery(_ query: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let key = decode(kv[0])
            if result[key] == nil { result[key] = kv.count > 1 ? decode(kv[1]) : "" }
        }
        return result
    }

    static func httpResponse(_ response: APIResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = response.contentType
        headers[.cacheControl] = "no-cache, private"
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        let status = HTTPResponse.Status(code: response.status)
        switch response.body {
        case .bytes(let bytes):
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .watch(let events, let encode, let failure):
            headers[.transferEncoding] = "chunked"
            return Response(status: status, headers: headers, body: ResponseBody { writer in
                do {
                    for try await output in events { try await writer.write(ByteBuffer(bytes: encode(output))) }
                } catch let error as WatchCacheError {
                    try await writer.write(ByteBuffer(bytes: failure(error)))
                }
                try await writer.finish(nil)
            })
        }
    }
}
