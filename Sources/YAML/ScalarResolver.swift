import Foundation
import Resources

/// Turns scalar text into a value the way Kubernetes tooling does: sigs.k8s.io/yaml decodes
/// with its go-yaml v2 fork, whose resolver is YAML 1.1 flavoured (`yes`/`on`/`y` are booleans,
/// `0777` is octal, `_` separates digits) and which then converts the result to JSON.
///
/// Contracts:
/// - Only plain (unquoted, untagged) scalars are resolved; quoted and block scalars are strings.
/// - An explicit standard tag (`!!str`, `!!int`, …) resolves the text and requires the result to
///   fit the tag (`!!float` accepts integers); a non-standard or non-specific tag leaves a string.
/// - Timestamps stay strings (go-yaml v2 keeps them as text when decoding into `interface{}`).
enum ScalarResolver {
    /// A resolved scalar before it is narrowed to JSON.
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case int(Int64)
        /// Above `Int64.max`: go-yaml yields a `uint64`.
        case uint(UInt64)
        case float(Double)
        case string(String)

        var tagName: String {
            switch self {
            case .null: "!!null"
            case .bool: "!!bool"
            case .int, .uint: "!!int"
            case .float: "!!float"
            case .string: "!!str"
            }
        }
    }

    static let tagPrefix = "tag:yaml.org,2002:"

    /// The value of a scalar with the given tag (as libyaml reports it, handles expanded), and
    /// whether it was written plain. Throws a message for a tag the text does not fit.
    static func resolve(_ text: String, tag: String?, plain: Bool) throws(ScalarResolutionError) -> Resolved {
        guard let tag else { return plain ? resolvePlain(text) : .string(text) }
        guard tag.hasPrefix(tagPrefix) else { return .string(text) }
        let name = String(tag.dropFirst(tagPrefix.count))
        switch name {
        case "str":
            return .string(text)
        case "binary":
            return .string(try canonicalBase64(text))
        case "timestamp":
            return .string(text)
        case "null", "bool", "int", "float":
            let resolved = resolvePlain(text)
            switch (name, resolved) {
            case ("null", .null), ("bool", .bool), ("int", .int), ("int", .uint), ("float", .float):
                return resolved
            case ("float", .int(let i)):
                return .float(Double(i))
            case ("float", .uint(let u)):
                return .float(Double(u))
            default:
                throw ScalarResolutionError(message: "cannot decode \(resolved.tagName) `\(text)` as a !!\(name)")
            }
        default:
            return .string(text)
        }
    }

    /// The JSON value of a resolved scalar. JSON has no infinities or NaN: like sigs.k8s.io/yaml
    /// (whose JSON marshalling fails on them) they are an error, not a silent null.
    static func json(_ resolved: Resolved, text: String) throws(ScalarResolutionError) -> JSONValue {
        switch resolved {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .integer(i)
        case .uint(let u): return .number(Double(u))
        case .float(let d):
            guard d.isFinite else { throw ScalarResolutionError(message: "`\(text)` is not representable in JSON (no infinity or NaN); quote it to keep a string") }
            return .number(d)
        case .string(let s): return .string(s)
        }
    }

    /// The string a resolved map key becomes, as sigs.k8s.io/yaml converts keys for JSON:
    /// integers in decimal, floats in Go's `%g` at float32 precision, booleans as `true`/`false`.
    /// A null key has no JSON form.
    static func keyString(_ resolved: Resolved) -> String? {
        switch resolved {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .float(let d): return GoFloatFormat.float32Shortest(d)
        case .string(let s): return s
        }
    }

    /// The key string of a value reached through an alias; nil for null, sequences and mappings.
    static func keyString(_ value: JSONValue) -> String? {
        switch value {
        case .bool(let b): return keyString(Resolved.bool(b))
        case .integer(let i): return keyString(Resolved.int(i))
        case .number(let d): return keyString(Resolved.float(d))
        case .string(let s): return s
        case .null, .array, .object: return nil
        }
    }

    // MARK: - Plain scalars

    private static let exactForms: [String: Resolved] = {
        var table: [String: Resolved] = [:]
        for s in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { table[s] = .bool(true) }
        for s in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { table[s] = .bool(false) }
        for s in ["", "~", "null", "Null", "NULL"] { table[s] = .null }
        for s in [".nan", ".NaN", ".NAN"] { table[s] = .float(.nan) }
        for s in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { table[s] = .float(.infinity) }
        for s in ["-.inf", "-.Inf", "-.INF"] { table[s] = .float(-.infinity) }
        return table
    }()

    /// Resolves an untagged plain scalar. The first character decides which forms are tried,
    /// as in go-yaml v2: only a sign, a digit or `.` can start a number, and only the letters
    /// of the boolean and null words (and `~`) can start one of those.
    static func resolvePlain(_ text: String) -> Resolved {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return exactForms[text] ?? .string(text)
        case UInt8(ascii: "."):
            if let exact = exactForms[text] { return exact }
            // Go's ParseFloat on the raw text: only `.digits` with an optional exponent.
            if isYAMLStyleFloat(Array(text.utf8)), let d = Double(text), d.isFinite { return .float(d) }
            return .string(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let exact = exactForms[text] { return exact }
            return resolveNumber(text)
        default:
            return .string(text)
        }
    }

    /// Integer (Go `ParseInt(_, 0, 64)`, then `ParseUint`) or float, after removing every `_`.
    private static func resolveNumber(_ text: String) -> Resolved {
        let plain = Array(text.utf8.filter { $0 != UInt8(ascii: "_") })
        if let i = parseGoInt(plain) { return .int(i) }
        if let u = parseGoUint(plain[...]) { return .uint(u) }
        if isYAMLStyleFloat(plain), let d = Double(String(decoding: plain, as: UTF8.self)), d.isFinite {
            // An out-of-range float is an error for Go's ParseFloat, so the text stays a string.
            return .float(d)
        }
        return .string(text)
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`: optional sign, then `0x`/`0o`/`0b` prefixes or a
    /// leading `0` for octal; nil on a syntax error or overflow.
    private static func parseGoInt(_ bytes: [UInt8]) -> Int64? {
        var body = bytes[...]
        var negative = false
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard let magnitude = parseGoUint(body) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// Go's `strconv.ParseUint(s, 0, 64)` (no sign accepted).
    private static func parseGoUint(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty else { return nil }
        var digits = bytes
        var radix: UInt64 = 10
        if bytes.first == UInt8(ascii: "0") {
            let second = bytes.count >= 3 ? bytes[bytes.startIndex + 1] | 0x20 : 0
            switch second {
            case UInt8(ascii: "b"): radix = 2; digits = bytes.dropFirst(2)
            case UInt8(ascii: "o"): radix = 8; digits = bytes.dropFirst(2)
            case UInt8(ascii: "x"): radix = 16; digits = bytes.dropFirst(2)
            default: radix = 8; digits = bytes.dropFirst()
            }
        }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }

    /// go-yaml v2's float pattern: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        func isDigit(_ k: Int) -> Bool { k < n && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9") }
        if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        } else {
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
            if i < n, bytes[i] == UInt8(ascii: ".") {
                i += 1
                while isDigit(i) { i += 1 }
            }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == n
    }

    /// `!!binary` content with its line breaks and spaces removed, checked to be base64. JSON has
    /// no bytes, and Kubernetes writes `[]byte` fields (Secret `data`) as base64 text, so the
    /// text is kept rather than decoded: the same bytes arrive when a typed field decodes it.
    private static func canonicalBase64(_ text: String) throws(ScalarResolutionError) -> String {
        let compact = String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        guard Data(base64Encoded: compact) != nil else {
            throw ScalarResolutionError(message: "!!binary value is not valid base64")
        }
        return compact
    }
}

/// A scalar whose text does not fit its tag or has no JSON form; the caller adds the location.
struct ScalarResolutionError: Error {
    var message: String
}
