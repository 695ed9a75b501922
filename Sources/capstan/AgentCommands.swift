import Appliance
import ArgumentParser
import Foundation

/// How an agent reaches the API server.
struct ServerConnection: ParsableArguments {
    @Option(help: "A kubeconfig to connect with (instead of --server, --ca-file and --token-file).")
    var kubeconfig: String?

    @Option(help: "The API server's URL, e.g. https://127.0.0.1:6443.")
    var server: String?

    @Option(help: "The cluster CA certificate (PEM), e.g. DIR/pki/ca.crt of the server.")
    var caFile: String?

    @Option(help: "A file holding the bearer token to authenticate with.")
    var tokenFile: String?

    func connection() throws -> AgentRole.Connection {
        if let kubeconfig { return .kubeconfig(kubeconfig) }
        guard let server, let caFile, let tokenFile else {
            throw ValidationError("give --kubeconfig, or --server with --ca-file and --token-file")
        }
        return .token(server: server, caFile: caFile, tokenFile: tokenFile)
    }
}

/// What a node offers.
struct NodeShapeOptions: ParsableArguments {
    @Option(help: "CPU capacity (default: this host's).")
    var cpu: String?

    @Option(help: "Memory capacity, e.g. 32Gi (default: this host's).")
    var memory: String?

    @Option(help: "Pod capacity.")
    var pods = "110"

    @Option(name: .customLong("label"), help: "A node label KEY=VALUE (repeatable).")
    var labels: [String] = []

    @Option(name: .customLong("taint"), help: "A node taint KEY[=VALUE]:EFFECT (repeatable).")
    var taints: [String] = []

    @Option(help: "Seconds between Lease renewals.")
    var heartbeatSeconds = 10

    var shape: AgentRole.Shape {
        AgentRole.Shape(cpu: cpu, memory: memory, pods: pods, labels: labels, taints: taints, heartbeat: .seconds(heartbeatSeconds))
    }
}

/// `capstan agent`: a node joining a cluster.
struct Agent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join a cluster as a node: register, heartbeat, and run the pods bound to this node.")

    @OptionGroup var connection: ServerConnection
    @OptionGroup var node: NodeShapeOptions

    @Option(help: "The node's name (default: this host's name).")
    var nodeName: String = ProcessInfo.processInfo.hostName.lowercased()

    @Option(help: "The address the node reports as its InternalIP.")
    var internalIP = "127.0.0.1"

    @Option(help: "What runs the pods: `hollow` runs nothing (for simulation); `cri` (containerd) is not built yet.")
    var runtime = "hollow"

    func run() async throws {
        let role: AgentRole
        do {
            role = try AgentRole.single(connection: try connection.connection(), nodeName: nodeName, internalIP: internalIP,
                                        runtime: runtime, shape: node.shape)
        } catch let problem as AgentRole.Problem {
            throw ValidationError(problem.description)
        }
        try await role.run()
    }
}

/// `capstan simulate`: many hollow nodes in one process, for measuring the control plane.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run N hollow node agents in one process against a cluster: they register, heartbeat, and report their pods Running.")

    @OptionGroup var connection: ServerConnection
    @OptionGroup var node: NodeShapeOptions

    @Option(help: "How many nodes.")
    var nodes = 100

    @Option(help: "Node name prefix: nodes are PREFIX-0 … PREFIX-(N-1).")
    var prefix = "hollow-node"

    @Option(help: "Spread the nodes over this many zones (topology.kubernetes.io/zone=zone-K); 0 for none.")
    var zones = 0

    func run() async throws {
        let role: AgentRole
        do {
            role = try AgentRole.simulated(connection: try connection.connection(), count: nodes, prefix: prefix, zones: zones,
                                           shape: node.shape)
        } catch let problem as AgentRole.Problem {
            throw ValidationError(problem.description)
        }
        try await role.run()
    }
}
