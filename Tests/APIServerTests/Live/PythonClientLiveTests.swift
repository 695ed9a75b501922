import Foundation
import Testing

/// The official Kubernetes Python client (installed by scripts/setup) against a real
/// `capstan server`, configured by nothing but the kubeconfig the server wrote.
@Suite struct PythonClientLiveTests {
    static let script = #"""
        import json, sys
        from kubernetes import client, config, watch
        config.load_kube_config(sys.argv[1])
        v1 = client.CoreV1Api()
        print("namespaces", ",".join(sorted(n.metadata.name for n in v1.list_namespace().items)))
        v1.create_namespaced_config_map("default", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py"), data={"a": "1"}))
        v1.patch_namespaced_config_map("py", "default", {"data": {"a": "2"}})
        print("read", v1.read_namespaced_config_map("py", "default").data["a"])
        apps = client.AppsV1Api()
        apps.create_namespaced_deployment("default", {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
            "spec": {"replicas": 3, "selector": {"matchLabels": {"a": "b"}},
                     "template": {"metadata": {"labels": {"a": "b"}}, "spec": {"containers": [{"name": "c", "image": "busybox"}]}}}})
        print("replicas", apps.read_namespaced_deployment("d", "default").spec.replicas)
        try:
            v1.read_namespaced_config_map("missing", "default")
        except client.exceptions.ApiException as e:
            print("missing", e.status)
        for ev in watch.Watch().stream(v1.list_namespaced_config_map, "default", timeout_seconds=2):
            print("event", ev["type"], ev["object"].metadata.name)
        print("deployments", ",".join(d.metadata.name for d in apps.list_namespaced_deployment("default").items))
        for ev in watch.Watch().stream(apps.list_namespaced_deployment, "default", timeout_seconds=2):
            print("deployment event", ev["type"], ev["object"].metadata.name, ev["object"].spec.replicas)
        apps.delete_namespaced_deployment("d", "default")
        v1.delete_namespaced_config_map("py", "default")
        print("after delete", len(v1.list_namespaced_config_map("default").items),
              len(apps.list_namespaced_deployment("default").items))
        # A malformed protobuf body, through the client's own connection: a 400 Status.
        api = client.ApiClient()
        try:
            r = api.rest_client.request("POST", api.configuration.host + "/api/v1/namespaces/default/configmaps",
                                        headers={"Content-Type": "application/vnd.kubernetes.protobuf",
                                                 "Accept": "application/json"},
                                        body=b"k8s\x00\x12\x7f\x0a")
            r.read()
            status, data = r.status, r.data
        except client.exceptions.ApiException as e:
            status, data = e.status, e.body
        print("malformed protobuf", status, json.loads(data)["kind"])
        print("version", client.VersionApi().get_code().git_version)
        """#

    @Test func officialClientWorksWithTheKubeconfigAlone() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let python = try BackgroundCommand(["python3", "-c", Self.script, server.kubeconfig])
        defer { python.stop() }
        #expect(python.waitFor(timeout: 60) { $0.contains("version ") || $0.contains("Traceback") })
        let out = python.text
        #expect(out.contains("namespaces default,kube-node-lease,kube-public,kube-system"), "\(out)")
        #expect(out.contains("read 2"), "\(out)")
        #expect(out.contains("replicas 3"), "\(out)")
        #expect(out.contains("missing 404"), "\(out)")
        #expect(out.contains("event ADDED py"), "\(out)")
        #expect(out.contains("deployments d"), "\(out)")
        #expect(out.contains("deployment event ADDED d 3"), "\(out)")
        #expect(out.contains("after delete 0 0"), "\(out)")
        #expect(out.contains("malformed protobuf 400 Status"), "\(out)")
        #expect(out.contains("version v1.32.0+capstan"), "\(out)")
    }
}
