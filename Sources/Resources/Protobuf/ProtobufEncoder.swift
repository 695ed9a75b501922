import Foundation

/// Encodes the JSON form of an object as its Kubernetes protobuf message, driven by the same
/// schema and field numbers as `ProtobufDecoder`. Fields are written in field-number order,
/// repeated fields unpacked and map entries sorted by key, as upstream's generated code does.
/// Members without a field number (unknown fields the JSON form keeps) have no protobuf form
/// and are left out.
public enum ProtobufEncoder {
    public static func encode(_ value: JSONValue, as type: any SchemaDescribing.Type) throws(ProtobufError) -> [UInt8] {
        var path: [String] = []
        return try encodeValue(value, type: type, path: &path)
    }

    /// A list (`PodList`, …): `metadata` (ListMeta) is field 1 and `items` field 2 in every
    /// upstream list message.
    public static func encodeList(
        _ list: JSONValue, itemType: any SchemaDescribing.Type
    ) throws(ProtobufError) -> [UInt8] {
        var writer = ProtobufWriter()
        var path = ["metadata"]
        if let metadata = list["metadata"] {
            writer.field(1, bytes: try encodeValue(metadata, type: ListMeta.self, path: &path))
        }
        for (index, item) in (list["items"]?.arrayValue ?? []).enumerated() {
            path = ["items[\(index)]"]
            writer.field(2, bytes: try encodeValue(item, type: itemType, path: &path))
        }
        return writer.bytes
    }

    static func encodeValue(_ value: JSONValue, type: any SchemaDescribing.Type, path: inout [String]) throws(ProtobufError) -> [UInt8] {
        let schema = type.schema
        var writer = ProtobufWriter()
        switch schema.shape {
        case .object(let properties):
            guard let message = type as? any ProtobufMessage.Type else {
                throw ProtobufError(path: path, message: "\(schema.definitionName ?? "this type") has no protobuf message")
            }
            guard case .object(let members) = value else { throw ProtobufError(path: path, message: "expected an object") }
            try encodeMembers(members, properties: properties, fields: message.protobufFields, writer: &writer, path: &path)
        case .quantity:
            writer.field(1, string: value.stringValue ?? value.int64Value.map(String.init) ?? "0")
        case .intOrString:
            if let s = value.stringValue {
                writer.field(1, varint: 1)
                writer.field(3, string: s)
            } else if let i = value.int64Value {
                writer.field(1, varint: 0)
                writer.field(2, varint: UInt64(bitPattern: i))
            } else {
                throw ProtobufError(path: path, message: "expected an integer or a string")
            }
        case .dateTime:
            guard let text = value.stringValue, let time = Time(rfc3339: text) else {
                throw ProtobufError(path: path, message: "expected an RFC 3339 time")
            }
            let seconds = time.secondsSince1970.rounded(.down)
            writer.field(1, varint: UInt64(bitPattern: Int64(seconds)))
            let nanos = Int64(((time.secondsSince1970 - seconds) * 1e9).rounded())
            if type == MicroTime.self, nanos > 0 { writer.field(2, varint: UInt64(nanos / 1000 * 1000)) }
        case .freeForm:
            writer.field(1, bytes: value.serializedBytes())
        }
        return writer.bytes
    }

    /// The members `fields` number, in field-number order; an inlined message is always
    /// written, as upstream writes an embedded struct.
    static func encodeMembers(
        _ members: [String: JSONValue], properties: [PropertySchema], fields: ProtobufFields,
        writer: inout ProtobufWriter, path: inout [String]
    ) throws(ProtobufError) {
        for (name, field) in fields.ordered {
            if let inlined = field.inlined {
                var embedded = ProtobufWriter()
                try encodeMembers(members, properties: properties, fields: inlined, writer: &embedded, path: &path)
                writer.field(field.number, bytes: embedded.bytes)
                continue
            }
            guard let member = members[name], !member.isNull,
                  let property = properties.first(where: { $0.name == name }) else { continue }
            path.append(name)
            defer { path.removeLast() }
            try encodeMember(member, property.value, field: field, writer: &writer, path: &path)
        }
    }

    static func encodeMember(
        _ value: JSONValue, _ schema: ValueSchema, field: ProtobufField, writer: inout ProtobufWriter, path: inout [String]
    ) throws(ProtobufError) {
        switch schema {
        case .array(let element):
            guard case .array(let items) = value else { throw ProtobufError(path: path, message: "expected an array") }
            let name = path.removeLast()
            defer { path.append(name) }
            for (index, item) in items.enumerated() {
                path.append("\(name)[\(index)]")
                defer { path.removeLast() }
                try encodeMember(item, element, field: field, writer: &writer, path: &path)
            }
        case .map(let valueSchema):
            guard case .object(let entries) = value else { throw ProtobufError(path: path, message: "expected an object") }
            for (key, entryValue) in entries.sorted(by: { $0.key < $1.key }) {
                var entry = ProtobufWriter()
                entry.field(1, string: key)
                path.append(key)
                defer { path.removeLast() }
                try encodeMember(entryValue, valueSchema, field: ProtobufField(number: 2, isBytes: field.isBytes),
                                 writer: &entry, path: &path)
                writer.field(field.number, bytes: entry.bytes)
            }
        case .reference(let type):
            writer.field(field.number, bytes: try encodeValue(value, type: type, path: &path))
        case .string:
            guard let s = value.stringValue else { throw ProtobufError(path: path, message: "expected a string") }
            if field.isBytes {
                guard let data = Data(base64Encoded: s) else { throw ProtobufError(path: path, message: "expected base64 data") }
                writer.field(field.number, bytes: Array(data))
            } else {
                writer.field(field.number, string: s)
            }
        case .integer:
            guard let i = value.int64Value else { throw ProtobufError(path: path, message: "expected an integer") }
            writer.field(field.number, varint: UInt64(bitPattern: i))
        case .boolean:
            guard let b = value.boolValue else { throw ProtobufError(path: path, message: "expected a boolean") }
            writer.field(field.number, varint: b ? 1 : 0)
        case .number:
            let number: Double? = switch value {
            case .number(let d): d
            case .integer(let i): Double(i)
            default: nil
            }
            guard let d = number else { throw ProtobufError(path: path, message: "expected a number") }
            writer.tag(field.number, .fixed64)
            writer.fixed64(d.bitPattern)
        }
    }
}
