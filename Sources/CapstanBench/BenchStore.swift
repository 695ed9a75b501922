/// What the store benchmark needs of a store; the workload is written once against it and run on
/// the embedded store (`EmbeddedBenchStore`) and on etcd (`EtcdBenchStore`).
protocol BenchStore: Sendable {
    /// A short name for the report ("embedded", "etcd").
    var name: String { get }

    /// One unconditional put, acknowledged (durable for durable stores) when it returns.
    func put(_ key: String, _ value: [UInt8]) async throws

    /// The revision of the last write.
    func currentRevision() async throws -> Int64

    /// Watches keys under `prefix` from `fromRevision` (inclusive) and calls `onEvent` with each
    /// event's value, in order, until `eventCount` events have arrived; then ends the watch.
    func watch(
        prefix: String,
        fromRevision: Int64,
        eventCount: Int,
        onEvent: @escaping @Sendable (_ value: UnsafeRawBufferPointer) -> Void
    ) async throws

    /// Memory attributed to the store, in bytes (see the implementations for what is measured).
    func memoryBytes() throws -> Int

    /// Bytes the store's data directory occupies on disk.
    func diskBytes() throws -> Int
}
