/// Why the cluster's PKI could not be loaded or created. Each case names the file or value at
/// fault, so the message tells an operator what to repair.
public enum ClusterCredentialsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A requested server name is neither an IP address nor a valid DNS name.
    case invalidServerName(String)
    /// `ca.crt` exists but its private key is missing, unreadable, or not the certificate's key.
    /// The CA is never regenerated once it exists: every credential issued from it would break.
    case unusableCAKey(path: String, reason: String)
    /// A file exists but cannot be read or parsed.
    case unreadableFile(path: String, reason: String)
    /// A file could not be written.
    case unwritableFile(path: String, reason: String)
    /// A line of the static token file is malformed (1-based line number).
    case malformedTokenFile(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidServerName(let name):
            return "server name \"\(name)\" is neither an IP address nor a DNS name"
        case .unusableCAKey(let path, let reason):
            return "the cluster CA's key \(path) is unusable (\(reason)); the CA is never regenerated while ca.crt exists"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .unwritableFile(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .malformedTokenFile(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        }
    }
}
