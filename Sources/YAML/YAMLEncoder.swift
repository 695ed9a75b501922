import Resources

/// Writes JSON values (and typed values, through them) as block-style YAML the way kubectl's
/// `-o yaml` prints objects: keys sorted, two-space indent, sequences under a key not indented
/// (`containers:` then `- name: x`), empty collections as `{}` and `[]`.
///
/// Contracts:
/// - Parsing the output with `YAMLDecoder` gives back the same value. Strings that would read
///   back as something else (`"true"`, `"yes"`, `"1.0"`, `"0x1F"`, `"null"`, `""`, `"~"`,
///   timestamps) are double-quoted; strings with line breaks are literal blocks (`|`); libyaml
///   quotes whatever plain style cannot carry (`: `, ` #`, leading indicators and spaces).
/// - Floats always carry a `.` or an exponent so they read back as floats. JSON has no infinity
///   or NaN; a `.number` holding one is written as `null`, as `JSONValue.serialized()` writes it.
/// - Documents after the first are preceded by `---`.
public struct YAMLEncoder: Sendable {
    public init() {}

    /// One document.
    public func emit(_ value: JSONValue) -> String {
        emit(documents: [value])
    }

    /// A stream of documents separated by `---`.
    public func emit(documents: [JSONValue]) -> String {
        let emitter = LibYAMLEmitter()
        emitter.streamStart()
        for document in documents {
            emitter.documentStart()
            emitNode(document, into: emitter)
            emitter.documentEnd()
        }
        emitter.streamEnd()
        return emitter.output
    }

    /// One typed value (any `Encodable`, usually an API kind), through its JSON value.
    public func encode<T: Encodable>(_ value: T) throws -> String {
        emit(try JSONValue(encoding: value))
    }

    /// Typed values as a multi-document stream.
    public func encodeAll<T: Encodable>(_ values: [T]) throws -> String {
        emit(documents: try values.map { try JSONValue(encoding: $0) })
    }

    private func emitNode(_ value: JSONValue, into emitter: LibYAMLEmitter) {
        switch value {
        case .null:
            emitter.scalar("null", style: .plain)
        case .bool(let b):
            emitter.scalar(b ? "true" : "false", style: .plain)
        case .integer(let i):
            emitter.scalar(String(i), style: .plain)
        case .number(let d):
            emitter.scalar(Self.floatText(d), style: .plain)
        case .string(let s):
            emitter.scalar(s, style: Self.style(for: s, isKey: false))
        case .array(let elements):
            emitter.sequenceStart(flow: elements.isEmpty)
            for element in elements { emitNode(element, into: emitter) }
            emitter.sequenceEnd()
        case .object(let members):
            emitter.mappingStart(flow: members.isEmpty)
            for key in members.keys.sorted() {
                emitter.scalar(key, style: Self.style(for: key, isKey: true))
                emitNode(members[key]!, into: emitter)
            }
            emitter.mappingEnd()
        }
    }

    /// The style asked of libyaml for a string; libyaml may still pick a quoted style when the
    /// asked one cannot carry the text.
    static func style(for string: String, isKey: Bool) -> LibYAMLEmitter.ScalarStyle {
        if !isKey && string.contains("\n") { return .literal }
        return readsBackAsOtherThanItself(string) ? .doubleQuoted : .plain
    }

    /// Whether a plain scalar with this text would not read back as this string, here or in
    /// a YAML 1.1 reader (timestamps, base-60 numbers) — go-yaml v2 quotes those too.
    static func readsBackAsOtherThanItself(_ string: String) -> Bool {
        if ScalarResolver.resolvePlain(string) != .string(string) || string == "<<" { return true }
        let bytes = Array(string.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        // Timestamp-like: `YYYY-…`.
        if bytes.count >= 5, bytes[0..<4].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") { return true }
        // Base-60 (`1:20`, `-1:30:00.5`): digits and colons, optionally signed.
        var body = bytes[...]
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { body = body.dropFirst() }
        if let first = body.first, isDigit(first), body.contains(UInt8(ascii: ":")),
           body.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") })
        {
            return true
        }
        return false
    }

    /// A float's text that resolves back to the same float: Swift's shortest round-trip form,
    /// which always has a `.` or an exponent (`1.0`, `0.25`, `1e+20`).
    static func floatText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let text = d.description
        return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
    }
}
