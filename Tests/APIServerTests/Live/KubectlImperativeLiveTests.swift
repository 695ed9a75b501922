import Foundation
import Testing

/// `kubectl create <kind>` sends protobuf bodies. Each imperative subcommand, through the
/// version dispatcher on PATH and through the 1.32 build pinned, creates its object with the
/// fields it set.
@Suite(.serialized) struct KubectlImperativeLiveTests {
    /// The kubectl build this project targets, beside the dispatcher (`kubectl.1.32`).
    static var pinned: Kubectl.Executable {
        get throws { try Kubectl.Executable.pinned(minor: 32) }
    }

    @Test(arguments: ["dispatcher", "pinned 1.32"])
    func imperativeCreatesSendProtobufAndCreateWhatTheySet(_ which: String) throws {
        let server = try ServerProcess()
        defer { _ = server.stop() }
        var k = server.kubectl
        if which != "dispatcher" { k.executable = try Self.pinned.path }
        let version = try k.run(["version", "--client", "-o", "json"])
        #expect(version.status == 0)
        if which != "dispatcher" { #expect(version.stdout.contains("\"minor\": \"32\""), "\(version.stdout)") }

        func create(_ arguments: [String], _ expected: String) throws {
            let result = try k.run(["create"] + arguments)
            #expect(result.status == 0 && result.stdout.contains(expected), "kubectl create \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)")
        }
        func get(_ arguments: [String], _ jsonPath: String) throws -> String {
            try k.run(["get"] + arguments + ["-o", "jsonpath=\(jsonPath)"]).stdout
        }

        try create(["namespace", "shop"], "namespace/shop created")
        #expect(try get(["namespace", "shop"], "{.status.phase}") == "Active")

        try create(["deployment", "web", "-n", "shop", "--image=busybox:1.36", "--replicas=3", "--port=8080", "--", "httpd", "-f"],
                   "deployment.apps/web created")
        #expect(try get(["deploy", "web", "-n", "shop"], "{.spec.replicas} {.spec.selector.matchLabels.app} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort} {.spec.template.spec.containers[0].command}")
                == "3 web busybox:1.36 8080 [\"httpd\",\"-f\"]")
        let yaml = try k.run(["get", "deploy", "web", "-n", "shop", "-o", "yaml"]).stdout
        #expect(yaml.contains("replicas: 3") && yaml.contains("image: busybox:1.36"), "-o yaml shows the fields set: \(yaml)")
        #expect(yaml.contains("strategy:") && yaml.contains("type: RollingUpdate"), "and the server's defaults")

        try create(["deployment", "idle", "-n", "shop", "--image=busybox", "--replicas=0"], "deployment.apps/idle created")
        #expect(try get(["deploy", "idle", "-n", "shop"], "{.spec.replicas}") == "0", "an explicit zero is kept")

        try create(["configmap", "page", "-n", "shop", "--from-literal=index.html=<h1>hi</h1>", "--from-literal=mode=prod"],
                   "configmap/page created")
        #expect(try get(["cm", "page", "-n", "shop"], "{.data.mode} {.data.index\\.html}") == "prod <h1>hi</h1>")

        try create(["secret", "generic", "creds", "-n", "shop", "--from-literal=password=s3cr3t"], "secret/creds created")
        let password = try get(["secret", "creds", "-n", "shop"], "{.data.password} {.type}")
        #expect(password == "\(Data("s3cr3t".utf8).base64EncodedString()) Opaque", "bytes travel as bytes")

        try create(["job", "once", "-n", "shop", "--image=busybox", "--", "echo", "hi"], "job.batch/once created")
        #expect(try get(["job", "once", "-n", "shop"], "{.spec.template.spec.restartPolicy} {.spec.template.spec.containers[0].command}")
                == "Never [\"echo\",\"hi\"]")

        try create(["cronjob", "tick", "-n", "shop", "--image=busybox", "--schedule=*/5 * * * *", "--", "date"], "cronjob.batch/tick created")
        #expect(try get(["cronjob", "tick", "-n", "shop"], "{.spec.schedule} {.spec.jobTemplate.spec.template.spec.restartPolicy}")
                == "*/5 * * * * OnFailure")
        try create(["job", "manual", "-n", "shop", "--from=cronjob/tick"], "job.batch/manual created")
        #expect(try get(["job", "manual", "-n", "shop"], "{.metadata.ownerReferences[0].kind}") == "CronJob")

        try create(["service", "clusterip", "web", "-n", "shop", "--tcp=80:8080"], "service/web created")
        #expect(try get(["svc", "web", "-n", "shop"], "{.spec.type} {.spec.ports[0].port} {.spec.ports[0].targetPort} {.spec.selector.app}")
                == "ClusterIP 80 8080 web", "IntOrString targetPort")
        try create(["service", "nodeport", "edge", "-n", "shop", "--tcp=80:8080", "--node-port=30080"], "service/edge created")
        #expect(try get(["svc", "edge", "-n", "shop"], "{.spec.type} {.spec.ports[0].nodePort}") == "NodePort 30080")

        try create(["serviceaccount", "bot", "-n", "shop"], "serviceaccount/bot created")
        #expect(try get(["sa", "bot", "-n", "shop"], "{.metadata.namespace}") == "shop")

        try create(["priorityclass", "high", "--value=1000", "--description=for the front", "--preemption-policy=Never"],
                   "priorityclass.scheduling.k8s.io/high created")
        #expect(try get(["pc", "high"], "{.value} {.description} {.preemptionPolicy}") == "1000 for the front Never")
        try create(["priorityclass", "floor", "--value=0"], "priorityclass.scheduling.k8s.io/floor created")
        #expect(try get(["pc", "floor"], "{.value}") == "0")

        let refused = try k.run(["create", "deployment", "bad", "-n", "shop", "--image="])
        #expect(refused.status != 0, "kubectl's own validation or the server's refuses an empty image")
    }
}

extension Kubectl {
    /// A kubectl binary by path.
    struct Executable {
        var path: String

        /// `kubectl.1.MINOR` beside the kubectl on PATH (the dispatcher runs these builds).
        static func pinned(minor: Int) throws -> Executable {
            let search = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            for directory in search {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("kubectl")
                guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
                let resolved = candidate.resolvingSymlinksInPath().deletingLastPathComponent()
                let pinned = resolved.appendingPathComponent("kubectl.1.\(minor)").path
                if FileManager.default.isExecutableFile(atPath: pinned) { return Executable(path: pinned) }
            }
            throw PinnedNotFound(minor: minor)
        }
    }

    struct PinnedNotFound: Error, CustomStringConvertible {
        var minor: Int
        var description: String { "no kubectl.1.\(minor) beside the kubectl on PATH" }
    }
}

/// `kubectl create token`: a service-account token that authenticates as the account for as
/// long as the account (and the object it is bound to) exists.
@Suite(.serialized) struct KubectlTokenLiveTests {
    @Test func aCreatedTokenAuthenticatesUntilItsAccountOrBoundPodIsGone() throws {
        let server = try ServerProcess()
        defer { _ = server.stop() }
        let k = server.kubectl
        #expect(try k.run(["create", "serviceaccount", "bot"]).status == 0)
        let created = try k.run(["create", "token", "bot", "--duration=1h"])
        #expect(created.status == 0, "\(created.stderr)")
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.split(separator: ".").count == 3, "a JWT: \(token)")

        // The admin kubeconfig's client certificate would win over the token: the bot talks to
        // the server with the CA alone.
        let kubeconfig = try String(contentsOfFile: server.kubeconfig, encoding: .utf8)
        let url = kubeconfig.split(separator: "\n").first { $0.contains("server:") }!
            .split(separator: " ").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }!
        let bot = Kubectl(connection: ["--server", url, "--certificate-authority", server.dataDirectory.appendingPathComponent("pki/ca.crt").path])
        let listed = try bot.run(["--token", token, "get", "serviceaccounts"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("bot"))

        let short = try k.run(["create", "token", "bot", "--duration=5m"])
        #expect(short.status != 0)
        #expect(short.stderr.contains("may not specify a duration less than 10 minutes"), "\(short.stderr)")
        let nobody = try k.run(["create", "token", "nobody"])
        #expect(nobody.stderr.contains("serviceaccounts \"nobody\" not found"), "\(nobody.stderr)")

        #expect(try k.run(["run", "p", "--image=busybox"]).status == 0)
        let boundToken = try k.run(["create", "token", "bot", "--bound-object-kind=Pod", "--bound-object-name=p"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try bot.run(["--token", boundToken, "get", "pods"]).status == 0)
        #expect(try k.run(["delete", "pod", "p", "--grace-period=0", "--force"]).status == 0)
        let afterPod = try bot.run(["--token", boundToken, "get", "pods"])
        #expect(afterPod.status != 0 && afterPod.stderr.contains("Unauthorized"), "a token bound to a deleted pod stops working: \(afterPod.stderr)")

        #expect(try k.run(["delete", "serviceaccount", "bot"]).status == 0)
        let afterAccount = try bot.run(["--token", token, "get", "pods"])
        #expect(afterAccount.status != 0 && afterAccount.stderr.contains("Unauthorized"), "\(afterAccount.stderr)")
    }
}
