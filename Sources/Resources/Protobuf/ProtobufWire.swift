/// The protobuf wire types Kubernetes messages use.
public enum ProtobufWireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
}

/// Reads protobuf fields from a byte buffer, one at a time.
struct ProtobufReader {
    let bytes: [UInt8]
    private(set) var index: Int
    let end: Int

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        self.index = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    var isAtEnd: Bool { index >= end }

    /// The next field's number and wire type.
    mutating func tag() throws(ProtobufWireError) -> (number: Int, wireType: ProtobufWireType) {
        let key = try varint()
        let number = key >> 3
        guard number > 0, number <= 536_870_911 else { throw .malformed("field number \(number) at byte \(index)") }
        guard let wireType = ProtobufWireType(rawValue: UInt8(key & 7)) else {
            throw .malformed("unsupported wire type \(key & 7) for field \(number)")
        }
        return (Int(number), wireType)
    }

    mutating func varint() throws(ProtobufWireError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < end else { throw .truncated }
            let byte = bytes[index]
            index += 1
            guard shift < 64 else { throw .malformed("varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func fixed64() throws(ProtobufWireError) -> UInt64 {
        guard end - index >= 8 else { throw .truncated }
        var result: UInt64 = 0
        for i in 0..<8 { result |= UInt64(bytes[index + i]) << (8 * UInt64(i)) }
        index += 8
        return result
    }

    mutating func fixed32() throws(ProtobufWireError) -> UInt32 {
        guard end - index >= 4 else { throw .truncated }
        var result: UInt32 = 0
        for i in 0..<4 { result |= UInt32(bytes[index + i]) << (8 * UInt32(i)) }
        index += 4
        return result
    }

    /// The range of a length-delimited field's payload, which the reader then skips.
    mutating func lengthDelimited() throws(ProtobufWireError) -> Range<Int> {
        let length = try varint()
        guard length <= UInt64(end - index) else { throw .truncated }
        let range = index..<(index + Int(length))
        index = range.upperBound
        return range
    }

    /// Skips a field's payload.
    mutating func skip(_ wireType: ProtobufWireType) throws(ProtobufWireError) {
        switch wireType {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .lengthDelimited: _ = try lengthDelimited()
        case .fixed32: _ = try fixed32()
        }
    }
}

/// Writes protobuf fields into a byte buffer.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    mutating func tag(_ number: Int, _ wireType: ProtobufWireType) {
        varint(UInt64(number) << 3 | UInt64(wireType.rawValue))
    }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func fixed64(_ value: UInt64) {
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    mutating func field(_ number: Int, varint value: UInt64) {
        tag(number, .varint)
        varint(value)
    }

    mutating func field(_ number: Int, bytes payload: some Collection<UInt8>) {
        tag(number, .lengthDelimited)
        varint(UInt64(payload.count))
        bytes.append(contentsOf: payload)
    }

    mutating func field(_ number: Int, string: String) {
        field(number, bytes: Array(string.utf8))
    }
}

/// Bytes that are not a well-formed protobuf message.
enum ProtobufWireError: Error, Sendable {
    case truncated
    case malformed(String)

    var message: String {
        switch self {
        case .truncated: "unexpected end of message"
        case .malformed(let what): what
        }
    }
}
