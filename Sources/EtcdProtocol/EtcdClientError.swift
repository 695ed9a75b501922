/// Failures `EtcdClient` reports that are not gRPC errors.
public enum EtcdClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The lease expired or was revoked.
    case leaseNotFound(Int64)
    /// etcd refused to grant a lease.
    case leaseGrant(String)
    /// etcd cancelled the watch; `compactRevision` is set when the start revision was compacted.
    case watchCanceled(reason: String, compactRevision: Int64)

    public var description: String {
        switch self {
        case .leaseNotFound(let id): "etcd lease \(id) not found"
        case .leaseGrant(let message): "etcd refused the lease: \(message)"
        case .watchCanceled(let reason, let compactRevision):
            compactRevision > 0
                ? "etcd watch canceled: revision compacted (oldest kept: \(compactRevision))"
                : "etcd watch canceled: \(reason)"
        }
    }
}
