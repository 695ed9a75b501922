import ArgumentParser
import CapstanTestKit
import Client
import Controllers
import Foundation
import Logging
import Resources
import Synchronization

/// `capstan-bench controllers`: a large Deployment through the real API server — the time from
/// creating it to every pod Running and ready on hollow nodes, then a rolling update of it to a
/// new template — with the controllers' reconcile rates and queue depths, and per-pod startup
/// latency beside Kubernetes' pod-startup SLO.
///
/// It starts `capstan server --no-controllers` as a child process and runs the controller
/// manager and the hollow nodes in this process, over HTTPS with the admin kubeconfig, so that
/// the controllers' queues can be read while they work.
struct ControllerBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controllers",
        abstract: "A 1,000-replica Deployment on 100 hollow nodes: time to Running, a rolling update, reconcile rates and queue depths."
    )

    @Option(help: "The capstan binary to start as the server (default: beside this executable).")
    var capstanBinary: String?

    @Option(help: "Directory for the child server's data; a temporary folder is made and removed inside it.")
    var directory = "/var/tmp"

    @Option(help: "Replicas of the Deployment.")
    var replicas = 1000

    @Option(help: "Hollow nodes.")
    var nodes = 100

    @Option(help: "Seconds each phase may take before the run gives up.")
    var timeout = 600.0

    func run() async throws {
        let folder = directory + "/capstan-bench-controllers-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await CapstanServerProcess.start(
            binary: capstanBinary ?? CapstanServerProcess.defaultBinary, dataDirectory: folder + "/server",
            logFile: folder + "/server.log", extraArguments: ["--no-controllers"])
        defer { server.stop() }
        let client = try HTTPClusterClient(kubeconfigPath: folder + "/server/admin.kubeconfig", connections: 16)
        do {
            try await measure(client, server: server)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    private func measure(_ client: HTTPClusterClient, server: CapstanServerProcess) async throws {
        var logger = Logger(label: "capstan.bench")
        logger.logLevel = .warning
        let running = Mutex<[Controller]>([])
        let manager = ControllerManager(configuration: .init(identity: "bench"), client: client, logger: logger,
                                        onTerm: { controllers in running.withLock { $0 = controllers } })
        let hollow = HollowNodes(count: nodes, client: client, interval: .milliseconds(50), logger: logger)
        let tasks = [Task { await manager.run() }, Task { await hollow.run() }]
        defer { for task in tasks { task.cancel() } }
        Self.progress("server ready; \(nodes) hollow nodes, controllers in this process")

        let sampler = QueueSampler()
        let sampling = Task {
            while !Task.isCancelled {
                await sampler.sample(running.withLock { $0 })
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        defer { sampling.cancel() }
        _ = try await waitFor("hollow nodes registered", timeout: 60) {
            (try? await client.list(Node.self).items.count) == nodes && !running.withLock { $0 }.isEmpty
        }

        var figures: [(String, String)] = []
        let deployment = Fixtures.deployment("bench", replicas: Int32(replicas), image: "registry.local/bench:v1")
        await sampler.startPhase()
        let start = ContinuousClock.now
        _ = try await client.create(deployment)
        let created = try await waitFor("\(replicas) pods Running", timeout: timeout) {
            await Self.settled(client, replicas: replicas, image: "registry.local/bench:v1")
        }
        let createSeconds = (ContinuousClock.now - start).seconds
        Self.progress("all \(replicas) pods Running and ready in \(FigureFormat.number(createSeconds)) s")
        let startup = try await Self.startupLatencies(client)
        figures.append(("create → all \(replicas) pods Running, s", FigureFormat.number(createSeconds)))
        figures.append(("pod startup p50 s (created → Ready, 1 s resolution)", FigureFormat.number(startup.percentile(0.5))))
        figures.append(("pod startup p99 s (Kubernetes SLO: p99 ≤ 5 s)", FigureFormat.number(startup.percentile(0.99))))
        figures += await sampler.endPhase(label: "create", seconds: createSeconds)
        _ = created

        await sampler.startPhase()
        let rollStart = ContinuousClock.now
        let patch: JSONValue = ["spec": ["template": ["spec": ["containers": [["name": "main", "image": "registry.local/bench:v2"]]]]]]
        _ = try await client.patch(Deployment.self, name: "bench", namespace: "default", .strategic(patch))
        _ = try await waitFor("rolling update to v2", timeout: timeout) {
            await Self.settled(client, replicas: replicas, image: "registry.local/bench:v2")
        }
        let rollSeconds = (ContinuousClock.now - rollStart).seconds
        Self.progress("rolling update finished in \(FigureFormat.number(rollSeconds)) s")
        figures.append(("rolling update v1 → v2 (25% surge/unavailable), s", FigureFormat.number(rollSeconds)))
        figures += await sampler.endPhase(label: "rollout", seconds: rollSeconds)
        figures.append(("server RSS MiB at the end", FigureFormat.number(Double(try server.residentBytes()) / 1_048_576)))

        print("| figure | value |")
        print("|---|---:|")
        for (name, value) in figures { print("| \(name) | \(value) |") }
        print("")
        print("- Server: `capstan server --no-controllers` (child process, SQLite, HTTPS on loopback); the controller manager and")
        print("  \(nodes) hollow nodes (polling every 50 ms, binding round-robin, reporting pods Running and ready) run in the")
        print("  benchmark process over HTTPS with the admin kubeconfig. No scheduler: the hollow nodes bind pods themselves.")
        print("- Reference: Kubernetes' pod startup latency SLO (sig-scalability: p99 ≤ 5 s for stateless pods, image pulls")
        print("  excluded), a published figure, not measured here.")
        print("- Machine: \(MachineDescription.current().description)")
        print("- Command: `\(CommandLine.arguments.joined(separator: " "))`")
    }

    /// The Deployment settled on `image`: every replica updated, available and Running.
    static func settled(_ client: HTTPClusterClient, replicas: Int, image: String) async -> Bool {
        guard let deployment = try? await client.get(Deployment.self, name: "bench", namespace: "default"),
              let status = deployment.status, status.observedGeneration == deployment.metadata.generation,
              status.updatedReplicas == Int32(replicas), status.availableReplicas == Int32(replicas), status.replicas == Int32(replicas),
              let pods = try? await client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=bench")).items
        else { return false }
        let live = pods.filter { $0.metadata.deletionTimestamp == nil }
        return live.count == replicas && live.allSatisfy { $0.status?.phase == "Running" && $0.spec?.containers.first?.image == image }
    }

    /// Seconds from each pod's creation to its Ready condition.
    static func startupLatencies(_ client: HTTPClusterClient) async throws -> LatencySeconds {
        let pods = try await client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=bench")).items
        return LatencySeconds(pods.compactMap { pod in
            guard let created = pod.metadata.creationTimestamp?.date,
                  let ready = pod.status?.conditions.first(where: { $0.type == "Ready" && $0.status == "True" })?.lastTransitionTime?.date
            else { return nil }
            return ready.timeIntervalSince(created)
        })
    }

    func waitFor(_ what: String, timeout: Double, _ condition: () async -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw BenchError.timedOut(what)
    }

    static func progress(_ line: String) {
        FileHandle.standardError.write(Data("bench: controllers: \(line)\n".utf8))
    }
}

/// Sorted seconds, for percentiles.
struct LatencySeconds {
    let sorted: [Double]
    init(_ values: [Double]) { sorted = values.sorted() }
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}

/// Per-controller reconcile counts and the deepest queue seen, per phase.
actor QueueSampler {
    private var baseline: [String: Int] = [:]
    private var latest: [String: Int] = [:]
    private var deepest: [String: Int] = [:]

    func sample(_ controllers: [Controller]) async {
        for controller in controllers {
            let depth = await controller.queue.depth
            deepest[controller.name] = max(deepest[controller.name] ?? 0, depth)
            latest[controller.name] = controller.stats.reconcileCount
        }
    }

    func startPhase() {
        baseline = latest
        deepest = [:]
    }

    /// Reconciles per second and the deepest queue of each busy controller during the phase.
    func endPhase(label: String, seconds: Double) -> [(String, String)] {
        latest.keys.sorted().compactMap { name -> (String, String)? in
            let count = (latest[name] ?? 0) - (baseline[name] ?? 0)
            guard count > 0 else { return nil }
            return ("\(label): \(name) reconciles/s (total), deepest queue",
                    "\(FigureFormat.number(Double(count) / seconds)) (\(count)), \(deepest[name] ?? 0)")
        }
    }
}
