import Foundation
import Testing

/// The real `kubectl` (through the version dispatcher on PATH) against a real
/// `capstan server` on loopback, over HTTPS with the kubeconfig the server wrote.
@Suite(.serialized) struct KubectlLiveTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                env: [{name: MODE, value: one}]
                ports: [{containerPort: 80}]
              - name: sidecar
                image: busybox
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 80}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, labels: {app: web}}
        data: {mode: one}
        """

    static func withServer(_ body: (ServerProcess, Kubectl) throws -> Void) throws {
        let server = try ServerProcess()
        try body(server, server.kubectl)
        #expect(server.stop() == 0, "capstan server exits 0 on SIGTERM")
    }

    @Test func versionApiResourcesAndExplain() throws {
        try Self.withServer { _, k in
            let version = try k.run(["version", "-o", "json"])
            #expect(version.status == 0)
            #expect(version.stdout.contains("\"gitVersion\": \"v1.32.0+capstan\""))
            let resources = try k.run(["api-resources"])
            #expect(resources.status == 0)
            for line in ["pods ", "deployments ", "statefulsets ", "leases ", "priorityclasses "] {
                #expect(resources.stdout.contains(line), "api-resources lists \(line)")
            }
            #expect(resources.stdout.contains("deploy"))
            let explain = try k.run(["explain", "deployment.spec.replicas"])
            #expect(explain.status == 0, "\(explain.stderr)")
            #expect(explain.stdout.contains("replicas <integer>"))
        }
    }

    @Test func applyMultiDocumentThenApplyAChange() throws {
        try Self.withServer { _, k in
            let first = try k.run(["apply", "-f", "-"], stdin: Self.deployment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("deployment.apps/web created"))
            #expect(first.stdout.contains("service/web created"))
            #expect(first.stdout.contains("configmap/settings created"))
            let again = try k.run(["apply", "-f", "-"], stdin: Self.deployment)
            #expect(again.stdout.contains("deployment.apps/web unchanged"))
            let changed = Self.deployment.replacingOccurrences(of: "value: one", with: "value: two")
            let diff = try k.run(["diff", "-f", "-"], stdin: changed)
            #expect(diff.status == 1, "kubectl diff exits 1 when there are differences")
            #expect(diff.stdout.contains("+          value: two"))
            let dry = try k.run(["apply", "--dry-run=server", "-f", "-"], stdin: changed)
            #expect(dry.stdout.contains("deployment.apps/web configured (server dry run)"))
            #expect(try k.run(["get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].env[0].value}"]).stdout == "one")
            let apply = try k.run(["apply", "-f", "-"], stdin: changed)
            #expect(apply.stdout.contains("deployment.apps/web configured"))
            let after = try k.run(["get", "deploy", "web", "-o",
                                   "jsonpath={.metadata.generation} {.spec.template.spec.containers[0].env[0].value} {.spec.template.spec.containers[1].name}"])
            #expect(after.stdout == "2 two sidecar")
        }
    }

    @Test func getInEveryOutputFormat() throws {
        try Self.withServer { _, k in
            _ = try k.run(["apply", "-f", "-"], stdin: Self.deployment)
            let table = try k.run(["get", "deployments"])
            #expect(table.stdout.hasPrefix("NAME   READY   UP-TO-DATE   AVAILABLE   AGE"))
            #expect(table.stdout.contains("web    0/2"))
            let wide = try k.run(["get", "deploy", "-o", "wide"])
            #expect(wide.stdout.contains("CONTAINERS    IMAGES"))
            #expect(wide.stdout.contains("web,sidecar"))
            let svc = try k.run(["get", "svc"])
            #expect(svc.stdout.hasPrefix("NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE"))
            let yaml = try k.run(["get", "configmap", "settings", "-o", "yaml"])
            #expect(yaml.stdout.contains("mode: one"))
            #expect(yaml.stdout.contains("resourceVersion: \""))
            let json = try k.run(["get", "cm", "settings", "-o", "json"])
            #expect(json.stdout.contains("\"uid\": \""))
            let path = try k.run(["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"])
            #expect(path.stdout == "2")
            let pods = try k.run(["get", "pods", "-A"])
            #expect(pods.status == 0)
            let ns = try k.run(["get", "ns"])
            #expect(ns.stdout.contains("kube-system       Active"))
        }
    }

    @Test func watchSeesAnUpdate() throws {
        try Self.withServer { server, k in
            _ = try k.run(["create", "-f", "-"], stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: watched}\ndata: {v: first}\n")
            let watch = try BackgroundCommand(["kubectl", "--kubeconfig", server.kubeconfig, "get", "cm", "watched", "-w",
                                               "-o", "jsonpath={.data.v}{\"\\n\"}"])
            defer { watch.stop() }
            #expect(watch.waitFor { $0.contains("first") })
            let patch = try k.run(["patch", "cm", "watched", "-p", "{\"data\":{\"v\":\"second\"}}"])
            #expect(patch.status == 0, "\(patch.stderr)")
            #expect(watch.waitFor { $0.contains("second") }, "watch output: \(watch.text)")
        }
    }

    @Test func describeLabelAnnotate() throws {
        try Self.withServer { _, k in
            _ = try k.run(["apply", "-f", "-"], stdin: Self.deployment)
            #expect(try k.run(["label", "cm", "settings", "tier=front"]).stdout.contains("configmap/settings labeled"))
            #expect(try k.run(["annotate", "cm", "settings", "owner=team-a"]).stdout.contains("configmap/settings annotated"))
            let got = try k.run(["get", "cm", "settings", "-o", "jsonpath={.metadata.labels.tier} {.metadata.annotations.owner}"])
            #expect(got.stdout == "front team-a")
            let describe = try k.run(["describe", "deployment", "web"])
            #expect(describe.status == 0, "\(describe.stderr)")
            #expect(describe.stdout.contains("Replicas:               2 desired"))
            #expect(describe.stdout.contains("nginx:1.27"))
        }
    }

    @Test func patchWithAllThreeTypes() throws {
        try Self.withServer { _, k in
            _ = try k.run(["apply", "-f", "-"], stdin: Self.deployment)
            let strategic = try k.run(["patch", "deploy", "web", "-p",
                                       #"{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}"#])
            #expect(strategic.status == 0, "\(strategic.stderr)")
            let images = try k.run(["get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[*].image}"])
            #expect(images.stdout == "nginx:1.28 busybox", "strategic merge keeps the other container")
            let merge = try k.run(["patch", "cm", "settings", "--type", "merge", "-p", #"{"data":{"extra":"x"}}"#])
            #expect(merge.status == 0, "\(merge.stderr)")
            let json = try k.run(["patch", "cm", "settings", "--type", "json", "-p", #"[{"op":"remove","path":"/data/mode"}]"#])
            #expect(json.status == 0, "\(json.stderr)")
            #expect(try k.run(["get", "cm", "settings", "-o", "jsonpath={.data}"]).stdout == #"{"extra":"x"}"#)
            let bad = try k.run(["patch", "cm", "settings", "--type", "json", "-p", #"[{"op":"replace","path":"/data/nope","value":"y"}]"#])
            #expect(bad.status != 0)
        }
    }

    @Test func replaceWithAStaleObjectConflicts() throws {
        try Self.withServer { _, k in
            _ = try k.run(["apply", "-f", "-"], stdin: Self.deployment)
            let stale = try k.run(["get", "cm", "settings", "-o", "yaml"]).stdout
            _ = try k.run(["label", "cm", "settings", "bump=1"])
            let replace = try k.run(["replace", "-f", "-"], stdin: stale)
            #expect(replace.status != 0)
            #expect(replace.stderr.contains("Conflict") || replace.stderr.contains("the object has been modified"), "\(replace.stderr)")
        }
    }

    @Test func scaleAndDeleteByNameLabelAndAll() throws {
        try Self.withServer { _, k in
            _ = try k.run(["apply", "-f", "-"], stdin: Self.deployment)
            #expect(try k.run(["scale", "deploy/web", "--replicas=5"]).stdout.contains("deployment.apps/web scaled"))
            #expect(try k.run(["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"]).stdout == "5")
            for name in ["a", "b", "c"] {
                _ = try k.run(["create", "configmap", "cm-\(name)", "--from-literal=k=v", "--validate=false", "-o", "name"])
            }
            _ = try k.run(["create", "-f", "-"], stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one, labels: {group: x}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: two, labels: {group: x}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: three}\n")
            #expect(try k.run(["delete", "deploy", "web"]).stdout.contains("deployment.apps \"web\" deleted"))
            let byLabel = try k.run(["delete", "cm", "-l", "group=x"])
            #expect(byLabel.stdout.contains("configmap \"one\" deleted"))
            #expect(byLabel.stdout.contains("configmap \"two\" deleted"))
            #expect(try k.run(["get", "cm", "three", "-o", "name"]).stdout.contains("configmap/three"))
            let all = try k.run(["delete", "cm", "--all"])
            #expect(all.status == 0, "\(all.stderr)")
            let left = try k.run(["get", "cm", "-o", "name"])
            #expect(left.stdout.isEmpty, "left: \(left.stdout)")
        }
    }

    @Test func invalidManifestNamesTheField() throws {
        try Self.withServer { _, k in
            let invalid = Self.deployment.replacingOccurrences(of: "image: nginx:1.27", with: "imagePullPolicy: Always")
            let missingImage = try k.run(["apply", "-f", "-"], stdin: invalid)
            #expect(missingImage.status != 0)
            #expect(missingImage.stderr.contains("spec.template.spec.containers[0].image: Required value"), "\(missingImage.stderr)")
            let typo = Self.deployment.replacingOccurrences(of: "replicas: 2", with: "replicass: 2")
            let unknown = try k.run(["apply", "-f", "-"], stdin: typo)
            #expect(unknown.status != 0)
            #expect(unknown.stderr.contains("unknown field \"spec.replicass\""), "\(unknown.stderr)")
            let wrongType = Self.deployment.replacingOccurrences(of: "replicas: 2", with: "replicas: three")
            let typed = try k.run(["apply", "-f", "-"], stdin: wrongType)
            #expect(typed.status != 0)
            #expect(typed.stderr.contains("replicas"), "\(typed.stderr)")
        }
    }

    @Test func unauthenticatedRequestsAreRefused() throws {
        try Self.withServer { server, _ in
            let kubeconfig = try String(contentsOfFile: server.kubeconfig, encoding: .utf8)
            let url = kubeconfig.split(separator: "\n").first { $0.contains("server:") }!
                .split(separator: " ").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }!
            let anonymous = Kubectl(connection: ["--server", url, "--insecure-skip-tls-verify", "--token", "not-a-token"])
            let denied = try anonymous.run(["get", "pods"])
            #expect(denied.status != 0)
            #expect(denied.stderr.contains("Unauthorized") || denied.stderr.contains("provide credentials"), "\(denied.stderr)")
            let version = try anonymous.run(["version"])
            #expect(version.stdout.contains("Server Version: v1.32.0+capstan"), "/version is open")
        }
    }
}
