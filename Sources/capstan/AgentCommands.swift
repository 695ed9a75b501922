import ArgumentParser
import Client
import Foundation
import Logging
import NodeAgent
import Resources

/// How an agent reaches the API server: a kubeconfig, or a URL with the cluster CA and a
/// token file (from `DIR/pki/` of the server).
struct ServerConnection: ParsableArguments {
    @Option(help: "A kubeconfig to connect with (instead of --server, --ca-file and --token-file).")
    var kubeconfig: String?

    @Option(help: "The API server's URL, e.g. https://127.0.0.1:6443.")
    var server: String?

    @Option(help: "The cluster CA certificate (PEM) the server's certificate is checked against.")
    var caFile: String?

    @Option(help: "A file holding the bearer token to authenticate with.")
    var tokenFile: String?

    func client(connections: Int) throws -> HTTPClusterClient {
        if let kubeconfig { return try HTTPClusterClient(kubeconfigPath: kubeconfig, connections: connections) }
        guard let server, let caFile, let tokenFile else {
            throw ValidationError("give --kubeconfig, or --server with --ca-file and --token-file")
        }
        let text = """
            apiVersion: v1
            kind: Config
            clusters: [{name: capstan, cluster: {server: "\(server)", certificate-authority: "\(caFile)"}}]
            users: [{name: agent, user: {tokenFile: "\(tokenFile)"}}]
            contexts: [{name: agent, context: {cluster: capstan, user: agent}}]
            current-context: agent
            """
        return try HTTPClusterClient(kubeconfig: Client.Kubeconfig(yaml: text), connections: connections)
    }
}

/// What a node offers, from flags.
struct NodeShape: ParsableArguments {
    @Option(help: "CPU capacity (default: this host's).")
    var cpu: String?

    @Option(help: "Memory capacity (default: this host's).")
    var memory: String?

    @Option(help: "Pod capacity.")
    var pods = "110"

    @Option(name: .customLong("label"), help: "A node label KEY=VALUE (repeatable).")
    var labels: [String] = []

    @Option(name: .customLong("taint"), help: "A node taint KEY[=VALUE]:EFFECT (repeatable).")
    var taints: [String] = []

    @Option(help: "Seconds between Lease renewals.")
    var heartbeatSeconds = 10

    func capacity() -> [String: Quantity] {
        var capacity = NodeAgentConfiguration.hostCapacity()
        if let cpu { capacity["cpu"] = Quantity(cpu) }
        if let memory { capacity["memory"] = Quantity(memory) }
        capacity["pods"] = Quantity(pods)
        return capacity
    }

    func parsedLabels() throws -> [String: String] {
        var parsed: [String: String] = [:]
        for label in labels {
            let parts = label.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--label \(label): want KEY=VALUE") }
            parsed[parts[0]] = parts[1]
        }
        return parsed
    }

    func parsedTaints() throws -> [Taint] {
        try taints.map { text in
            let sides = text.split(separator: ":", maxSplits: 1).map(String.init)
            let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
            guard sides.count == 2, effects.contains(sides[1]) else {
                throw ValidationError("--taint \(text): want KEY[=VALUE]:EFFECT with EFFECT one of \(effects.joined(separator: ", "))")
            }
            let pair = sides[0].split(separator: "=", maxSplits: 1).map(String.init)
            return Taint(key: pair[0], value: pair.count == 2 ? pair[1] : nil, effect: sides[1])
        }
    }
}

/// `capstan agent`: a node agent joining a cluster.
struct Agent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join a cluster as a node: register, heartbeat, and run the pods bound to this node.")

    @OptionGroup var connection: ServerConnection
    @OptionGroup var shape: NodeShape

    @Option(help: "The node's name (default: this host's name).")
    var nodeName: String = ProcessInfo.processInfo.hostName.lowercased()

    @Option(help: "The address the node reports as its InternalIP.")
    var internalIP = "127.0.0.1"

    @Option(help: "What runs the pods: `hollow` runs nothing (for simulation); `cri` is containerd, not built yet.")
    var runtime = "hollow"

    func run() async throws {
        guard runtime == "hollow" else {
            throw ValidationError("--runtime \(runtime): only the hollow runtime exists so far; the CRI runtime on containerd is not built yet")
        }
        let client = try connection.client(connections: 4)
        let configuration = NodeAgentConfiguration(
            nodeName: nodeName, capacity: shape.capacity(), labels: try shape.parsedLabels(), taints: try shape.parsedTaints(),
            internalIP: internalIP, heartbeatInterval: .seconds(shape.heartbeatSeconds))
        let logger = Logger(label: "capstan.agent")
        let agent = NodeAgent(configuration: configuration, client: client, runtime: HollowRuntime(), logger: logger)
        let pods = Informer<Pod>(client: client, fieldSelector: "spec.nodeName=\(nodeName)", logger: logger)
        pods.addHandler { agent.podChanged($0) }
        await runUntilSignalled {
            await withDiscardingTaskGroup { group in
                group.addTask { await pods.run() }
                group.addTask { await agent.run() }
            }
        }
        await client.shutdown()
    }
}

/// `capstan simulate`: many hollow nodes in one process, for measuring the control plane.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run N hollow node agents in this process against a cluster (they register, heartbeat and report pods Running).")

    @OptionGroup var connection: ServerConnection
    @OptionGroup var shape: NodeShape

    @Option(help: "How many nodes.")
    var nodes = 100

    @Option(help: "Node name prefix; nodes are PREFIX-0 … PREFIX-(N-1).")
    var prefix = "hollow-node"

    @Option(help: "Spread the nodes over this many zones (topology.kubernetes.io/zone=zone-K); 0 for none.")
    var zones = 0

    func run() async throws {
        guard nodes > 0 else { throw ValidationError("--nodes must be at least 1") }
        let client = try connection.client(connections: 16)
        let logger = Logger(label: "capstan.simulate")
        var labels = try shape.parsedLabels()
        let taints = try shape.parsedTaints()
        let capacity = shape.capacity()
        var agents: [String: NodeAgent] = [:]
        for index in 0..<nodes {
            let name = "\(prefix)-\(index)"
            if zones > 0 { labels["topology.kubernetes.io/zone"] = "zone-\(index % zones)" }
            // Fallback blocks for when the control plane assigns none; hollow pods carry no traffic.
            let cidr = "10.\(42 + index / 256).\(index % 256).0/24"
            let configuration = NodeAgentConfiguration(
                nodeName: name, capacity: capacity, labels: labels, taints: taints, internalIP: "127.0.1.\(index % 250 + 1)",
                fallbackPodCIDR: cidr, heartbeatInterval: .seconds(shape.heartbeatSeconds))
            agents[name] = NodeAgent(configuration: configuration, client: client, runtime: HollowRuntime(), logger: logger)
        }
        // One pod informer for all of them, each event handed to the agent of its node.
        let routed = agents
        let pods = Informer<Pod>(client: client, logger: logger)
        pods.addHandler { event in routed[event.object.spec?.nodeName ?? ""]?.podChanged(event) }
        FileHandle.standardError.write(Data("capstan simulate: \(nodes) hollow nodes\n".utf8))
        await runUntilSignalled {
            await withDiscardingTaskGroup { group in
                group.addTask { await pods.run() }
                for agent in routed.values { group.addTask { await agent.run() } }
            }
        }
        await client.shutdown()
    }
}

/// Runs `body` until SIGINT or SIGTERM, then cancels it and waits for it to end.
func runUntilSignalled(_ body: @escaping @Sendable () async -> Void) async {
    let task = Task { await body() }
    let signals = AsyncStream<Int32> { continuation in
        nonisolated(unsafe) let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        continuation.onTermination = { _ in sources.forEach { $0.cancel() } }
    }
    await withTaskGroup(of: Void.self) { group in
        group.addTask { await task.value }
        group.addTask {
            for await _ in signals { break }
            task.cancel()
        }
        await group.next()
        group.cancelAll()
    }
    await task.value
}
