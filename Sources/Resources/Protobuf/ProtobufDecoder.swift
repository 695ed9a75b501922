import Foundation

/// Decodes a Kubernetes protobuf message into the JSON form of the same object, driven by the
/// type's schema and its `ProtobufMessage` field numbers. The JSON form then goes through the
/// same decoding, defaulting and validation as a JSON body.
///
/// As upstream's generated code does, fields with numbers the message does not declare are
/// skipped. Zero scalars of members that upstream omits when empty are dropped, so that
/// `""` on the wire reads as unset, as it does in Go.
public enum ProtobufDecoder {
    /// The object `bytes` encodes as a message of `type`.
    public static func decode(_ bytes: [UInt8], as type: any SchemaDescribing.Type) throws(ProtobufError) -> JSONValue {
        var path: [String] = []
        return try decodeValue(bytes, 0..<bytes.count, type: type, path: &path) ?? .object([:])
    }

    /// A message of `type` in `range`; nil for a value that reads as unset (an empty Time).
    static func decodeValue(
        _ bytes: [UInt8], _ range: Range<Int>, type: any SchemaDescribing.Type, path: inout [String]
    ) throws(ProtobufError) -> JSONValue? {
        let schema = type.schema
        do {
            switch schema.shape {
            case .object(let properties):
                guard let message = type as? any ProtobufMessage.Type else {
                    throw ProtobufError(path: path, message: "\(schema.definitionName ?? "this type") has no protobuf message")
                }
                return try decodeMessage(bytes, range, fields: message.protobufFields, properties: properties, path: &path)
            case .quantity:
                var text = "0"
                try readFields(bytes, range) { number, wireType, reader throws(ProtobufWireError) in
                    if number == 1, wireType == .lengthDelimited { text = try string(bytes, reader.lengthDelimited()) }
                    else { try reader.skip(wireType) }
                }
                return .string(text)
            case .intOrString:
                var kind: UInt64 = 0
                var intValue: Int32 = 0
                var stringValue = ""
                try readFields(bytes, range) { number, wireType, reader throws(ProtobufWireError) in
                    switch (number, wireType) {
                    case (1, .varint): kind = try reader.varint()
                    case (2, .varint): intValue = Int32(truncatingIfNeeded: try reader.varint())
                    case (3, .lengthDelimited): stringValue = try string(bytes, reader.lengthDelimited())
                    default: try reader.skip(wireType)
                    }
                }
                return kind == 1 ? .string(stringValue) : .integer(Int64(intValue))
            case .dateTime:
                var seconds: Int64 = 0
                var nanos: Int32 = 0
                var present = false
                try readFields(bytes, range) { number, wireType, reader throws(ProtobufWireError) in
                    switch (number, wireType) {
                    case (1, .varint): seconds = Int64(bitPattern: try reader.varint()); present = true
                    case (2, .varint): nanos = Int32(truncatingIfNeeded: try reader.varint()); present = true
                    default: try reader.skip(wireType)
                    }
                }
                guard present else { return nil }
                let time = Time(secondsSince1970: Double(seconds) + Double(nanos) / 1e9)
                return .string(type == MicroTime.self ? time.rfc3339Micro : time.rfc3339)
            case .freeForm:
                var raw: Range<Int>?
                try readFields(bytes, range) { number, wireType, reader throws(ProtobufWireError) in
                    if number == 1, wireType == .lengthDelimited { raw = try reader.lengthDelimited() }
                    else { try reader.skip(wireType) }
                }
                guard let raw, !raw.isEmpty else { return nil }
                do { return try JSONValue.parse(bytes[raw]) } catch {
                    throw ProtobufError(path: path, message: "the embedded object is not JSON: \(error)")
                }
            }
        } catch let error as ProtobufWireError {
            throw ProtobufError(path: path, message: error.message)
        } catch let error as ProtobufError {
            throw error
        } catch {
            throw ProtobufError(path: path, message: "\(error)")
        }
    }

    /// The members of a message.
    static func decodeMessage(
        _ bytes: [UInt8], _ range: Range<Int>, fields: ProtobufFields, properties: [PropertySchema], path: inout [String]
    ) throws -> JSONValue {
        var members: [String: JSONValue] = [:]
        try decodeMembers(bytes, range, fields: fields, properties: properties, into: &members, path: &path)
        return .object(members)
    }

    /// Reads the fields in `range` into `members`; an inlined message's fields land there too.
    static func decodeMembers(
        _ bytes: [UInt8], _ range: Range<Int>, fields: ProtobufFields, properties: [PropertySchema],
        into members: inout [String: JSONValue], path: inout [String]
    ) throws {
        var reader = ProtobufReader(bytes, range: range)
        while !reader.isAtEnd {
            let (number, wireType) = try reader.tag()
            if let name = fields.nameByNumber[number], let inlined = fields.byName[name]?.inlined, wireType == .lengthDelimited {
                try decodeMembers(bytes, try reader.lengthDelimited(), fields: inlined, properties: properties,
                                  into: &members, path: &path)
                continue
            }
            guard let name = fields.nameByNumber[number],
                  let property = properties.first(where: { $0.name == name }),
                  let field = fields.byName[name] else {
                try reader.skip(wireType)
                continue
            }
            path.append(name)
            defer { path.removeLast() }
            switch property.value {
            case .array(let element):
                var items = members[name]?.arrayValue ?? []
                if wireType == .lengthDelimited, element.isPackable {
                    // A packed run of scalars.
                    var packed = ProtobufReader(bytes, range: try reader.lengthDelimited())
                    while !packed.isAtEnd {
                        try items.append(scalar(element, field: field, wireType: element.packedWireType, reader: &packed, bytes: bytes, path: path))
                    }
                } else {
                    path[path.count - 1] = "\(name)[\(items.count)]"
                    if let item = try value(element, field: field, wireType: wireType, reader: &reader, bytes: bytes, path: &path) {
                        items.append(item)
                    }
                }
                members[name] = .array(items)
            case .map(let valueSchema):
                guard wireType == .lengthDelimited else { throw ProtobufError(path: path, message: "a map entry must be length-delimited") }
                var entry = ProtobufReader(bytes, range: try reader.lengthDelimited())
                var key = ""
                var entryValue: JSONValue?
                while !entry.isAtEnd {
                    let (entryNumber, entryWire) = try entry.tag()
                    switch entryNumber {
                    case 1 where entryWire == .lengthDelimited: key = try string(bytes, entry.lengthDelimited())
                    case 2: entryValue = try value(valueSchema, field: field, wireType: entryWire, reader: &entry, bytes: bytes, path: &path)
                    default: try entry.skip(entryWire)
                    }
                }
                var map = members[name]?.objectValue ?? [:]
                map[key] = entryValue ?? valueSchema.zero
                members[name] = .object(map)
            default:
                let decoded = try value(property.value, field: field, wireType: wireType, reader: &reader, bytes: bytes, path: &path)
                if let decoded, field.keepsZero || property.isRequired || !decoded.isZeroScalar {
                    members[name] = decoded
                } else {
                    members[name] = nil
                }
            }
        }
    }

    /// One value of `schema`: a scalar, or a nested message.
    static func value(
        _ schema: ValueSchema, field: ProtobufField, wireType: ProtobufWireType, reader: inout ProtobufReader,
        bytes: [UInt8], path: inout [String]
    ) throws -> JSONValue? {
        if case .reference(let type) = schema {
            guard wireType == .lengthDelimited else {
                throw ProtobufError(path: path, message: "expected an embedded message, found wire type \(wireType.rawValue)")
            }
            return try decodeValue(bytes, try reader.lengthDelimited(), type: type, path: &path)
        }
        return try scalar(schema, field: field, wireType: wireType, reader: &reader, bytes: bytes, path: path)
    }

    static func scalar(
        _ schema: ValueSchema, field: ProtobufField, wireType: ProtobufWireType, reader: inout ProtobufReader,
        bytes: [UInt8], path: [String]
    ) throws -> JSONValue {
        func expect(_ expected: ProtobufWireType) throws(ProtobufError) {
            guard wireType == expected else {
                throw ProtobufError(path: path, message: "wire type \(wireType.rawValue) cannot hold a field of type \(schema.protobufTypeName)")
            }
        }
        switch schema {
        case .string:
            try expect(.lengthDelimited)
            let range = try reader.lengthDelimited()
            if field.isBytes { return .string(Data(bytes[range]).base64EncodedString()) }
            do { return .string(try string(bytes, range)) } catch {
                throw ProtobufError(path: path, message: error.message)
            }
        case .integer(.int32):
            try expect(.varint)
            return .integer(Int64(Int32(truncatingIfNeeded: try reader.varint())))
        case .integer(.int64):
            try expect(.varint)
            return .integer(Int64(bitPattern: try reader.varint()))
        case .boolean:
            try expect(.varint)
            return .bool(try reader.varint() != 0)
        case .number:
            try expect(.fixed64)
            return .number(Double(bitPattern: try reader.fixed64()))
        case .array, .map, .reference:
            throw ProtobufError(path: path, message: "nested repeated fields have no protobuf form")
        }
    }

    /// Calls `body` for each field of the message in `range`.
    static func readFields(
        _ bytes: [UInt8], _ range: Range<Int>,
        _ body: (Int, ProtobufWireType, inout ProtobufReader) throws(ProtobufWireError) -> Void
    ) throws(ProtobufWireError) {
        var reader = ProtobufReader(bytes, range: range)
        while !reader.isAtEnd {
            let (number, wireType) = try reader.tag()
            try body(number, wireType, &reader)
        }
    }

    static func string(_ bytes: [UInt8], _ range: Range<Int>) throws(ProtobufWireError) -> String {
        guard let text = String(validating: bytes[range], as: UTF8.self) else { throw .malformed("a string is not valid UTF-8") }
        return text
    }
}

/// A protobuf body that does not decode, with the field path where it failed.
public struct ProtobufError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    init(path: [String], message: String) {
        self.path = path.joined(separator: ".")
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension ValueSchema {
    /// Scalars that a repeated field may carry packed.
    var isPackable: Bool {
        switch self {
        case .integer, .boolean, .number: true
        default: false
        }
    }

    var packedWireType: ProtobufWireType {
        if case .number = self { return .fixed64 }
        return .varint
    }

    var protobufTypeName: String {
        switch self {
        case .string: "string"
        case .integer(let format): format.rawValue
        case .number: "double"
        case .boolean: "bool"
        case .array: "repeated field"
        case .map: "map"
        case .reference: "message"
        }
    }

    /// The value of a map entry whose value field is absent.
    var zero: JSONValue {
        switch self {
        case .string: .string("")
        case .integer: .integer(0)
        case .number: .number(0)
        case .boolean: .bool(false)
        default: .object([:])
        }
    }
}

extension JSONValue {
    /// `""`, `0` or `false`.
    var isZeroScalar: Bool {
        switch self {
        case .string(let s): s.isEmpty
        case .integer(let i): i == 0
        case .number(let d): d == 0
        case .bool(let b): !b
        default: false
        }
    }
}
