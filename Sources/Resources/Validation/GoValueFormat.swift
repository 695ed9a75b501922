/// Prints bad values the way Kubernetes' field errors print them, so that messages match
/// `kubectl` output byte for byte: strings with Go's `%q`, maps and slices with Go's `%#v`.
public enum GoValueFormat {
    /// Go's `%q`: double-quoted with Go escapes (`"my name"`, `"tab\there"`).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.properties.generalCategory == .control
                            || scalar.properties.generalCategory == .format
                            || scalar.properties.generalCategory == .unassigned {
                    out += scalar.value <= 0xFFFF ? "\\u" + hex(scalar.value, width: 4) : "\\U" + hex(scalar.value, width: 8)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Go's `%#v` of a `map[string]string`: `map[string]string{"app":"web", "tier":"db"}`, keys sorted.
    public static func stringMap(_ map: [String: String]) -> String {
        let items = map.keys.sorted().map { "\(quote($0)):\(quote(map[$0]!))" }
        return "map[string]string{" + items.joined(separator: ", ") + "}"
    }

    /// Go's `%#v` of a `[]string`: `[]string{"a", "b"}` (`[]string(nil)` when nil).
    public static func stringSlice(_ values: [String]?) -> String {
        guard let values else { return "[]string(nil)" }
        return "[]string{" + values.map(quote).joined(separator: ", ") + "}"
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

extension FieldError {
    /// `Invalid value: "text": detail` — the string is quoted as Kubernetes quotes it.
    public static func invalid(_ field: FieldPath, quoting value: String, _ detail: String) -> FieldError {
        FieldError(.invalid, field, value: GoValueFormat.quote(value), detail)
    }

    /// `Unsupported value: "text": supported values: "a", "b"`.
    public static func notSupported(_ field: FieldPath, quoting value: String, supported: [String]) -> FieldError {
        notSupported(field, GoValueFormat.quote(value), supported: supported)
    }

    /// `Duplicate value: "text"`.
    public static func duplicate(_ field: FieldPath, quoting value: String) -> FieldError {
        duplicate(field, GoValueFormat.quote(value))
    }

    /// `Too long: may not be more than N bytes`.
    public static func tooLong(_ field: FieldPath, maxBytes: Int) -> FieldError {
        FieldError(.tooLong, field, "may not be more than \(maxBytes) \(maxBytes == 1 ? "byte" : "bytes")")
    }

    /// `Invalid value: "text": field is immutable`.
    public static func immutable(_ field: FieldPath, _ printedValue: String) -> FieldError {
        FieldError(.invalid, field, value: printedValue, FieldError.immutableMessage)
    }

    /// Kubernetes' `FieldImmutableErrorMsg`.
    public static let immutableMessage = "field is immutable"
}
