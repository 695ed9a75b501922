import Client
import Resources
import Testing

@Suite struct ResourcePathTests {
    @Test func namespacedObjectPathIncludesNamespaceAndSubresource() {
        #expect(Deployment.resourceType.path(namespace: "default", name: "web", subresource: "scale")
            == "/apis/apps/v1/namespaces/default/deployments/web/scale")
    }

    @Test func coreCollectionWithoutNamespaceCoversAllNamespaces() {
        #expect(Pod.resourceType.path() == "/api/v1/pods")
    }

    @Test func clusterScopedKindIgnoresNamespace() {
        #expect(Node.resourceType.path(namespace: "default", name: "n1") == "/api/v1/nodes/n1")
    }

    @Test func queryIsPercentEncoded() {
        let request = ClientRequest(method: .get, path: "/api/v1/pods",
                                    query: [QueryItem("labelSelector", "app in (web,api)"), QueryItem("limit", "5")])
        #expect(request.target == "/api/v1/pods?labelSelector=app%20in%20%28web%2Capi%29&limit=5")
    }
}
