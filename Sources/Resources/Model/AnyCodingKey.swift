/// A coding key made from any string: the key type of every `@APIObject` container.
public struct AnyCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int?

    public init(_ string: String) { self.stringValue = string }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
    public init(stringLiteral value: String) { self.stringValue = value }
}

extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Every member not in `declared`, decoded as a JSON value.
    public func decodeUnknownFields(declared: Set<String>) throws -> [String: JSONValue] {
        var unknown: [String: JSONValue] = [:]
        for key in allKeys where !declared.contains(key.stringValue) {
            unknown[key.stringValue] = try decode(JSONValue.self, forKey: key)
        }
        return unknown
    }
}

extension KeyedEncodingContainer where Key == AnyCodingKey {
    /// Writes back the members a decode kept but did not understand, in key order.
    public mutating func encodeUnknownFields(_ fields: [String: JSONValue]) throws {
        guard !fields.isEmpty, !UnknownFieldsEncoding.omitted else { return }
        for key in fields.keys.sorted() {
            try encode(fields[key]!, forKey: AnyCodingKey(key))
        }
    }
}

/// Whether encoding drops the members a decode kept but did not understand, as the API
/// server prunes unknown fields before it persists an object. Scoped to a task with
/// `UnknownFieldsEncoding.$omitted.withValue(true) { … }`; off by default.
public enum UnknownFieldsEncoding {
    @TaskLocal public static var omitted = false
}

/// An array index as `JSONDecoder` and `JSONEncoder` name it in coding paths: `Index N`, with
/// `N` as its integer value.
struct JSONIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
