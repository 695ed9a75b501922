/// Decodes a `JSONValue` tree straight into a `Decodable` value, without writing it out as
/// text for `JSONDecoder` to parse again. It follows `JSONDecoder`'s rules, so a type decodes
/// alike from either: `null` or a missing key is nil for `decodeIfPresent`; integers accept
/// integral numbers in range (`3.0`, `1e3`); a number does not decode as a string, nor 0/1
/// as a boolean; type mismatches name the expected type and the coding path, with array
/// indices as integer keys. One difference: a number out of the type's range says so, at
/// its path, where `JSONDecoder` reports only "not valid JSON".
struct JSONValueDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: []))
    }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw DecodingError.mismatch([String: Any].self, value, codingPath)
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw DecodingError.mismatch([Any].self, value, codingPath)
        }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let value = try member(key)
        return try Scalars.decode(type, from: value, codingPath: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = members[key.stringValue], !value.isNull else { return nil }
        return try Scalars.decode(type, from: value, codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try member(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: members["super"] ?? .null, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private func next<T>(_ type: T.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [JSONIndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try next(JSONValue.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try Scalars.decode(type, from: try next(type), codingPath: codingPath + [JSONIndexKey(currentIndex)])
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try ValueDecoder(value: try next(JSONValue.self), codingPath: codingPath + [JSONIndexKey(currentIndex)])
            .container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try ValueDecoder(value: try next(JSONValue.self), codingPath: codingPath + [JSONIndexKey(currentIndex)])
            .unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = ValueDecoder(value: try next(JSONValue.self), codingPath: codingPath + [JSONIndexKey(currentIndex)])
        currentIndex += 1
        return decoder
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try Scalars.decode(type, from: value, codingPath: codingPath)
    }
}

/// The scalar types decode here, by their JSON kind; everything else through its own
/// `init(from:)`. A `JSONValue` member is the value itself.
private enum Scalars {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, codingPath: [any CodingKey]) throws -> T {
        // Metatype comparisons, not casts: they are pointer compares on the hot path.
        if T.self == JSONValue.self { return unsafeBitCast(value, to: T.self) }
        if value.isNull, !(T.self is any OptionalDecoding.Type) {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath, debugDescription: "Expected \(type) value but found null instead."))
        }
        if T.self == String.self {
            guard case .string(let s) = value else { throw DecodingError.mismatch(type, value, codingPath) }
            return unsafeBitCast(s, to: T.self)
        }
        if T.self == Bool.self {
            guard case .bool(let b) = value else { throw DecodingError.mismatch(type, value, codingPath) }
            return unsafeBitCast(b, to: T.self)
        }
        if T.self == Int32.self { return unsafeBitCast(try integer(value, Int32.self, codingPath), to: T.self) }
        if T.self == Int64.self { return unsafeBitCast(try integer(value, Int64.self, codingPath), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(value, Int.self, codingPath), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try double(value, type, codingPath), to: T.self) }
        switch T.self {
        case is Float.Type: return Float(try double(value, type, codingPath)) as! T
        case is Int16.Type: return try integer(value, Int16.self, codingPath) as! T
        case is Int8.Type: return try integer(value, Int8.self, codingPath) as! T
        case is UInt.Type: return try integer(value, UInt.self, codingPath) as! T
        case is UInt64.Type: return try integer(value, UInt64.self, codingPath) as! T
        case is UInt32.Type: return try integer(value, UInt32.self, codingPath) as! T
        case is UInt16.Type: return try integer(value, UInt16.self, codingPath) as! T
        case is UInt8.Type: return try integer(value, UInt8.self, codingPath) as! T
        default: return try T(from: ValueDecoder(value: value, codingPath: codingPath))
        }
    }

    static func double(_ value: JSONValue, _ type: Any.Type, _ codingPath: [any CodingKey]) throws -> Double {
        switch value {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        default: throw DecodingError.mismatch(type, value, codingPath)
        }
    }

    static func integer<I: FixedWidthInteger>(_ value: JSONValue, _ type: I.Type, _ codingPath: [any CodingKey]) throws -> I {
        switch value {
        case .integer(let i):
            guard let exact = I(exactly: i) else { throw outOfRange(i, type, codingPath) }
            return exact
        case .number(let d):
            guard let exact = I(exactly: d) else { throw outOfRange(d, type, codingPath) }
            return exact
        default:
            throw DecodingError.mismatch(type, value, codingPath)
        }
    }

    static func outOfRange(_ number: Any, _ type: Any.Type, _ codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(DecodingError.Context(
            codingPath: codingPath, debugDescription: "Number \(number) is not representable in \(type)."))
    }
}

/// Optionals decode `null` as nil instead of failing.
private protocol OptionalDecoding {}
extension Optional: OptionalDecoding {}

extension DecodingError {
    /// `JSONDecoder`'s type mismatch: "Expected to decode Int32 but found a string instead."
    fileprivate static func mismatch(_ type: Any.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
        let found = switch value {
        case .null: "null"
        case .bool: "bool"
        case .integer, .number: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
        return .typeMismatch(type, Context(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(found) instead."))
    }
}
