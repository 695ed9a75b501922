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
