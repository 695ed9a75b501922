import Foundation
import GRPCCore
import GRPCGoInterop
import GRPCNIOTransportHTTP2Posix
import GRPCProtobuf

/// A client for one etcd v3 endpoint over gRPC (plaintext HTTP/2 on TCP), wrapping the generated
/// `KV`, `Watch`, `Lease` and `Maintenance` stubs.
///
/// A client exists only inside `EtcdClient.connect(host:port:_:)`: the gRPC connection loop runs
/// in a child task of that call and ends when its body returns, so no connection outlives it.
/// Keys are strings (sent as their UTF-8 bytes); values are bytes. Server errors surface as
/// `GRPCCore.RPCError` with etcd's message (e.g. "etcdserver: mvcc: required revision has been
/// compacted", code `outOfRange`).
public struct EtcdClient: Sendable {
    public typealias Transport = HTTP2ClientTransport.Posix

    private let kv: Etcdserverpb_KV.Client<Transport>
    private let watchService: Etcdserverpb_Watch.Client<Transport>
    private let lease: Etcdserverpb_Lease.Client<Transport>
    private let maintenance: Etcdserverpb_Maintenance.Client<Transport>

    init(wrapping client: GRPCClient<Transport>) {
        kv = .init(wrapping: client)
        watchService = .init(wrapping: client)
        lease = .init(wrapping: client)
        maintenance = .init(wrapping: client)
    }

    /// Connects to etcd at `host:port` (an IPv4 address), runs `body` with a client, and closes the
    /// connection once `body` returns or throws.
    public static func connect<Result: Sendable>(
        host: String = "127.0.0.1",
        port: Int,
        _ body: (EtcdClient) async throws -> Result
    ) async throws -> Result {
        let config = HTTP2ClientTransport.Posix.Config.grpcGoServer
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: host, port: port),
            transportSecurity: .plaintext,
            config: config
        )
        return try await withGRPCClient(transport: transport) { client in
            try await body(EtcdClient(wrapping: client))
        }
    }

    // MARK: KV

    /// Puts `value` at `key`, attached to `lease` (0: none). Returns the store revision after the put.
    @discardableResult
    public func put(_ key: String, _ value: [UInt8], lease: Int64 = 0) async throws -> Int64 {
        try await put(.with {
            $0.key = Data(key.utf8)
            $0.value = Data(value)
            $0.lease = lease
        }).header.revision
    }

    /// Sends a raw `PutRequest`.
    public func put(_ request: Etcdserverpb_PutRequest) async throws -> Etcdserverpb_PutResponse {
        try await kv.put(request)
    }

    /// Reads `key` alone, or every key in `[key, end)` when `end` is set, at `revision` (0: current),
    /// at most `limit` keys (0: no limit).
    public func range(_ key: String, end: String? = nil, revision: Int64 = 0, limit: Int64 = 0) async throws -> Etcdserverpb_RangeResponse {
        try await range(.with {
            $0.key = Data(key.utf8)
            if let end { $0.rangeEnd = Data(end.utf8) }
            $0.revision = revision
            $0.limit = limit
        })
    }

    /// Reads every key beginning with `prefix`, at `revision` (0: current), at most `limit` keys.
    public func range(prefix: String, revision: Int64 = 0, limit: Int64 = 0) async throws -> Etcdserverpb_RangeResponse {
        try await range(.with {
            $0.key = Data(prefix.utf8)
            $0.rangeEnd = EtcdKeys.prefixEnd(Data(prefix.utf8))
            $0.revision = revision
            $0.limit = limit
        })
    }

    /// Sends a raw `RangeRequest`.
    public func range(_ request: Etcdserverpb_RangeRequest) async throws -> Etcdserverpb_RangeResponse {
        try await kv.range(request)
    }

    /// The value of `key` now, or nil if absent.
    public func get(_ key: String) async throws -> Mvccpb_KeyValue? {
        try await range(key).kvs.first
    }

    /// Deletes `key`, or every key in `[key, end)` when `end` is set. Returns how many were deleted.
    @discardableResult
    public func delete(_ key: String, end: String? = nil) async throws -> Int64 {
        try await kv.deleteRange(.with {
            $0.key = Data(key.utf8)
            if let end { $0.rangeEnd = Data(end.utf8) }
        }).deleted
    }

    /// If every `compare` holds, applies `success`, otherwise `failure`, atomically.
    public func txn(
        compare: [Etcdserverpb_Compare],
        success: [Etcdserverpb_RequestOp],
        failure: [Etcdserverpb_RequestOp] = []
    ) async throws -> Etcdserverpb_TxnResponse {
        try await kv.txn(.with {
            $0.compare = compare
            $0.success = success
            $0.failure = failure
        })
    }

    /// Replaces `key` only if its modRevision is still `expectedModRevision` (0: the key must not
    /// exist). Returns the new revision, or nil on conflict.
    public func update(_ key: String, _ value: [UInt8], expectedModRevision: Int64, lease: Int64 = 0) async throws -> Int64? {
        let response = try await txn(
            compare: [.modRevision(key, .equal, expectedModRevision)],
            success: [.put(key, value, lease: lease)]
        )
        return response.succeeded ? response.header.revision : nil
    }

    /// Forgets history before `revision`; with `physical`, returns only once it is removed on disk.
    public func compact(_ revision: Int64, physical: Bool = false) async throws {
        _ = try await kv.compact(.with {
            $0.revision = revision
            $0.physical = physical
        })
    }

    // MARK: Watch

    /// Watches every key beginning with `prefix` from `fromRevision` (inclusive; 0: changes after
    /// now) and runs `body` with the events. The watch is cancelled when `body` returns.
    public func watch<Result: Sendable>(
        prefix: String,
        fromRevision: Int64,
        prevKV: Bool = false,
        _ body: @escaping @Sendable (EtcdWatchEvents) async throws -> Result
    ) async throws -> Result {
        try await watch(.with {
            $0.key = Data(prefix.utf8)
            $0.rangeEnd = EtcdKeys.prefixEnd(Data(prefix.utf8))
            $0.startRevision = fromRevision
            $0.prevKv = prevKV
        }, body)
    }

    /// Opens one watch described by `create` and runs `body` with its events; the watch (the
    /// bidirectional stream) is cancelled when `body` returns.
    public func watch<Result: Sendable>(
        _ create: Etcdserverpb_WatchCreateRequest,
        _ body: @escaping @Sendable (EtcdWatchEvents) async throws -> Result
    ) async throws -> Result {
        try await watchService.watch(
            requestProducer: { writer in
                try await writer.write(.with { $0.createRequest = create })
                // Keep the request side open for as long as the response side is read: the RPC
                // ends, and this returns by cancellation, when `body` returns.
                let (idle, keepOpen) = AsyncStream<Never>.makeStream()
                for await _ in idle {}
                keepOpen.finish()
            },
            onResponse: { response in
                try await body(EtcdWatchEvents(responses: response.messages))
            }
        )
    }

    // MARK: Lease

    /// Grants a lease of `ttlSeconds`; returns its ID and the TTL the server chose.
    public func grantLease(ttlSeconds: Int64) async throws -> (id: Int64, ttl: Int64) {
        let response = try await lease.leaseGrant(.with { $0.ttl = ttlSeconds })
        if !response.error.isEmpty { throw EtcdClientError.leaseGrant(response.error) }
        return (response.id, response.ttl)
    }

    /// Restarts the lease's TTL once. Returns the new TTL; throws `leaseNotFound` if the lease
    /// expired or was revoked (etcd answers with TTL 0 on the keep-alive stream).
    @discardableResult
    public func keepAliveOnce(_ id: Int64) async throws -> Int64 {
        let ttl = try await lease.leaseKeepAlive(
            requestProducer: { writer in
                try await writer.write(.with { $0.id = id })
            },
            onResponse: { response in
                for try await message in response.messages {
                    return message.ttl
                }
                return Int64(0)
            }
        )
        guard ttl > 0 else { throw EtcdClientError.leaseNotFound(id) }
        return ttl
    }

    /// Runs `body` while keeping lease `id` alive every `interval`; stops when `body` returns.
    /// Throws if a keep-alive finds the lease gone.
    public func withKeepAlive<Result: Sendable>(
        _ id: Int64,
        every interval: Duration,
        _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try await keepAliveOnce(id)
                    try await Task.sleep(for: interval)
                }
                return nil
            }
            group.addTask { try await body() }
            while let next = try await group.next() {
                if let result = next {
                    group.cancelAll()
                    return result
                }
            }
            throw CancellationError()
        }
    }

    /// Revokes lease `id`, deleting every key attached to it.
    public func revokeLease(_ id: Int64) async throws {
        _ = try await lease.leaseRevoke(.with { $0.id = id })
    }

    /// The lease's remaining TTL in seconds (-1 if it expired or never existed).
    public func timeToLive(_ id: Int64) async throws -> Etcdserverpb_LeaseTimeToLiveResponse {
        try await lease.leaseTimeToLive(.with { $0.id = id })
    }

    // MARK: Maintenance

    /// The member's status: version, database size, leader, raft indexes.
    public func status() async throws -> Etcdserverpb_StatusResponse {
        try await maintenance.status(Etcdserverpb_StatusRequest())
    }
}
