import Prometheus

/// The API server's metrics, exported at `/metrics` in Prometheus text format: requests by
/// verb, resource and code, their latency, open watches, and cluster store latency.
public struct APIMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    static let latencyBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
    ]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    func recordRequest(verb: String, resource: String, subresource: String, code: Int, duration: Duration) {
        let labels = [("verb", verb.uppercased()), ("resource", resource), ("subresource", subresource), ("code", String(code))]
        registry.makeCounter(
            descriptor: .init(namespace: "apiserver", metricName: "request", unitName: "total",
                              helpText: "Requests by verb, resource and HTTP code."),
            labels: labels
        ).increment()
        // Watches last as long as the client wants; their latency says nothing.
        guard verb != "watch" else { return }
        registry.makeDurationHistogram(
            descriptor: .init(namespace: "apiserver", metricName: "request_duration", unitName: "seconds",
                              helpText: "Request latency by verb and resource."),
            labels: [("verb", verb.uppercased()), ("resource", resource), ("subresource", subresource)],
            buckets: Self.latencyBuckets
        ).record(duration)
    }

    func setOpenWatches(_ count: Int) {
        registry.makeGauge(
            descriptor: .init(namespace: "apiserver", metricName: "registered_watchers", unitName: "count",
                              helpText: "Open watches served from the watch cache.")
        ).set(Double(count))
    }

    func recordStore(operation: String, duration: Duration) {
        registry.makeDurationHistogram(
            descriptor: .init(namespace: "capstan", subsystem: "store", metricName: "request_duration", unitName: "seconds",
                              helpText: "Cluster store latency by operation."),
            labels: [("operation", operation)],
            buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// The text exposition.
    public func render() -> [UInt8] { registry.emitToBuffer() }
}
