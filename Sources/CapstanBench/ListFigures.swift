/// Full reads of one namespace's pod list: how many pods it held, its size, and the time from
/// sending each GET to having read the whole body.
struct ListFigures: Sendable {
    var namespace: String
    var pods: Int
    var bytes: Int
    var latency: LatencySummary
    /// The time and rate of creating the pods that were missing (64 clients), if any were.
    var fill: CreateFigures?
}
