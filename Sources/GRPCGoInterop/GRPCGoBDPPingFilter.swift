import NIOCore

/// Drops the flow-control (BDP) PINGs a grpc-go server (etcd, containerd) sends, before the
/// HTTP/2 handler sees them.
///
/// grpc-go estimates bandwidth-delay by sending a PING with a fixed payload after the DATA it
/// receives, one outstanding at a time; on loopback that is one PING per request. swift-nio-http2
/// (1.46 and later) closes a connection that receives more than 200 PING/SETTINGS frames in 30 s
/// (`ENHANCE_YOUR_CALM`), which ends every etcd or containerd connection after about 200 requests; grpc-swift's
/// transport does not expose that limit. A BDP PING that is never acknowledged keeps grpc-go's
/// estimator waiting, so it sends no more — the server then keeps its default flow-control windows.
/// Every other frame, keepalive PINGs included, passes through unchanged.
///
/// Installed as the first handler of each connection (server-to-client bytes, frame-aligned from
/// the start: the client reads no connection preface).
public final class GRPCGoBDPPingFilter: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer

    /// grpc-go's `bdpPing` payload (internal/transport/bdp_estimator.go).
    static let bdpPingPayload: [UInt8] = [2, 4, 16, 16, 9, 14, 7, 7]
    private static let frameHeaderLength = 9
    private static let pingType: UInt8 = 0x6
    private static let ackFlag: UInt8 = 0x1

    /// Bytes received that do not yet make a whole frame.
    private var pending: ByteBuffer?

    public init() {}

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var input = unwrapInboundIn(data)
        if var carried = pending {
            carried.writeBuffer(&input)
            input = carried
        }
        pending = nil

        var output = context.channel.allocator.buffer(capacity: input.readableBytes)
        while input.readableBytes >= Self.frameHeaderLength {
            let start = input.readerIndex
            guard
                let length = input.getInteger(at: start, as: UInt32.self).map({ Int($0 >> 8) }),
                let type = input.getInteger(at: start + 3, as: UInt8.self),
                let flags = input.getInteger(at: start + 4, as: UInt8.self)
            else { break }
            let frameLength = Self.frameHeaderLength + length
            guard input.readableBytes >= frameLength else { break }
            let isBDPPing = type == Self.pingType && flags & Self.ackFlag == 0 && length == 8
                && input.getBytes(at: start + Self.frameHeaderLength, length: 8) == Self.bdpPingPayload
            if isBDPPing {
                input.moveReaderIndex(forwardBy: frameLength)
            } else if var frame = input.readSlice(length: frameLength) {
                output.writeBuffer(&frame)
            }
        }
        if input.readableBytes > 0 { pending = input }
        if output.readableBytes > 0 {
            context.fireChannelRead(wrapInboundOut(output))
        }
    }
}
