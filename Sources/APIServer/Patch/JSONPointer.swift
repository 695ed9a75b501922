/// A JSON pointer (RFC 6901): `""` is the whole document, `/a/0/b~1c` walks member `a`,
/// element 0, member `b/c`. `~1` stands for `/` and `~0` for `~`.
struct JSONPointer: Sendable, Equatable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first.
    let tokens: [String]
    /// The pointer as written, for error messages.
    let description: String

    /// Parses `text`; throws for text that neither is empty nor starts with `/`, and for a `~`
    /// not followed by `0` or `1`.
    init(_ text: String) throws(PatchError) {
        description = text
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else {
            throw PatchError("invalid JSON pointer \"\(text)\": it must be empty or start with \"/\"")
        }
        var parsed: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = Self.unescape(raw) else {
                throw PatchError("invalid JSON pointer \"\(text)\": \"~\" must be followed by \"0\" or \"1\"")
            }
            parsed.append(token)
        }
        tokens = parsed
    }

    /// Whether this pointer names a location strictly inside the value `other` names.
    func isProperlyInside(_ other: JSONPointer) -> Bool {
        tokens.count > other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }

    private static func unescape(_ raw: Substring) -> String? {
        guard raw.contains("~") else { return String(raw) }
        var token = ""
        var iterator = raw.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                token.append(character)
                continue
            }
            switch iterator.next() {
            case "0": token.append("~")
            case "1": token.append("/")
            default: return nil
            }
        }
        return token
    }

    /// The array index a token denotes for an array of `count` elements: a decimal without
    /// leading zeros below `count`, or up to `count` itself when `allowingEnd` (where `-` also
    /// means `count`, the position after the last element). Nil when out of bounds or malformed.
    static func arrayIndex(_ token: String, count: Int, allowingEnd: Bool) -> Int? {
        if token == "-" { return allowingEnd ? count : nil }
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            token == "0" || !token.hasPrefix("0"), let index = Int(token)
        else { return nil }
        return index < count || (allowingEnd && index == count) ? index : nil
    }
}
