/// What one put phase measured: `writers` concurrent writers for a fixed time.
struct PutFigures: Sendable {
    var writers: Int
    var operations: Int
    var seconds: Double
    var latency: LatencySummary

    var opsPerSecond: Double { seconds > 0 ? Double(operations) / seconds : 0 }
}
