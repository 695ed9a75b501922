import Synchronization

/// Latency samples in nanoseconds, appended from any task, summarised by percentile.
final class LatencySamples: Sendable {
    private let samples = Mutex<[UInt64]>([])

    init() {}

    func record(_ nanos: UInt64) {
        samples.withLock { $0.append(nanos) }
    }

    func record(contentsOf nanos: [UInt64]) {
        samples.withLock { $0.append(contentsOf: nanos) }
    }

    var count: Int { samples.withLock { $0.count } }

    /// The summary of every sample recorded so far.
    func summary() -> LatencySummary {
        LatencySummary(samples.withLock { $0 })
    }
}

/// Percentiles of a set of latency samples.
struct LatencySummary: Sendable {
    var count: Int
    /// Milliseconds; 0 when there are no samples.
    var p50: Double
    var p99: Double
    var maximum: Double

    init(_ nanos: [UInt64]) {
        let sorted = nanos.sorted()
        count = sorted.count
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            // Nearest-rank percentile.
            let rank = Int((p * Double(sorted.count)).rounded(.up))
            return Double(sorted[min(max(rank, 1), sorted.count) - 1]) / 1_000_000
        }
        p50 = percentile(0.50)
        p99 = percentile(0.99)
        maximum = Double(sorted.last ?? 0) / 1_000_000
    }
}
