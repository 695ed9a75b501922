/// What a request path and method address, as Kubernetes' `RequestInfoFactory` reads them:
/// `/api/v1/namespaces/NS/pods/NAME/status` → resource request, verb from the method.
public struct RequestInfo: Hashable, Sendable {
    public var isResourceRequest: Bool
    public var path: String
    /// `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, `deletecollection`;
    /// the lower-case method for non-resource requests.
    public var verb: String
    public var group = ""
    public var version = ""
    public var namespace = ""
    public var resource = ""
    public var subresource = ""
    public var name = ""

    /// Parses `path` (without query) for `method`; `watch` is the `?watch=` query flag.
    public init(method: String, path: String, watch: Bool) {
        self.path = path
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let lowerMethod = method.lowercased()
        self.verb = lowerMethod
        self.isResourceRequest = false
        var rest: ArraySlice<String>
        if parts.first == "api", parts.count >= 2 {
            version = parts[1]
            rest = parts[2...]
        } else if parts.first == "apis", parts.count >= 3 {
            group = parts[1]
            version = parts[2]
            rest = parts[3...]
        } else {
            return
        }
        var legacyWatch = false
        if rest.first == "watch" {
            legacyWatch = true
            rest = rest.dropFirst()
        }
        if rest.isEmpty { return }  // the group-version's discovery document
        isResourceRequest = true
        if rest.first == "namespaces", rest.count > 1 {
            namespace = rest[rest.startIndex + 1]
            // `/api/v1/namespaces/NAME/status|finalize` address the namespace itself.
            if rest.count > 2, !["status", "finalize"].contains(rest[rest.startIndex + 2]) {
                rest = rest.dropFirst(2)
            }
        }
        let r = Array(rest)
        resource = r[0]
        if r.count >= 2 { name = r[1] }
        if r.count >= 3 { subresource = r[2...].joined(separator: "/") }
        if resource == "namespaces" { namespace = "" }

        switch lowerMethod {
        case "get", "head":
            verb = name.isEmpty ? (watch || legacyWatch ? "watch" : "list") : (legacyWatch ? "watch" : "get")
        case "post": verb = "create"
        case "put": verb = "update"
        case "patch": verb = "patch"
        case "delete": verb = name.isEmpty ? "deletecollection" : "delete"
        default: verb = lowerMethod
        }
        if verb == "get", watch { verb = "watch" }
    }
}
