/// What one watcher received in the watch phase: when each timed write's event arrived
/// (`BenchValue.nowNanos()`, 0 = never), and whether the watch was established in time.
struct WatchReceipts: Sendable {
    var arrivals: [UInt64]
    /// It saw the warm-up event, so every timed write falls inside its watch.
    var established = false
    var delivered = 0
    var duplicates = 0
    var error: String?

    init(writes: Int) {
        arrivals = Array(repeating: 0, count: writes)
    }

    var isComplete: Bool { delivered == arrivals.count }

    mutating func record(sequence: Int, at nanos: UInt64) {
        guard arrivals.indices.contains(sequence) else { return }
        if arrivals[sequence] == 0 {
            arrivals[sequence] = nanos
            delivered += 1
        } else {
            duplicates += 1
        }
    }
}
