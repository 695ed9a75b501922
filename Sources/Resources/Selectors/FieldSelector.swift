/// A field selector as Kubernetes evaluates it (`fields.Selector`): `field=value`,
/// `field==value` and `field!=value` terms ANDed, parsed from `?fieldSelector=` with
/// `fields.ParseSelector` rules — terms split on unescaped commas and sorted; in values `\`
/// escapes `\`, `,` and `=`. A field absent from the object's field set reads as "".
public struct FieldSelector: Hashable, Sendable, CustomStringConvertible {
    /// One term.
    public struct Requirement: Hashable, Sendable, CustomStringConvertible {
        public enum Operator: String, Hashable, Sendable {
            case equals = "="
            case notEquals = "!="
        }

        public var field: String
        public var `operator`: Operator
        /// The unescaped value.
        public var value: String

        public init(field: String, operator op: Operator, value: String) {
            self.field = field
            self.operator = op
            self.value = value
        }

        public func matches(_ fields: [String: String]) -> Bool {
            let actual = fields[field] ?? ""
            return self.operator == .equals ? actual == value : actual != value
        }

        /// `field=value` with the value escaped again.
        public var description: String { field + self.operator.rawValue + FieldSelector.escape(value) }
    }

    public var requirements: [Requirement]

    public init(_ requirements: [Requirement] = []) { self.requirements = requirements }

    /// Matches everything.
    public static let everything = FieldSelector()

    /// `field=value` for each entry, sorted by field.
    public init(matching set: [String: String]) {
        self.init(set.keys.sorted().map { Requirement(field: $0, operator: .equals, value: set[$0]!) })
    }

    public var isEmpty: Bool { requirements.isEmpty }

    public func matches(_ fields: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(fields) }
    }

    /// The value `field` must equal, if the selector pins it (`RequiresExactMatch`).
    public func requiredValue(for field: String) -> String? {
        requirements.first { $0.field == field && $0.operator == .equals }?.value
    }

    public var description: String { requirements.map(\.description).joined(separator: ",") }

    /// Parses `metadata.name=foo,status.phase!=Running`. Empty terms are skipped.
    public init(parsing text: String) throws(SelectorParseError) {
        var terms: [(text: Substring, position: Int)] = []
        for term in FieldSelector.splitTerms(text) where !term.text.isEmpty {
            terms.append(term)
        }
        terms.sort { $0.text < $1.text }
        var requirements: [Requirement] = []
        for term in terms {
            guard let (lhs, op, rhs, opOffset) = FieldSelector.splitTerm(term.text) else {
                throw SelectorParseError("invalid selector: '\(text)'; can't understand '\(term.text)'", position: term.position)
            }
            let value: String
            do {
                value = try FieldSelector.unescape(rhs)
            } catch {
                throw SelectorParseError(error.message, position: term.position + opOffset + op.utf8.count + error.position)
            }
            requirements.append(Requirement(field: String(lhs), operator: op == "!=" ? .notEquals : .equals, value: value))
        }
        self.init(requirements)
    }

    // MARK: Escaping (fields.EscapeValue / UnescapeValue)

    /// Escapes `\`, `,` and `=` with a backslash.
    public static func escape(_ value: String) -> String {
        var out = ""
        for c in value {
            if c == "\\" || c == "," || c == "=" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Reverses `escape`; rejects other escapes and bare `,` or `=`.
    public static func unescape(_ value: Substring) throws(SelectorParseError) -> String {
        var out = ""
        var inSlash = false
        var offset = 0
        for c in value {
            defer { offset += c.utf8.count }
            if inSlash {
                guard c == "\\" || c == "," || c == "=" else {
                    throw SelectorParseError("invalid field selector: invalid escape sequence: \\\(c)", position: offset - 1)
                }
                out.append(c)
                inSlash = false
                continue
            }
            switch c {
            case "\\": inSlash = true
            case ",", "=":
                throw SelectorParseError("invalid field selector: unescaped character in value: \(c.unicodeScalars.first!.value)", position: offset)
            default: out.append(c)
            }
        }
        if inSlash {
            throw SelectorParseError("invalid field selector: invalid escape sequence: \\", position: offset - 1)
        }
        return out
    }

    /// Splits on commas not preceded by an escaping backslash, with each term's byte offset.
    static func splitTerms(_ text: String) -> [(text: Substring, position: Int)] {
        if text.isEmpty { return [] }
        var terms: [(Substring, Int)] = []
        var start = text.startIndex
        var startOffset = 0
        var offset = 0
        var inSlash = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if inSlash {
                inSlash = false
            } else if c == "\\" {
                inSlash = true
            } else if c == "," {
                terms.append((text[start..<i], startOffset))
                start = text.index(after: i)
                startOffset = offset + 1
            }
            offset += c.utf8.count
            i = text.index(after: i)
        }
        terms.append((text[start...], startOffset))
        return terms
    }

    /// The first `!=`, `==` or `=` in the term (in that preference at each position).
    static func splitTerm(_ term: Substring) -> (Substring, String, Substring, Int)? {
        var i = term.startIndex
        var offset = 0
        while i < term.endIndex {
            let rest = term[i...]
            for op in ["!=", "==", "="] where rest.hasPrefix(op) {
                return (term[..<i], op, rest.dropFirst(op.count), offset)
            }
            offset += term[i].utf8.count
            i = term.index(after: i)
        }
        return nil
    }
}
