import CapstanTestKit
import Client
import Dispatch
import Foundation
import Resources
import Testing

/// `kubectl rollout` against a real `capstan server` and its controllers, with hollow nodes
/// in this process that register through the server's HTTPS API and run every pod.
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

    static func images(_ client: HTTPClusterClient) async throws -> Set<String> {
        let pods = try await client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=web")).items
        let live = pods.filter { $0.metadata.deletionTimestamp == nil }
        let images: [String] = live.compactMap { pod in pod.spec?.containers.first?.image }
        return Set(images)
    }

    @Test func applyRolloutSetImageHistoryAndUndo() async throws {
        let server = try ServerProcess()
        let client = try HTTPClusterClient(kubeconfigPath: server.kubeconfig)
        let nodes = HollowNodes(count: 2, client: client)
        // The hollow nodes run on their own thread: the live suites that block the shared
        // pool while kubectl runs must not starve the nodes this rollout waits on.
        let tending = Task(executorPreference: QueueExecutor(label: "hollow-nodes")) { await nodes.run() }
        var failure: (any Error)?
        do { try await Self.rollOutAndBack(server.kubectl, client) } catch { failure = error }
        tending.cancel()
        _ = await tending.value
        await client.shutdown()
        #expect(server.stop() == 0, "capstan server exits 0 on SIGTERM")
        if let failure { throw failure }
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
