/// Why `EtcdLocalServer.start` failed.
public enum EtcdLocalServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No etcd binary at the path; scripts/setup installs Debian's etcd-server.
    case binaryMissing(String)
    /// etcd exited before it was ready, with this status.
    case exited(Int32)
    /// etcd did not answer within the timeout.
    case notReady(Duration)
    case noFreePort

    public var description: String {
        switch self {
        case .binaryMissing(let path): "etcd not found at \(path): run scripts/setup (installs Debian's etcd-server)"
        case .exited(let status): "etcd exited with status \(status) before it was ready"
        case .notReady(let timeout): "etcd did not become ready within \(timeout)"
        case .noFreePort: "no free loopback port for etcd"
        }
    }
}
