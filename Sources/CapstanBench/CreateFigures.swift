/// What one create phase measured: `clients` concurrent clients POSTing pods, either as fast as
/// each can (closed loop) or at `targetRate` per second from a schedule (open loop).
struct CreateFigures: Sendable {
    var clients: Int
    /// nil for a closed-loop phase.
    var targetRate: Int?
    var created: Int
    var errors: Int
    var firstError: String?
    var seconds: Double
    /// Per create; for an open-loop phase measured from the create's scheduled start, so a
    /// slow server's backlog counts against it.
    var latency: LatencySummary

    var createsPerSecond: Double { seconds > 0 ? Double(created) / seconds : 0 }
}
