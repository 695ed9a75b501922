import Appliance
import ArgumentParser
import Foundation

/// The `capstan` command: one binary, roles as subcommands.
@main
struct Capstan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan",
        abstract: "A GitOps appliance: a git remote that is a Kubernetes cluster.",
        subcommands: [Up.self, Server.self, Agent.self, Simulate.self, Kubeconfig.self, Debug.self])
}

/// `capstan up`: the all-in-one appliance on its embedded defaults.
struct Up: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the appliance (embedded SQLite cluster store).")

    @Option(help: "Directory for the cluster store and other state.")
    var dataDir: String = "./data"

    @Option(help: "Seconds of store history kept readable and watchable.")
    var retentionSeconds: Int = 300

    @Option(help: "Address the API server listens on.")
    var bindAddress: String = "0.0.0.0"

    @Option(help: "HTTPS port of the API server (0 picks a free port).")
    var port: Int = 6443

    @Flag(inversion: .prefixedNo, help: "Run the controllers (Deployment, ReplicaSet, …) and the scheduler, behind leader election.")
    var controllers = true

    func run() async throws {
        let config = ApplianceConfiguration(
            dataDirectory: dataDir, storeRetention: .seconds(retentionSeconds), bindAddress: bindAddress, port: port,
            runsControllers: controllers)
        try await Appliance(configuration: config).run()
    }
}

/// `capstan server`: the control plane alone — cluster store, Kubernetes API server, controllers and scheduler.
struct Server: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the cluster store, the Kubernetes API server (HTTPS), the controllers and the scheduler.",
        discussion: "When ready, writes DATA_DIR/admin.kubeconfig. SIGTERM or SIGINT stops it gracefully.")

    @Option(help: "Directory for the cluster store, certificates and kubeconfig.")
    var dataDir: String

    @Option(help: "Address to listen on.")
    var bindAddress: String = "0.0.0.0"

    @Option(help: "HTTPS port (0 picks a free port).")
    var port: Int = 6443

    @Option(help: "Seconds of store history kept readable and watchable.")
    var retentionSeconds: Int = 300

    @Flag(inversion: .prefixedNo, help: "Run the controllers (Deployment, ReplicaSet, …) and the scheduler, behind leader election.")
    var controllers = true

    func run() async throws {
        let config = ApplianceConfiguration(
            dataDirectory: dataDir, storeRetention: .seconds(retentionSeconds), bindAddress: bindAddress, port: port,
            runsControllers: controllers)
        try await Appliance(configuration: config).run()
    }
}

/// `capstan kubeconfig`: prints the admin kubeconfig a server wrote.
struct Kubeconfig: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the admin kubeconfig of a server's data directory.")

    @Option(help: "The server's data directory.")
    var dataDir: String

    func run() throws {
        let path = ApplianceConfiguration(dataDirectory: dataDir).kubeconfigPath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("no kubeconfig at \(path): start `capstan server --data-dir \(dataDir)` first")
        }
        FileHandle.standardOutput.write(data)
    }
}
