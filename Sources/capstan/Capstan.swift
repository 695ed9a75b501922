import Appliance
import ArgumentParser

/// The `capstan` command: one binary, roles as subcommands.
@main
struct Capstan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan",
        abstract: "A GitOps appliance: a git remote that is a Kubernetes cluster.",
        subcommands: [Up.self, Debug.self])
}

/// `capstan up`: the all-in-one appliance on its embedded defaults.
struct Up: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the appliance (embedded SQLite cluster store).")

    @Option(help: "Directory for the cluster store and other state.")
    var dataDir: String = "./data"

    @Option(help: "Seconds of store history kept readable and watchable.")
    var retentionSeconds: Int = 300

    func run() async throws {
        let config = ApplianceConfiguration(dataDirectory: dataDir, storeRetention: .seconds(retentionSeconds))
        try await Appliance(configuration: config).run()
    }
}
