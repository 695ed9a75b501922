import APIServer
import ArgumentParser
import Client
import Foundation
import Logging
import Resources
import Scheduler
import SchedulingFramework
import Store
import Synchronization

/// `capstan-bench scheduler`: kube-scheduler's SchedulingBasic shapes end to end through the
/// API server's handlers and the SQLite store, as `capstan server` runs its scheduler (with
/// the in-process client): nodes as scheduler_perf makes them (4 cpu, 32Gi, 110 pods, no
/// agents behind them), pods already placed, then the measured pods, created by 16 writers
/// while no scheduler runs, then a scheduler starting cold places them all. It prints the
/// bindings per second (the average, and percentiles of 1-second windows), then paces more
/// pods at 100/s for the latency from each create request to the binding reaching a watch.
struct SchedulerBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "SchedulingBasic (500 nodes / 1,000 pods; 5,000 nodes / 10,000 pods with 1,000 placed) and an anti-affinity plus topology-spread workload."
    )

    @Option(help: "Directory for the store; a temporary folder is made and removed inside it.")
    var directory = "/var/tmp"

    @Option(help: "Workloads to run, comma-separated: basic-500, basic-5000, spread-500.")
    var workloads = "basic-500,basic-5000,spread-500"

    @Option(help: "Seconds a workload may take before the run gives up.")
    var timeout = 600.0

    struct Workload {
        var name: String
        var nodes: Int
        var initPods: Int
        var measuredPods: Int
        /// Pods with required anti-affinity per group on hostname and zone spread.
        var constrained = false
    }

    static let catalogue: [String: Workload] = [
        "basic-500": Workload(name: "SchedulingBasic 500 nodes / 1,000 pods (500 placed first)", nodes: 500, initPods: 500, measuredPods: 1000),
        "basic-5000": Workload(name: "SchedulingBasic 5,000 nodes / 10,000 pods (1,000 placed first)", nodes: 5000, initPods: 1000,
                               measuredPods: 10_000),
        "spread-500": Workload(name: "anti-affinity + zone spread, 500 nodes / 1,000 pods", nodes: 500, initPods: 0, measuredPods: 1000,
                               constrained: true),
    ]

    func run() async throws {
        var rows: [(String, String)] = []
        for key in workloads.split(separator: ",").map(String.init) {
            guard let workload = Self.catalogue[key] else { throw ValidationError("unknown workload \(key)") }
            let folder = directory + "/capstan-bench-scheduler-\(getpid())-\(UUID().uuidString.prefix(8))"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            rows += try await measure(workload, folder: folder)
        }
        print("| workload | figure | value | reference |")
        print("|---|---|---:|---|")
        for (name, value) in rows { print(value.isEmpty ? name : "\(name) | \(value)") }
        print("")
        print("- The scheduler runs as in `capstan server`: default profile, parallelism \(ProcessInfo.processInfo.activeProcessorCount),")
        print("  in-process client into the API server's handlers over a SQLite store; creates, watches and bindings all go")
        print("  through admission, validation and the store. The measured pods are created first (16 writers), then a")
        print("  scheduler starts cold and places them; latency is measured on 500 more pods created at 100/s.")
        print("- Reference: kube-scheduler's CI threshold for SchedulingBasic 5000Nodes_10000Pods (680 pods/s, scheduler_perf")
        print("  performance-config), a published figure; kube-scheduler does not run on this machine.")
        print("- Machine: \(MachineDescription.current().description)")
        print("- Command: `\(CommandLine.arguments.joined(separator: " "))`")
    }

    func measure(_ workload: Workload, folder: String) async throws -> [(String, String)] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var logger = Logger(label: "capstan.bench")
        logger.logLevel = .critical
        let store = try SQLiteClusterStore(path: folder + "/store.db")
        let (ready, readySink) = AsyncStream<Int>.makeStream()
        let server = APIServer(configuration: APIServerConfiguration(dataDirectory: folder, bindAddress: "127.0.0.1", port: 0, secure: false),
                               store: store, logger: logger, onReady: { port in readySink.yield(port) })
        // The server runs (its watch cache feeds the informers); the clients call its handlers.
        let serving = Task { try await server.run() }
        defer {
            serving.cancel()
            Task { await store.close() }
        }
        for await _ in ready { break }
        let client = server.inProcessClient()

        Self.progress("\(workload.name): creating \(workload.nodes) nodes")
        try await Self.createAll(workload.nodes, writers: 16) { index in
            _ = try await client.create(Self.node(index, zones: 5))
        }
        // Bindings are seen on a raw JSON watch, so that watching costs the scheduler as
        // little of the shared cores as possible.
        let bindings = BindingLog()
        let listed = try await client.list(Pod.resourceType, namespace: "default")
        let watching = Task { await Self.watchBindings(client, from: listed.metadata.resourceVersion ?? "0", into: bindings) }
        defer { watching.cancel() }
        func startScheduler() -> (Task<Void, Never>, TermBox) {
            let box = TermBox()
            let scheduler = Scheduler(configuration: .init(identity: "bench", leaderElection: false), client: client, logger: logger,
                                      onTerm: { new in box.term.withLock { $0 = new } })
            return (Task { await scheduler.run() }, box)
        }

        if workload.initPods > 0 {
            Self.progress("placing \(workload.initPods) pods first")
            let (first, _) = startScheduler()
            try await Self.createAll(workload.initPods, writers: 16) { index in
                _ = try await client.create(Self.pod("init-\(index)", constrained: false, index: index))
            }
            try await Self.waitFor("init pods bound", timeout: timeout) { bindings.count >= workload.initPods }
            first.cancel()
            await first.value
        }

        // Throughput: the measured pods wait, created while no scheduler runs (the API
        // server's create rate is its own benchmark); then a scheduler starts cold, lists
        // them, and places them all.
        Self.progress("creating \(workload.measuredPods) measured pods")
        let createStart = ContinuousClock.now
        try await Self.createAll(workload.measuredPods, writers: 16) { index in
            _ = try await client.create(Self.pod("pod-\(index)", constrained: workload.constrained, index: index))
        }
        let createSeconds = (ContinuousClock.now - createStart).seconds
        let before = bindings.count
        let start = ContinuousClock.now
        let (scheduling, term) = startScheduler()
        defer { scheduling.cancel() }
        try await Self.waitFor("measured pods bound", timeout: timeout) { bindings.count >= before + workload.measuredPods }
        let end = ContinuousClock.now
        let (first, last) = bindings.span(prefix: "pod-")
        let placing = (last - first).seconds
        let windows = LatencySeconds(bindings.windows(from: first, to: last, prefix: "pod-"))
        Self.progress("\(workload.measuredPods) pods bound in \(FigureFormat.number(placing)) s")

        // Latency: pods created at a steady 100/s while the scheduler runs.
        let paced = 500
        Self.progress("pacing \(paced) pods at 100/s")
        try await OpenLoopPacer(count: paced, rate: 100).run { index, _ in
            let name = "paced-\(index)"
            do {
                bindings.created(name)
                _ = try await client.create(Self.pod(name, constrained: workload.constrained, index: workload.measuredPods + index))
            } catch {
                Self.progress("paced create \(name) failed: \(error)")
            }
        }
        try await Self.waitFor("paced pods bound", timeout: timeout) { bindings.count >= before + workload.measuredPods + paced }
        let latencies = LatencySeconds(bindings.latencies)
        let stats = term.term.withLock { $0 }?.stats
        let reference = workload.nodes == 5000 ? "680 pods/s (kube-scheduler CI threshold); target ≥ 1,000" : ""
        return [
            ("| **\(workload.name)**", ""),
            ("| | pods/s, average (first → last binding)", "\(FigureFormat.number(Double(workload.measuredPods) / placing)) | \(reference)"),
            ("| | pods/s in 1-s windows: p50 / p90 / p99",
             "\(FigureFormat.number(windows.percentile(0.5))) / \(FigureFormat.number(windows.percentile(0.9))) / \(FigureFormat.number(windows.percentile(0.99))) | "),
            ("| | seconds from a cold scheduler start to the last binding", "\(FigureFormat.number((end - start).seconds)) | "),
            ("| | create → bound latency p50 / p99 ms, pods created at 100/s",
             "\(FigureFormat.number(latencies.percentile(0.5) * 1000)) / \(FigureFormat.number(latencies.percentile(0.99) * 1000)) | "),
            ("| | API creates/s of the waiting pods (16 writers, no scheduler)", "\(FigureFormat.number(Double(workload.measuredPods) / createSeconds)) | "),
            ("| | scheduling attempts / failures (measuring scheduler)", "\(stats?.attempts ?? 0) / \(stats?.failures ?? 0) | "),
        ]
    }

    /// Records each pod's first sighting with a node, resuming the watch where it ended.
    static func watchBindings(_ client: some ClusterClient, from version: String, into bindings: BindingLog) async {
        var version = version
        var seen: Set<String> = []
        while !Task.isCancelled {
            do {
                let events = try await client.watch(Pod.resourceType, namespace: "default",
                                                    options: ListOptions(resourceVersion: version, allowWatchBookmarks: true))
                for try await event in events {
                    if let next = event.resourceVersion { version = next }
                    guard event.type == .modified || event.type == .added, let pod = event.object,
                          let node = pod["spec"]?["nodeName"]?.stringValue, !node.isEmpty,
                          let name = pod["metadata"]?["name"]?.stringValue, seen.insert(name).inserted else { continue }
                    bindings.bound(name)
                }
            } catch {
                if Task.isCancelled { return }
                progress("binding watch ended (\(error)); resuming")
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// A node as scheduler_perf's node template: 4 cpu, 32Gi, 110 pods, Ready, in one of `zones`.
    static func node(_ index: Int, zones: Int) -> Node {
        var node = Node()
        let name = "node-\(index)"
        node.metadata.name = name
        node.metadata.labels = ["kubernetes.io/hostname": name, "topology.kubernetes.io/zone": "zone-\(index % zones)"]
        var status = NodeStatus()
        status.capacity = ["cpu": "4", "memory": "32Gi", "pods": "110"]
        status.allocatable = status.capacity
        var ready = NodeCondition()
        ready.type = "Ready"
        ready.status = "True"
        status.conditions = [ready]
        node.status = status
        return node
    }

    /// A pod as scheduler_perf's default pod (100m cpu, 500Mi); `constrained` adds required
    /// anti-affinity on hostname within groups of 10 and a zone spread with maxSkew 1.
    static func pod(_ name: String, constrained: Bool, index: Int) -> Pod {
        var pod = Pod()
        pod.metadata.name = name
        pod.metadata.namespace = "default"
        let group = "group-\(index / 10)"
        pod.metadata.labels = ["app": "bench", "group": group]
        var container = Container()
        container.name = "pause"
        container.image = "registry.local/pause:3.10"
        container.resources = ResourceRequirements(requests: ["cpu": "100m", "memory": "500Mi"])
        var spec = PodSpec()
        spec.containers = [container]
        if constrained {
            var term = PodAffinityTerm()
            term.labelSelector = LabelSelector(matchLabels: ["group": group])
            term.topologyKey = "kubernetes.io/hostname"
            spec.affinity = Affinity(podAntiAffinity: PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: [term]))
            var spread = TopologySpreadConstraint()
            spread.maxSkew = 1
            spread.topologyKey = "topology.kubernetes.io/zone"
            spread.whenUnsatisfiable = "DoNotSchedule"
            spread.labelSelector = LabelSelector(matchLabels: ["group": group])
            spec.topologySpreadConstraints = [spread]
        }
        pod.spec = spec
        return pod
    }

    /// Runs `body` for 0..<count across `writers` concurrent tasks.
    static func createAll(_ count: Int, writers: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let numbers = NameDispenser(limit: count)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<writers {
                group.addTask {
                    while let number = numbers.next() { try await body(number - 1) }
                }
            }
            try await group.waitForAll()
        }
    }

    static func waitFor(_ what: String, timeout: Double, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw BenchError.timedOut(what) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func progress(_ line: String) {
        FileHandle.standardError.write(Data("bench: scheduler: \(line)\n".utf8))
    }
}

/// When each paced pod's create was sent and when each binding was seen.
final class BindingLog: Sendable {
    private struct State {
        var created: [String: ContinuousClock.Instant] = [:]
        var bound: [(name: String, at: ContinuousClock.Instant)] = []
    }

    private let state = Mutex(State())

    func created(_ name: String) { state.withLock { $0.created[name] = .now } }
    func bound(_ name: String) { state.withLock { $0.bound.append((name, .now)) } }
    var count: Int { state.withLock { $0.bound.count } }

    /// Seconds from create request to binding, for the paced pods.
    var latencies: [Double] {
        state.withLock { state in
            state.bound.compactMap { entry in state.created[entry.name].map { max(0, (entry.at - $0).seconds) } }
        }
    }

    /// When the first and the last binding of pods named with `prefix` were seen.
    func span(prefix: String) -> (ContinuousClock.Instant, ContinuousClock.Instant) {
        state.withLock { state in
            let times = state.bound.filter { $0.name.hasPrefix(prefix) }.map(\.at)
            return (times.min() ?? .now, times.max() ?? .now)
        }
    }

    /// Bindings of pods named with `prefix` in each second from `start` (the last partial
    /// second left out unless it is the only one).
    func windows(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant, prefix: String) -> [Double] {
        let seconds = max(1, Int((end - start).seconds))
        var counts = [Double](repeating: 0, count: seconds)
        state.withLock { state in
            for entry in state.bound where entry.at >= start && entry.name.hasPrefix(prefix) {
                let slot = Int((entry.at - start).seconds)
                if slot < seconds { counts[slot] += 1 }
            }
        }
        return counts
    }
}

/// The scheduler term a benchmark phase ran, once it is built.
final class TermBox: Sendable {
    let term = Mutex<SchedulerTerm?>(nil)
}
