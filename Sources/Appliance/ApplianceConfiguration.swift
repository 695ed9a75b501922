/// What one `capstan` process runs, and where it keeps its state.
public struct ApplianceConfiguration: Sendable {
    /// Holds the cluster store (`store.db`) and, later, certificates and hosted repositories.
    public var dataDirectory: String
    /// How long store history stays readable and watchable.
    public var storeRetention: Duration

    public init(dataDirectory: String, storeRetention: Duration = .seconds(300)) {
        self.dataDirectory = dataDirectory
        self.storeRetention = storeRetention
    }

    public var storePath: String { dataDirectory + "/store.db" }
}
