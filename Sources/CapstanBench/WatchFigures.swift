/// Watch delivery: `watchers` watches on one namespace's pods while `writes` pods are created at
/// `rate` per second. Each event's latency is taken at the moment the chunk holding it arrived.
struct WatchFigures: Sendable {
    var watchers: Int
    /// Watches that were established (saw the warm-up event) before the timed writes began.
    var established: Int
    var rate: Int
    var writes: Int
    var writeErrors: Int
    /// Deliveries expected (established watchers × acknowledged writes) and received.
    var expected: Int
    var delivered: Int
    var duplicates: Int
    /// Watch streams that ended with an error (an ERROR event or a transport failure).
    var watchErrors: Int
    var firstError: String?
    /// From just before the write's POST was sent to the event's arrival.
    var fromSend: LatencySummary
    /// From the write's 201 reaching the writer to the event's arrival; an event that arrived
    /// before its write's acknowledgement counts as 0.
    var fromAck: LatencySummary
    var arrivedBeforeAck: Int
    /// The writes' own create latency.
    var writeLatency: LatencySummary

    var missed: Int { max(expected - delivered, 0) }
}
