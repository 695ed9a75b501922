import GRPCNIOTransportHTTP2Posix
import NIOCore

extension HTTP2ClientTransport.Posix.Config {
    /// The transport defaults for a grpc-go server (etcd, containerd): every connection gets
    /// `GRPCGoBDPPingFilter` first, since such a server pings after each request it receives.
    /// (The callback is named for TCP but runs for every connection, unix sockets included.)
    public static var grpcGoServer: Self {
        var config = Self.defaults
        config.channelDebuggingCallbacks.onCreateTCPConnection = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(GRPCGoBDPPingFilter(), position: .first)
            }
        }
        return config
    }
}
