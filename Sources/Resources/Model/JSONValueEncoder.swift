/// Encodes an `Encodable` value straight into a `JSONValue`, without writing text for the
/// parser to read back: the mirror of `JSONValueDecoder`. The result equals what
/// `JSONEncoder` followed by `JSONValue.parse` gives: integral doubles that fit 64 bits become
/// integers, as the parser reads them; non-finite numbers are refused, as `JSONEncoder`
/// refuses them.
struct JSONValueEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = ValueNode()
        try value.encode(to: ValueEncoder(node: root, codingPath: []))
        return root.value
    }
}

/// A value being built: containers hand out child nodes that they read back at the end, so
/// that a nested container written after it was handed out still lands in its parent.
private final class ValueNode {
    enum Content {
        case empty
        case value(JSONValue)
        case object([String: ValueNode])
        case array([ValueNode])
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .empty: .object([:])
        case .value(let value): value
        case .object(let members): .object(members.mapValues(\.value))
        case .array(let elements): .array(elements.map(\.value))
        }
    }

    func makeObject() {
        if case .object = content { return }
        content = .object([:])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func child(_ key: String) -> ValueNode {
        makeObject()
        guard case .object(var members) = content else { return ValueNode() }
        if let existing = members[key] { return existing }
        let node = ValueNode()
        members[key] = node
        content = .object(members)
        return node
    }

    func appended() -> ValueNode {
        makeArray()
        guard case .array(var elements) = content else { return ValueNode() }
        let node = ValueNode()
        elements.append(node)
        content = .array(elements)
        return node
    }

    var count: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }
}

private struct ValueEncoder: Encoder {
    let node: ValueNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ValueNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try Scalars.encode(value, into: node.child(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(node: node.child("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: ValueNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appended().content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        try Scalars.encode(value, into: node.appended(), codingPath: codingPath + [JSONIndexKey(index)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        return ValueEncoder(node: node.appended(), codingPath: codingPath + [JSONIndexKey(index)]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = count
        return ValueEncoder(node: node.appended(), codingPath: codingPath + [JSONIndexKey(index)]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let index = count
        return ValueEncoder(node: node.appended(), codingPath: codingPath + [JSONIndexKey(index)])
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: ValueNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try Scalars.encode(value, into: node, codingPath: codingPath)
    }
}

/// Scalars become values here (told apart by metatype comparison); everything else encodes
/// itself into the node.
private enum Scalars {
    static func encode<T: Encodable>(_ value: T, into node: ValueNode, codingPath: [any CodingKey]) throws {
        if T.self == JSONValue.self {
            node.content = .value(try textEquivalent(unsafeBitCast(value, to: JSONValue.self), codingPath))
            return
        }
        if T.self == String.self { node.content = .value(.string(unsafeBitCast(value, to: String.self))); return }
        if T.self == Bool.self { node.content = .value(.bool(unsafeBitCast(value, to: Bool.self))); return }
        if T.self == Int32.self { node.content = .value(.integer(Int64(unsafeBitCast(value, to: Int32.self)))); return }
        if T.self == Int64.self { node.content = .value(.integer(unsafeBitCast(value, to: Int64.self))); return }
        if T.self == Int.self { node.content = .value(.integer(Int64(unsafeBitCast(value, to: Int.self)))); return }
        if T.self == Double.self { node.content = .value(try number(unsafeBitCast(value, to: Double.self), codingPath)); return }
        switch value {
        case let f as Float: node.content = .value(try number(Double(f), codingPath))
        case let i as any FixedWidthInteger:
            guard let exact = Int64(exactly: i) else {
                node.content = .value(.number(Double(i)))
                return
            }
            node.content = .value(.integer(exact))
        default:
            try value.encode(to: ValueEncoder(node: node, codingPath: codingPath))
        }
    }

    /// A kept value as it reads back from text: integral doubles come back as integers.
    static func textEquivalent(_ value: JSONValue, _ codingPath: [any CodingKey]) throws -> JSONValue {
        switch value {
        case .number(let d): try number(d, codingPath)
        case .array(let elements) where elements.contains(where: \.holdsNumber):
            .array(try elements.map { try textEquivalent($0, codingPath) })
        case .object(let members) where members.values.contains(where: \.holdsNumber):
            .object(try members.mapValues { try textEquivalent($0, codingPath) })
        default: value
        }
    }

    /// A double as the parser would read `JSONEncoder`'s text of it.
    static func number(_ d: Double, _ codingPath: [any CodingKey]) throws -> JSONValue {
        guard d.isFinite else {
            throw EncodingError.invalidValue(d, EncodingError.Context(
                codingPath: codingPath, debugDescription: "Unable to encode Double.\(d) directly in JSON."))
        }
        if d == d.rounded(), let i = Int64(exactly: d) { return .integer(i) }
        return .number(d)
    }
}

extension JSONValue {
    /// Whether a double is anywhere in this value.
    fileprivate var holdsNumber: Bool {
        switch self {
        case .number: true
        case .array(let elements): elements.contains(where: \.holdsNumber)
        case .object(let members): members.values.contains(where: \.holdsNumber)
        default: false
        }
    }
}
