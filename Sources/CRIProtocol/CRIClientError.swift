import GRPCCore

/// A CRI call that failed: which call, on which runtime socket, and the gRPC status it ended with.
///
/// `code` is the runtime's answer (`notFound`, `invalidArgument`, ...) or the transport's
/// (`unavailable` when nothing listens on the socket, `deadlineExceeded` past the request timeout).
public struct CRIClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The call as "Service/Method", e.g. "RuntimeService/Version".
    public let call: String
    /// The runtime's unix socket.
    public let socketPath: String
    public let code: RPCError.Code
    public let message: String

    public init(call: String, socketPath: String, code: RPCError.Code, message: String) {
        self.call = call
        self.socketPath = socketPath
        self.code = code
        self.message = message
    }

    public var description: String {
        "CRI \(call) on \(socketPath) failed (\(code)): \(message)"
    }
}
