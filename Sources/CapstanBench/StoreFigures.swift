/// Everything the store benchmark measured on one store.
struct StoreFigures: Sendable {
    var store: String
    /// One entry per writer count, in the order run.
    var puts: [PutFigures]
    /// Delivery latency from just before a put to each watcher's receipt of its event.
    var watch: LatencySummary
    var watchers: Int
    var memoryBytes: Int
    var diskBytes: Int

    func puts(writers: Int) -> PutFigures? {
        puts.first { $0.writers == writers }
    }
}
