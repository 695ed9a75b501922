/// The envelope around every Kubernetes protobuf body (`application/vnd.kubernetes.protobuf`):
/// the magic `k8s\0`, then a `runtime.Unknown` message carrying the object's apiVersion and
/// kind (a `TypeMeta`, field 1), the encoded object (field 2), and a content encoding and type
/// (fields 3 and 4, empty in practice).
public struct KubernetesProtobufEnvelope: Sendable, Equatable {
    public static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

    public var apiVersion: String
    public var kind: String
    public var raw: [UInt8]

    public init(apiVersion: String, kind: String, raw: [UInt8]) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.raw = raw
    }

    /// Opens the envelope of a body.
    public init(decoding body: [UInt8]) throws(ProtobufError) {
        guard body.starts(with: Self.magic) else {
            throw ProtobufError(path: [], message: "the body does not start with the protobuf envelope's magic k8s\\0")
        }
        var apiVersion = ""
        var kind = ""
        var raw: [UInt8] = []
        do {
            try ProtobufDecoder.readFields(body, Self.magic.count..<body.count) { number, wireType, reader throws(ProtobufWireError) in
                switch (number, wireType) {
                case (1, .lengthDelimited):
                    try ProtobufDecoder.readFields(body, try reader.lengthDelimited()) { number, wireType, typeMeta throws(ProtobufWireError) in
                        switch (number, wireType) {
                        case (1, .lengthDelimited): apiVersion = try ProtobufDecoder.string(body, typeMeta.lengthDelimited())
                        case (2, .lengthDelimited): kind = try ProtobufDecoder.string(body, typeMeta.lengthDelimited())
                        default: try typeMeta.skip(wireType)
                        }
                    }
                case (2, .lengthDelimited): raw = Array(body[try reader.lengthDelimited()])
                case (3, .lengthDelimited):
                    let encoding = try ProtobufDecoder.string(body, reader.lengthDelimited())
                    guard encoding.isEmpty else { throw .malformed("content encoding \(encoding) is not supported") }
                default: try reader.skip(wireType)
                }
            }
        } catch {
            throw ProtobufError(path: [], message: "the protobuf envelope is malformed: \(error.message)")
        }
        self.init(apiVersion: apiVersion, kind: kind, raw: raw)
    }

    /// The body: magic, then the `runtime.Unknown` message.
    public var encoded: [UInt8] {
        var typeMeta = ProtobufWriter()
        typeMeta.field(1, string: apiVersion)
        typeMeta.field(2, string: kind)
        var unknown = ProtobufWriter()
        unknown.field(1, bytes: typeMeta.bytes)
        unknown.field(2, bytes: raw)
        unknown.field(3, string: "")
        unknown.field(4, string: "")
        return Self.magic + unknown.bytes
    }
}

/// One event of a protobuf watch stream (`application/vnd.kubernetes.protobuf;stream=watch`):
/// a raw `WatchEvent` message (`type` = 1, `object` = 2, a RawExtension whose `raw` = 1 is
/// the object in its envelope), framed by its length as 4 big-endian bytes.
public struct ProtobufWatchEvent: Sendable, Equatable {
    public var type: String
    /// The object's envelope bytes.
    public var object: [UInt8]

    public init(type: String, object: [UInt8]) {
        self.type = type
        self.object = object
    }

    public var framed: [UInt8] {
        var raw = ProtobufWriter()
        raw.field(1, bytes: object)
        var message = ProtobufWriter()
        message.field(1, string: type)
        message.field(2, bytes: raw.bytes)
        let length = UInt32(message.bytes.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)] + message.bytes
    }

    /// The events of a stream's bytes, and how many bytes they used (a partial frame is left).
    public static func frames(in bytes: [UInt8]) throws(ProtobufError) -> (events: [ProtobufWatchEvent], consumed: Int) {
        var events: [ProtobufWatchEvent] = []
        var index = 0
        while bytes.count - index >= 4 {
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard bytes.count - index - 4 >= length else { break }
            let message = Array(bytes[(index + 4)..<(index + 4 + length)])
            var type = ""
            var object: [UInt8] = []
            do {
                try ProtobufDecoder.readFields(message, 0..<message.count) { number, wireType, reader throws(ProtobufWireError) in
                    switch (number, wireType) {
                    case (1, .lengthDelimited): type = try ProtobufDecoder.string(message, reader.lengthDelimited())
                    case (2, .lengthDelimited):
                        try ProtobufDecoder.readFields(message, try reader.lengthDelimited()) { number, wireType, raw throws(ProtobufWireError) in
                            if number == 1, wireType == .lengthDelimited { object = Array(message[try raw.lengthDelimited()]) }
                            else { try raw.skip(wireType) }
                        }
                    default: try reader.skip(wireType)
                    }
                }
            } catch {
                throw ProtobufError(path: [], message: "a watch event is malformed: \(error.message)")
            }
            events.append(ProtobufWatchEvent(type: type, object: object))
            index += 4 + length
        }
        return (events, index)
    }
}
