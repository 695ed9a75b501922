import EtcdProtocol

/// etcd under benchmark: a local single-member etcd reached through `EtcdClient` (gRPC on
/// loopback). Memory is the etcd process's RSS.
struct EtcdBenchStore: BenchStore {
    let name = "etcd"
    let client: EtcdClient
    let server: EtcdLocalServer

    func put(_ key: String, _ value: [UInt8]) async throws {
        try await client.put(key, value)
    }

    func currentRevision() async throws -> Int64 {
        try await client.status().header.revision
    }

    func watch(
        prefix: String,
        fromRevision: Int64,
        eventCount: Int,
        onEvent: @escaping @Sendable (UnsafeRawBufferPointer) -> Void
    ) async throws {
        let received = try await client.watch(prefix: prefix, fromRevision: fromRevision) { events in
            var received = 0
            for try await event in events {
                event.kv.value.withUnsafeBytes { onEvent($0) }
                received += 1
                if received == eventCount { break }
            }
            return received
        }
        guard received == eventCount else {
            throw BenchError.watchEndedEarly(store: name, received: received, expected: eventCount)
        }
    }

    func memoryBytes() throws -> Int {
        try ResourceUsage.residentBytes(pid: server.pid)
    }

    func diskBytes() throws -> Int {
        try ResourceUsage.diskBytes(of: server.dataDirectory)
    }
}
