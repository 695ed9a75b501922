import Client
import Foundation
import Logging
import NodeAgent
import Resources
import ServiceLifecycle

/// The agent role: one node agent joining a cluster (`capstan agent`), or many hollow ones
/// in one process (`capstan simulate`), sharing one connection and one pod informer.
public struct AgentRole: Sendable {
    /// How the agents reach the API server: a kubeconfig, or a URL with the cluster CA and a
    /// token file.
    public enum Connection: Sendable {
        case kubeconfig(String)
        case token(server: String, caFile: String, tokenFile: String)
    }

    /// The node shape as given on the command line.
    public struct Shape: Sendable {
        public var cpu: String?
        public var memory: String?
        public var pods: String
        /// `KEY=VALUE` each.
        public var labels: [String]
        /// `KEY[=VALUE]:EFFECT` each.
        public var taints: [String]
        public var heartbeat: Duration

        public init(cpu: String? = nil, memory: String? = nil, pods: String = "110", labels: [String] = [], taints: [String] = [],
                    heartbeat: Duration = .seconds(10)) {
            self.cpu = cpu
            self.memory = memory
            self.pods = pods
            self.labels = labels
            self.taints = taints
            self.heartbeat = heartbeat
        }
    }

    public enum Problem: Error, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self { case .invalid(let message): message }
        }
    }

    public let connection: Connection
    public let nodes: [NodeAgentConfiguration]
    private let logger: Logger

    /// One agent named `nodeName`, on the hollow runtime (the only one built so far).
    public static func single(connection: Connection, nodeName: String, internalIP: String, runtime: String, shape: Shape,
                              logger: Logger = Logger(label: "capstan.agent")) throws -> AgentRole {
        guard runtime == "hollow" else {
            throw Problem.invalid("--runtime \(runtime): only the hollow runtime exists so far; the CRI runtime on containerd is not built yet")
        }
        let node = NodeAgentConfiguration(
            nodeName: nodeName, capacity: try capacity(shape), labels: try labels(shape), taints: try taints(shape),
            internalIP: internalIP, heartbeatInterval: shape.heartbeat)
        return AgentRole(connection: connection, nodes: [node], logger: logger)
    }

    /// `count` hollow agents named `PREFIX-0` …, spread over `zones` zones when above 0. Each
    /// gets a fallback podCIDR of its own for when the control plane assigns none (hollow pods
    /// carry no traffic).
    public static func simulated(connection: Connection, count: Int, prefix: String, zones: Int, shape: Shape,
                                 logger: Logger = Logger(label: "capstan.simulate")) throws -> AgentRole {
        guard count > 0 else { throw Problem.invalid("--nodes must be at least 1") }
        let capacity = try capacity(shape), labels = try labels(shape), taints = try taints(shape)
        let nodes = (0..<count).map { index in
            var nodeLabels = labels
            if zones > 0 { nodeLabels["topology.kubernetes.io/zone"] = "zone-\(index % zones)" }
            return NodeAgentConfiguration(
                nodeName: "\(prefix)-\(index)", capacity: capacity, labels: nodeLabels, taints: taints,
                internalIP: "127.0.1.\(index % 250 + 1)", fallbackPodCIDR: "10.\(42 + index / 256).\(index % 256).0/24",
                heartbeatInterval: shape.heartbeat)
        }
        return AgentRole(connection: connection, nodes: nodes, logger: logger)
    }

    /// Runs the agents until SIGTERM or SIGINT.
    public func run() async throws {
        let client = try makeClient()
        let agents = nodes.map { NodeAgent(configuration: $0, client: client, runtime: HollowRuntime(), logger: logger) }
        var byNode: [String: NodeAgent] = [:]
        for agent in agents { byNode[agent.configuration.nodeName] = agent }
        let routed = byNode
        // One agent watches its own pods; many share one watch of every pod.
        let pods = Informer<Pod>(client: client, fieldSelector: nodes.count == 1 ? "spec.nodeName=\(nodes[0].nodeName)" : nil,
                                 logger: logger)
        pods.addHandler { event in routed[event.object.spec?.nodeName ?? ""]?.podChanged(event) }
        logger.info("node agents starting", metadata: ["nodes": "\(nodes.count)"])
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: AgentsService(agents: agents, pods: pods))],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    private func makeClient() throws -> HTTPClusterClient {
        let connections = nodes.count == 1 ? 4 : 16
        switch connection {
        case .kubeconfig(let path):
            return try HTTPClusterClient(kubeconfigPath: path, connections: connections)
        case .token(let server, let caFile, let tokenFile):
            let text = """
                apiVersion: v1
                kind: Config
                clusters: [{name: capstan, cluster: {server: "\(server)", certificate-authority: "\(caFile)"}}]
                users: [{name: agent, user: {tokenFile: "\(tokenFile)"}}]
                contexts: [{name: agent, context: {cluster: capstan, user: agent}}]
                current-context: agent
                """
            return try HTTPClusterClient(kubeconfig: Kubeconfig(yaml: text), connections: connections)
        }
    }

    static func capacity(_ shape: Shape) throws -> [String: Quantity] {
        var capacity = NodeAgentConfiguration.hostCapacity()
        for (name, value) in [("cpu", shape.cpu), ("memory", shape.memory), ("pods", shape.pods)] {
            guard let value else { continue }
            let quantity = Quantity(value)
            guard quantity.isValid else { throw Problem.invalid("--\(name) \(value): not a quantity") }
            capacity[name] = quantity
        }
        return capacity
    }

    static func labels(_ shape: Shape) throws -> [String: String] {
        var parsed: [String: String] = [:]
        for label in shape.labels {
            let parts = label.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw Problem.invalid("--label \(label): want KEY=VALUE") }
            parsed[parts[0]] = parts[1]
        }
        return parsed
    }

    static func taints(_ shape: Shape) throws -> [Taint] {
        try shape.taints.map { text in
            let sides = text.split(separator: ":", maxSplits: 1).map(String.init)
            let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
            guard sides.count == 2, effects.contains(sides[1]), !sides[0].isEmpty else {
                throw Problem.invalid("--taint \(text): want KEY[=VALUE]:EFFECT, EFFECT one of \(effects.joined(separator: ", "))")
            }
            let pair = sides[0].split(separator: "=", maxSplits: 1).map(String.init)
            return Taint(key: pair[0], value: pair.count == 2 ? pair[1] : nil, effect: sides[1])
        }
    }
}

/// The agents and their pod informer, until graceful shutdown.
struct AgentsService: ServiceLifecycle.Service {
    let agents: [NodeAgent]
    let pods: Informer<Pod>

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await pods.run() }
                for agent in agents { group.addTask { await agent.run() } }
            }
        }
    }
}
