/// What one `capstan` process runs, and where it keeps its state.
public struct ApplianceConfiguration: Sendable {
    /// Holds the cluster store (`store.db`) and, later, certificates and hosted repositories.
    public var dataDirectory: String
    /// How long store history stays readable and watchable.
    public var storeRetention: Duration

    /// Where the API server listens (`0.0.0.0`: every address).
    public var bindAddress: String
    /// The API server's HTTPS port; 0 picks a free one.
    public var port: Int

    /// Whether this process runs the controller manager and the scheduler (each behind leader election).
    public var runsControllers: Bool

    public init(dataDirectory: String, storeRetention: Duration = .seconds(300), bindAddress: String = "0.0.0.0", port: Int = 6443,
                runsControllers: Bool = true) {
        self.dataDirectory = dataDirectory
        self.runsControllers = runsControllers
        self.storeRetention = storeRetention
        self.bindAddress = bindAddress
        self.port = port
    }

    /// The admin kubeconfig the API server writes when it is ready.
    public var kubeconfigPath: String { dataDirectory + "/admin.kubeconfig" }

    public var storePath: String { dataDirectory + "/store.db" }
}
