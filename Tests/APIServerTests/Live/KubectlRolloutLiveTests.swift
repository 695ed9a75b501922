import CapstanTestKit
import Client
import Dispatch
import Foundation
import Resources
import Testing

/// `kubectl rollout` against a real `capstan server` with its controllers and scheduler, with
/// hollow nodes in this process that register through the server's HTTPS API and run every pod
/// bound to them.
@Suite(.serialized, .timeLimit(.minutes(4))) struct KubectlRolloutLiveTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations: {kubernetes.io/change-cause: first release}
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: web
                image: registry.local/web:v1
        """

    /// Runs kubectl off the concurrency pool, so the hollow nodes keep running meanwhile.
    static func kubectl(_ kubectl: Kubectl, _ arguments: [String], stdin: String? = nil) async throws -> Kubectl.Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try kubectl.run(arguments, stdin: stdin, timeout: .seconds(90)) })
            }
        }
    }

    static func images(_ client: HTTPClusterClient, app: String = "web") async throws -> Set<String> {
        let pods = try await client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=\(app)")).items
        let live = pods.filter { $0.metadata.deletionTimestamp == nil }
        let images: [String] = live.compactMap { pod in pod.spec?.containers.first?.image }
        return Set(images)
    }

    /// Runs `body` against a fresh server with two hollow nodes.
    static func withCluster(_ body: (Kubectl, HTTPClusterClient) async throws -> Void) async throws {
        let server = try ServerProcess()
        let client = try HTTPClusterClient(kubeconfigPath: server.kubeconfig)
        // The server's scheduler binds; the hollow nodes only run what is bound to them.
        let nodes = HollowNodes(count: 2, client: client, bindsPods: false)
        // The hollow nodes run on their own thread: the live suites that block the shared
        // pool while kubectl runs must not starve the nodes this rollout waits on.
        let tending = Task(executorPreference: QueueExecutor(label: "hollow-nodes")) { await nodes.run() }
        var failure: (any Error)?
        do { try await body(server.kubectl, client) } catch { failure = error }
        tending.cancel()
        _ = await tending.value
        await client.shutdown()
        #expect(server.stop() == 0, "capstan server exits 0 on SIGTERM")
        if let failure { throw failure }
    }

    @Test func applyRolloutSetImageHistoryAndUndo() async throws {
        try await Self.withCluster { k, client in try await Self.rollOutAndBack(k, client) }
    }

    @Test func pauseResumeAndRestartADeployment() async throws {
        try await Self.withCluster { k, client in
            let applied = try await Self.kubectl(k, ["apply", "-f", "-"], stdin: Self.deployment)
            #expect(applied.status == 0, "\(applied.stderr)")
            var status = try await Self.kubectl(k, ["rollout", "status", "deployment/web", "--timeout=60s"])
            #expect(status.status == 0, "\(status.stderr)")

            let pause = try await Self.kubectl(k, ["rollout", "pause", "deployment/web"])
            #expect(pause.status == 0 && pause.stdout.contains("paused"), "\(pause.stdout)\(pause.stderr)")
            _ = try await Self.kubectl(k, ["set", "image", "deployment/web", "web=registry.local/web:v2"])
            try await Task.sleep(for: .seconds(2))
            #expect(try await Self.images(client) == ["registry.local/web:v1"], "a paused deployment does not roll out")
            let resume = try await Self.kubectl(k, ["rollout", "resume", "deployment/web"])
            #expect(resume.status == 0 && resume.stdout.contains("resumed"), "\(resume.stdout)\(resume.stderr)")
            status = try await Self.kubectl(k, ["rollout", "status", "deployment/web", "--timeout=60s"])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(try await Self.images(client) == ["registry.local/web:v2"])

            let before = Set(try await client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=web")).items
                .compactMap(\.metadata.uid))
            let restart = try await Self.kubectl(k, ["rollout", "restart", "deployment/web"])
            #expect(restart.status == 0 && restart.stdout.contains("restarted"), "\(restart.stdout)\(restart.stderr)")
            status = try await Self.kubectl(k, ["rollout", "status", "deployment/web", "--timeout=60s"])
            #expect(status.status == 0, "\(status.stderr)")
            let after = try await client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=web")).items
                .filter { $0.metadata.deletionTimestamp == nil }
            #expect(after.count == 3)
            #expect(after.allSatisfy { !before.contains($0.metadata.uid ?? "") }, "a restart replaces every pod")
        }
    }

    static let statefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 2
          serviceName: db
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: db
                image: registry.local/db:v1
        """

    static let daemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector:
            matchLabels: {app: agent}
          template:
            metadata:
              labels: {app: agent}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: agent
                image: registry.local/agent:v1
        """

    @Test func statefulSetAndDaemonSetRollOutAndBack() async throws {
        try await Self.withCluster { k, client in
            for (resource, manifest, app) in [("statefulset/db", Self.statefulSet, "db"), ("daemonset/agent", Self.daemonSet, "agent")] {
                let applied = try await Self.kubectl(k, ["apply", "-f", "-"], stdin: manifest)
                #expect(applied.status == 0, "\(applied.stderr)")
                var status = try await Self.kubectl(k, ["rollout", "status", resource, "--timeout=60s"])
                #expect(status.status == 0, "\(resource): \(status.stdout)\(status.stderr)")
                #expect(try await Self.images(client, app: app) == ["registry.local/\(app):v1"])

                let set = try await Self.kubectl(k, ["set", "image", resource, "\(app)=registry.local/\(app):v2"])
                #expect(set.status == 0, "\(set.stderr)")
                status = try await Self.kubectl(k, ["rollout", "status", resource, "--timeout=60s"])
                #expect(status.status == 0, "\(resource): \(status.stdout)\(status.stderr)")
                #expect(try await Self.images(client, app: app) == ["registry.local/\(app):v2"])

                let history = try await Self.kubectl(k, ["rollout", "history", resource])
                #expect(history.status == 0, "\(history.stderr)")
                let revisions = history.stdout.split(separator: "\n").compactMap { line in line.split(separator: " ").first.flatMap { Int($0) } }
                #expect(revisions == [1, 2], "\(resource): \(history.stdout)")

                let undo = try await Self.kubectl(k, ["rollout", "undo", resource])
                #expect(undo.status == 0 && undo.stdout.contains("rolled back"), "\(resource): \(undo.stdout)\(undo.stderr)")
                status = try await Self.kubectl(k, ["rollout", "status", resource, "--timeout=60s"])
                #expect(status.status == 0, "\(resource): \(status.stdout)\(status.stderr)")
                #expect(try await Self.images(client, app: app) == ["registry.local/\(app):v1"])
                let after = try await Self.kubectl(k, ["rollout", "history", resource])
                let revisionsAfter = after.stdout.split(separator: "\n").compactMap { line in line.split(separator: " ").first.flatMap { Int($0) } }
                #expect(revisionsAfter == [2, 3], "\(resource): undo makes v1 revision 3: \(after.stdout)")
            }
        }
    }

    static func rollOutAndBack(_ k: Kubectl, _ client: HTTPClusterClient) async throws {

        let applied = try await Self.kubectl(k, ["apply", "-f", "-"], stdin: Self.deployment)
        #expect(applied.status == 0, "\(applied.stderr)")
        var status = try await Self.kubectl(k, ["rollout", "status", "deployment/web", "--timeout=60s"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("deployment \"web\" successfully rolled out"), "\(status.stdout)")
        #expect(try await Self.images(client) == ["registry.local/web:v1"])

        let set = try await Self.kubectl(k, ["set", "image", "deployment/web", "web=registry.local/web:v2"])
        #expect(set.status == 0, "\(set.stderr)")
        status = try await Self.kubectl(k, ["rollout", "status", "deployment/web", "--timeout=60s"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try await Self.images(client) == ["registry.local/web:v2"])

        let history = try await Self.kubectl(k, ["rollout", "history", "deployment/web"])
        #expect(history.status == 0, "\(history.stderr)")
        let revisions = history.stdout.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.flatMap { Int($0) }
        }
        #expect(revisions == [1, 2], "\(history.stdout)")
        #expect(history.stdout.contains("first release"), "\(history.stdout)")

        let undo = try await Self.kubectl(k, ["rollout", "undo", "deployment/web"])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.contains("rolled back"), "\(undo.stdout)")
        status = try await Self.kubectl(k, ["rollout", "status", "deployment/web", "--timeout=60s"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try await Self.images(client) == ["registry.local/web:v1"])
        let after = try await Self.kubectl(k, ["rollout", "history", "deployment/web"])
        let revisionsAfter = after.stdout.split(separator: "\n").compactMap { line in line.split(separator: " ").first.flatMap { Int($0) } }
        #expect(revisionsAfter == [2, 3], "undo makes v1 revision 3: \(after.stdout)")
    }
}

/// A task executor on a dispatch queue of its own, outside the shared cooperative pool.
final class QueueExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(label: String) { queue = DispatchQueue(label: label) }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
