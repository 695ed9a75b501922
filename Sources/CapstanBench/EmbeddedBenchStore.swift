import Store

/// The embedded store under benchmark: any `ClusterStore` in this process, its data in
/// `dataDirectory`. Memory is the growth of this process's RSS since `baselineResidentBytes`
/// (read before the store was opened), so it counts the store and the benchmark's own buffers.
struct EmbeddedBenchStore: BenchStore {
    let name = "embedded"
    let store: any ClusterStore
    let dataDirectory: String
    let baselineResidentBytes: Int

    func put(_ key: String, _ value: [UInt8]) async throws {
        try await store.put(key, value)
    }

    func currentRevision() async throws -> Int64 {
        try await store.currentRevision()
    }

    func watch(
        prefix: String,
        fromRevision: Int64,
        eventCount: Int,
        onEvent: @escaping @Sendable (UnsafeRawBufferPointer) -> Void
    ) async throws {
        var received = 0
        for try await event in try await store.watch(prefix: prefix, fromRevision: fromRevision) {
            event.kv.value.withUnsafeBytes { onEvent($0) }
            received += 1
            if received == eventCount { return }
        }
        throw BenchError.watchEndedEarly(store: name, received: received, expected: eventCount)
    }

    func memoryBytes() throws -> Int {
        try ResourceUsage.residentBytes() - baselineResidentBytes
    }

    func diskBytes() throws -> Int {
        try ResourceUsage.diskBytes(of: dataDirectory)
    }
}
