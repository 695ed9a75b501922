/// The string-format checks of k8s.io/apimachinery/pkg/util/validation (and its `content`
/// package): DNS names, label keys and values, port names, environment variable names,
/// config keys, port numbers and percentages.
///
/// Each check returns Kubernetes' exact messages, empty when the value is valid. Lengths are
/// counted in UTF-8 bytes, as Go's `len` counts them. Messages follow upstream at the time of
/// writing: label keys and values (the `content` package) say "bytes", DNS names say
/// "characters".
public enum NameValidation {
    // MARK: Limits

    public static let dns1123LabelMaxLength = 63
    public static let dns1123SubdomainMaxLength = 253
    public static let dns1035LabelMaxLength = 63
    public static let labelValueMaxLength = 63
    public static let labelKeyNameMaxLength = 63
    public static let portNameMaxLength = 15

    // MARK: Formats, as quoted in messages

    static let dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123SubdomainFormat = dns1123LabelFormat + "(\\." + dns1123LabelFormat + ")*"
    static let dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?"
    static let labelKeyFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelValueFormat = "(" + labelKeyFormat + ")?"
    static let envVarNameFormat = "[-._a-zA-Z][-._a-zA-Z0-9]*"
    static let configMapKeyFormat = "[-._a-zA-Z0-9]+"
    static let cIdentifierFormat = "[A-Za-z_][A-Za-z0-9_]*"
    static let percentFormat = "[0-9]+%"

    // MARK: DNS names

    /// IsDNS1123Label: at most 63 characters of `[a-z0-9-]`, starting and ending alphanumeric.
    public static func dns1123Label(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1123LabelMaxLength { errs.append(maxLenError(dns1123LabelMaxLength)) }
        if !isDNS1123Label(value.utf8) {
            if isDNS1123Subdomain(value) {
                errs.append("must not contain dots")
            } else {
                errs.append(regexError(
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                    dns1123LabelFormat, "my-name", "123-abc"))
            }
        }
        return errs
    }

    /// IsDNS1123Subdomain: at most 253 characters of dot-separated RFC 1123 labels.
    public static func dns1123Subdomain(_ value: String) -> [String] {
        dns1123Subdomain(value, lengthUnit: "characters")
    }

    static func dns1123Subdomain(_ value: String, lengthUnit: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1123SubdomainMaxLength {
            errs.append(maxLenError(dns1123SubdomainMaxLength, unit: lengthUnit))
        }
        if !isDNS1123Subdomain(value) {
            errs.append(regexError(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                dns1123SubdomainFormat, "example.com"))
        }
        return errs
    }

    /// IsDNS1035Label: like an RFC 1123 label, but starting with a letter.
    public static func dns1035Label(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1035LabelMaxLength { errs.append(maxLenError(dns1035LabelMaxLength)) }
        let b = value.utf8
        if !(isDNS1123Label(b) && isLowerLetter(b.first!)) {
            errs.append(regexError(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                dns1035LabelFormat, "my-name", "abc-123"))
        }
        return errs
    }

    // MARK: Labels

    /// IsQualifiedName / IsLabelKey: `[prefix/]name`, the prefix a DNS subdomain, the name at
    /// most 63 bytes of `[-A-Za-z0-9_.]` starting and ending alphanumeric.
    public static func qualifiedName(_ value: String) -> [String] {
        var errs: [String] = []
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errs.append("prefix part must be non-empty")
            } else {
                errs += dns1123Subdomain(String(prefix), lengthUnit: "bytes").map { "prefix part " + $0 }
            }
        default:
            return ["a valid label key " + regexError(labelKeyMessage, labelKeyFormat, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errs.append("name part must be non-empty")
        } else if name.utf8.count > labelKeyNameMaxLength {
            errs.append("name part " + maxLenError(labelKeyNameMaxLength, unit: "bytes"))
        }
        if !isLabelKeyName(name.utf8) {
            errs.append("name part " + regexError(labelKeyMessage, labelKeyFormat, "MyName", "my.name", "123-abc"))
        }
        return errs
    }

    private static let labelKeyMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

    /// IsValidLabelValue: empty, or at most 63 bytes shaped like a label key's name part.
    public static func labelValue(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > labelValueMaxLength { errs.append(maxLenError(labelValueMaxLength, unit: "bytes")) }
        if !value.isEmpty && !isLabelKeyName(value.utf8) {
            errs.append(regexError(
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                labelValueFormat, "MyValue", "my_value", "12345"))
        }
        return errs
    }

    // MARK: Ports

    /// IsValidPortNum: 1 through 65535.
    public static func portNumber(_ port: Int) -> [String] {
        (1...65535).contains(port) ? [] : [inclusiveRangeError(1, 65535)]
    }

    /// IsValidPortName (IANA_SVC_NAME): at most 15 of `[-a-z0-9]`, a letter, no `--`, no edge hyphen.
    public static func portName(_ port: String) -> [String] {
        var errs: [String] = []
        let b = port.utf8
        if b.count > portNameMaxLength { errs.append(maxLenError(portNameMaxLength)) }
        if b.isEmpty || !b.allSatisfy({ isLowerLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) {
            errs.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if !b.contains(where: isLowerLetter) { errs.append("must contain at least one letter (a-z)") }
        if port.contains("--") { errs.append("must not contain consecutive hyphens") }
        if let first = b.first, let last = b.last, first == UInt8(ascii: "-") || last == UInt8(ascii: "-") {
            errs.append("must not begin or end with a hyphen")
        }
        return errs
    }

    // MARK: Other names

    /// IsEnvVarName: `[-._a-zA-Z][-._a-zA-Z0-9]*`, and not `.`, `..` or `..`-prefixed.
    public static func envVarName(_ value: String) -> [String] {
        var errs: [String] = []
        let b = value.utf8
        let ok = !b.isEmpty && !isDigit(b.first!) && b.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
        if !ok {
            errs.append(regexError(
                "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
                envVarNameFormat, "my.env-name", "MY_ENV.NAME", "MyEnvName1"))
        }
        return errs + chdirPrefixErrors(value)
    }

    /// IsConfigMapKey: at most 253 of `[-._a-zA-Z0-9]`, and not `.`, `..` or `..`-prefixed.
    public static func configMapKey(_ value: String) -> [String] {
        var errs: [String] = []
        let b = value.utf8
        if b.count > dns1123SubdomainMaxLength { errs.append(maxLenError(dns1123SubdomainMaxLength)) }
        if b.isEmpty || !b.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }) {
            errs.append(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                                   configMapKeyFormat, "key.name", "KEY_NAME", "key-name"))
        }
        return errs + chdirPrefixErrors(value)
    }

    /// IsCIdentifier: `[A-Za-z_][A-Za-z0-9_]*`.
    public static func cIdentifier(_ value: String) -> [String] {
        let b = value.utf8
        if let first = b.first, !isDigit(first), b.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) {
            return []
        }
        return [regexError("a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'",
                           cIdentifierFormat, "my_name", "MY_NAME", "MyName")]
    }

    /// IsValidPercent: digits followed by `%`.
    public static func percent(_ value: String) -> [String] {
        let b = Array(value.utf8)
        if b.count >= 2, b.last == UInt8(ascii: "%"), b.dropLast().allSatisfy(isDigit) { return [] }
        return [regexError("a valid percent string must be a numeric string followed by an ending '%'", percentFormat, "1%", "93%")]
    }

    // MARK: Message builders (validation.go)

    /// `must be no more than 63 characters`.
    public static func maxLenError(_ length: Int, unit: String = "characters") -> String {
        "must be no more than \(length) \(unit)"
    }

    /// `<msg> (e.g. 'a',  or 'b', regex used for validation is '<format>')` — the double space is upstream's.
    public static func regexError(_ message: String, _ format: String, _ examples: String...) -> String {
        if examples.isEmpty { return message + " (regex used for validation is '" + format + "')" }
        var msg = message + " (e.g. "
        for (i, example) in examples.enumerated() {
            if i > 0 { msg += " or " }
            msg += "'" + example + "', "
        }
        return msg + "regex used for validation is '" + format + "')"
    }

    /// `must be between 1 and 65535, inclusive`.
    public static func inclusiveRangeError(_ lo: Int, _ hi: Int) -> String {
        "must be between \(lo) and \(hi), inclusive"
    }

    // MARK: Character classes

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    static func isLowerLetter(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }
    static func isLetter(_ c: UInt8) -> Bool { isLowerLetter(c) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) }
    static func isLowerAlphanumeric(_ c: UInt8) -> Bool { isLowerLetter(c) || isDigit(c) }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    static func isDNS1123Label<C: Collection>(_ b: C) -> Bool where C.Element == UInt8 {
        guard let first = b.first else { return false }
        var last = first
        for c in b {
            guard isLowerAlphanumeric(c) || c == UInt8(ascii: "-") else { return false }
            last = c
        }
        return isLowerAlphanumeric(first) && isLowerAlphanumeric(last)
    }

    static func isDNS1123Subdomain(_ value: String) -> Bool {
        value.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { isDNS1123Label($0) }
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
    static func isLabelKeyName<C: Collection>(_ b: C) -> Bool where C.Element == UInt8 {
        guard let first = b.first else { return false }
        var last = first
        for c in b {
            guard isLetter(c) || isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") else { return false }
            last = c
        }
        let alnum = { (c: UInt8) in isLetter(c) || isDigit(c) }
        return alnum(first) && alnum(last)
    }

    private static func chdirPrefixErrors(_ value: String) -> [String] {
        if value == "." { return ["must not be '.'"] }
        if value == ".." { return ["must not be '..'"] }
        if value.hasPrefix("..") { return ["must not start with '..'"] }
        return []
    }
}
