import Testing
@testable import APIServer

/// How a method and request target are read into verb, resource, subresource, namespace and
/// name, as Kubernetes' `RequestInfoFactory` reads them.
@Suite struct RequestInfoTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var method: String
        var target: String
        var verb: String
        var resource = ""
        var subresource = ""
        var namespace = ""
        var name = ""
        var group = ""
        var isResourceRequest = true
        var testDescription: String { "\(method) \(target)" }
    }

    static let cases: [Case] = [
        Case(method: "GET", target: "/api/v1/namespaces/ns/pods/p/status", verb: "get",
             resource: "pods", subresource: "status", namespace: "ns", name: "p"),
        Case(method: "GET", target: "/api/v1/namespaces/ns/pods", verb: "list", resource: "pods", namespace: "ns"),
        Case(method: "GET", target: "/api/v1/pods", verb: "list", resource: "pods"),
        Case(method: "POST", target: "/api/v1/namespaces/ns/pods", verb: "create", resource: "pods", namespace: "ns"),
        Case(method: "DELETE", target: "/api/v1/namespaces/ns/pods", verb: "deletecollection", resource: "pods", namespace: "ns"),
        Case(method: "DELETE", target: "/api/v1/namespaces/x", verb: "delete", resource: "namespaces", name: "x"),
        Case(method: "GET", target: "/api/v1/namespaces", verb: "list", resource: "namespaces"),
        Case(method: "PUT", target: "/api/v1/namespaces/x/finalize", verb: "update",
             resource: "namespaces", subresource: "finalize", name: "x"),
        Case(method: "PUT", target: "/api/v1/namespaces/x/status", verb: "update",
             resource: "namespaces", subresource: "status", name: "x"),
        Case(method: "GET", target: "/apis/apps/v1/deployments?watch", verb: "watch", resource: "deployments", group: "apps"),
        Case(method: "GET", target: "/apis/apps/v1/deployments?watch=true", verb: "watch", resource: "deployments", group: "apps"),
        Case(method: "GET", target: "/apis/apps/v1/deployments?watch=1", verb: "watch", resource: "deployments", group: "apps"),
        Case(method: "GET", target: "/apis/apps/v1/deployments?watch=false", verb: "list", resource: "deployments", group: "apps"),
        Case(method: "GET", target: "/apis/apps/v1/deployments?watch=0", verb: "list", resource: "deployments", group: "apps"),
        Case(method: "GET", target: "/apis/apps/v1/namespaces/ns/deployments/web?watch=true", verb: "watch",
             resource: "deployments", namespace: "ns", name: "web", group: "apps"),
        Case(method: "GET", target: "/api/v1/watch/namespaces/ns/pods", verb: "watch", resource: "pods", namespace: "ns"),
        Case(method: "GET", target: "/api/v1/watch/namespaces/ns/pods/p", verb: "watch", resource: "pods", namespace: "ns", name: "p"),
        Case(method: "PUT", target: "/apis/apps/v1/namespaces/ns/deployments/web/scale", verb: "update",
             resource: "deployments", subresource: "scale", namespace: "ns", name: "web", group: "apps"),
        Case(method: "PATCH", target: "/api/v1/nodes/n1", verb: "patch", resource: "nodes", name: "n1"),
        Case(method: "POST", target: "/api/v1/namespaces/ns/pods/p/binding", verb: "create",
             resource: "pods", subresource: "binding", namespace: "ns", name: "p"),
        Case(method: "GET", target: "/apis/apps/v1", verb: "get", group: "apps", isResourceRequest: false),
        Case(method: "GET", target: "/api", verb: "get", isResourceRequest: false),
        Case(method: "GET", target: "/healthz", verb: "get", isResourceRequest: false),
    ]

    @Test(arguments: cases)
    func parsesMethodAndPath(_ c: Case) {
        let parts = c.target.split(separator: "?", maxSplits: 1).map(String.init)
        let query = APIResponder.parseQuery(parts.count > 1 ? parts[1] : "")
        let info = RequestInfo(method: c.method, path: parts[0], watch: APIRequest.flag(query["watch"]))
        #expect(info.isResourceRequest == c.isResourceRequest)
        #expect(info.verb == c.verb)
        #expect(info.resource == c.resource)
        #expect(info.subresource == c.subresource)
        #expect(info.namespace == c.namespace)
        #expect(info.name == c.name)
        #expect(info.group == c.group)
        #expect(info.path == parts[0])
    }
}
