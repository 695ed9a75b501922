// The `?labelSelector=` syntax, parsed as k8s.io/apimachinery/pkg/labels.Parse does:
//
//   <selector-syntax>         ::= <requirement> | <requirement> "," <selector-syntax>
//   <requirement>             ::= [!] KEY [ <set-based-restriction> | <exact-match-restriction> ]
//   <set-based-restriction>   ::= "" | <inclusion-exclusion> <value-set>
//   <inclusion-exclusion>     ::= "in" | "notin"
//   <value-set>               ::= "(" <values> ")"
//   <values>                  ::= VALUE | VALUE "," <values>
//   <exact-match-restriction> ::= ["="|"=="|"!="|">"|"<"] VALUE
//
// Whitespace separates tokens; `in`/`notin` are keywords only where an operator may stand.

/// Why a label selector string did not parse: Kubernetes' message and the byte offset of the
/// token it concerns.
public struct SelectorParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Kubernetes' message (`unable to parse requirement: found '', expected: ')'`).
    public var message: String
    /// Byte offset into the selector string.
    public var position: Int

    public init(_ message: String, position: Int) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(message) (at position \(position))" }
}

extension Selector {
    /// Parses the string syntax kubectl sends (`app=web,tier!=db`, `env in (prod, staging)`,
    /// `!release`, `x>1`). An empty string is the everything selector.
    public init(parsing text: String) throws(SelectorParseError) {
        var parser = SelectorParser(tokens: SelectorLexer.tokens(of: text))
        self.init(try parser.parse())
    }
}

/// One lexical token with the byte offset where it starts.
struct SelectorToken {
    enum Kind: Equatable {
        case error, endOfString, closedPar, comma, doesNotExist, doubleEquals, equals
        case greaterThan, identifier, `in`, lessThan, notEquals, notIn, openPar
    }
    var kind: Kind
    var literal: String
    var position: Int
}

/// labels.Lexer: splits a selector into identifiers, keywords and operator symbols.
enum SelectorLexer {
    static let keywords: [String: SelectorToken.Kind] = [
        ")": .closedPar, ",": .comma, "!": .doesNotExist, "==": .doubleEquals, "=": .equals,
        ">": .greaterThan, "in": .in, "<": .lessThan, "!=": .notEquals, "notin": .notIn, "(": .openPar,
    ]

    static func isWhitespace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
    }

    static func isSpecialSymbol(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: ","), UInt8(ascii: ">"), UInt8(ascii: "<"):
            true
        default:
            false
        }
    }

    /// All tokens, ending with `.endOfString`.
    static func tokens(of text: String) -> [SelectorToken] {
        let b = Array(text.utf8)
        var pos = 0
        var out: [SelectorToken] = []
        while true {
            while pos < b.count, isWhitespace(b[pos]) { pos += 1 }
            let start = pos
            if pos >= b.count || b[pos] == 0 {
                out.append(SelectorToken(kind: .endOfString, literal: "", position: start))
                return out
            }
            if isSpecialSymbol(b[pos]) {
                // Longest run of symbols that is still a known operator.
                var buffer: [UInt8] = []
                var last: (SelectorToken.Kind, Int)?
                var i = pos
                while i < b.count, isSpecialSymbol(b[i]) {
                    buffer.append(b[i])
                    if let kind = keywords[String(decoding: buffer, as: UTF8.self)] {
                        last = (kind, i + 1)
                    } else if last != nil {
                        break
                    }
                    i += 1
                }
                guard let (kind, end) = last else {
                    let found = String(decoding: buffer, as: UTF8.self)
                    out.append(SelectorToken(kind: .error, literal: "error expected: keyword found '\(found)'", position: start))
                    pos = i
                    continue
                }
                out.append(SelectorToken(kind: kind, literal: String(decoding: b[pos..<end], as: UTF8.self), position: start))
                pos = end
            } else {
                while pos < b.count, b[pos] != 0, !isSpecialSymbol(b[pos]), !isWhitespace(b[pos]) { pos += 1 }
                let literal = String(decoding: b[start..<pos], as: UTF8.self)
                out.append(SelectorToken(kind: keywords[literal] ?? .identifier, literal: literal, position: start))
            }
        }
    }
}

/// labels.Parser: recursive descent over the token list.
struct SelectorParser {
    /// Where `in`/`notin` are keywords (`KeyAndOperator`) or plain identifiers (`Values`).
    enum Context { case keyAndOperator, values }

    var tokens: [SelectorToken]
    var index = 0

    init(tokens: [SelectorToken]) { self.tokens = tokens }

    func lookahead(_ context: Context) -> SelectorToken {
        Self.contextual(tokens[index], context)
    }

    mutating func consume(_ context: Context) -> SelectorToken {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return Self.contextual(t, context)
    }

    static func contextual(_ t: SelectorToken, _ context: Context) -> SelectorToken {
        var t = t
        if context == .values, t.kind == .in || t.kind == .notIn { t.kind = .identifier }
        return t
    }

    mutating func parse() throws(SelectorParseError) -> [Selector.Requirement] {
        var requirements: [Selector.Requirement] = []
        while true {
            let t = lookahead(.values)
            switch t.kind {
            case .identifier, .doesNotExist:
                do {
                    requirements.append(try parseRequirement())
                } catch {
                    throw SelectorParseError("unable to parse requirement: " + error.message, position: error.position)
                }
                let next = consume(.values)
                switch next.kind {
                case .endOfString:
                    return requirements
                case .comma:
                    let after = lookahead(.values)
                    if after.kind != .identifier && after.kind != .doesNotExist {
                        throw SelectorParseError("found '\(after.literal)', expected: identifier after ','", position: after.position)
                    }
                default:
                    throw SelectorParseError("found '\(next.literal)', expected: ',' or 'end of string'", position: next.position)
                }
            case .endOfString:
                return requirements
            default:
                throw SelectorParseError("found '\(t.literal)', expected: !, identifier, or 'end of string'", position: t.position)
            }
        }
    }

    mutating func parseRequirement() throws(SelectorParseError) -> Selector.Requirement {
        let keyStart = tokens[index].position
        let (key, inferred) = try parseKeyAndInferOperator()
        let op: Selector.Operator
        let values: [String]
        if let inferred {
            op = inferred
            values = []
        } else {
            op = try parseOperator()
            switch op {
            case .in, .notIn: values = try parseValues()
            default: values = try parseExactValue()
            }
        }
        do {
            return try Selector.Requirement(key: key, operator: op, values: values)
        } catch {
            throw SelectorParseError(error.description, position: keyStart)
        }
    }

    /// The key, and `exists`/`doesNotExist` when no binary operator follows.
    mutating func parseKeyAndInferOperator() throws(SelectorParseError) -> (String, Selector.Operator?) {
        var op: Selector.Operator?
        var t = consume(.values)
        if t.kind == .doesNotExist {
            op = .doesNotExist
            t = consume(.values)
        }
        guard t.kind == .identifier else {
            throw SelectorParseError("found '\(t.literal)', expected: identifier", position: t.position)
        }
        let keyErrors = NameValidation.qualifiedName(t.literal)
        if !keyErrors.isEmpty {
            throw SelectorParseError("invalid label key \(GoValueFormat.quote(t.literal)): " + keyErrors.joined(separator: "; "), position: t.position)
        }
        let next = lookahead(.values).kind
        if next == .endOfString || next == .comma {
            if op == nil { op = .exists }
        }
        return (t.literal, op)
    }

    mutating func parseOperator() throws(SelectorParseError) -> Selector.Operator {
        let t = consume(.keyAndOperator)
        switch t.kind {
        case .in: return .in
        case .equals: return .equals
        case .doubleEquals: return .doubleEquals
        case .greaterThan: return .greaterThan
        case .lessThan: return .lessThan
        case .notIn: return .notIn
        case .notEquals: return .notEquals
        default:
            throw SelectorParseError("found '\(t.literal)', expected: in, notin, =, ==, !=, gt, lt", position: t.position)
        }
    }

    /// `(a,b,c)`: sorted and de-duplicated; empty items are the empty value.
    mutating func parseValues() throws(SelectorParseError) -> [String] {
        let open = consume(.values)
        guard open.kind == .openPar else {
            throw SelectorParseError("found '\(open.literal)' expected: '('", position: open.position)
        }
        let t = lookahead(.values)
        switch t.kind {
        case .identifier, .comma:
            let values = try parseIdentifiersList()
            let close = consume(.values)
            guard close.kind == .closedPar else {
                throw SelectorParseError("found '\(t.literal)', expected: ')'", position: close.position)
            }
            return values
        case .closedPar:
            _ = consume(.values)
            return [""]
        default:
            throw SelectorParseError("found '\(t.literal)', expected: ',', ')' or identifier", position: t.position)
        }
    }

    mutating func parseIdentifiersList() throws(SelectorParseError) -> [String] {
        var set = Set<String>()
        while true {
            let t = consume(.values)
            switch t.kind {
            case .identifier:
                set.insert(t.literal)
                let next = lookahead(.values)
                switch next.kind {
                case .comma: continue
                case .closedPar: return set.sorted()
                default:
                    throw SelectorParseError("found '\(next.literal)', expected: ',' or ')'", position: next.position)
                }
            case .comma:
                if set.isEmpty { set.insert("") } // "(,"
                let next = lookahead(.values).kind
                if next == .closedPar {
                    set.insert("") // ",)"
                    return set.sorted()
                }
                if next == .comma { set.insert("") } // ",,"
            default:
                throw SelectorParseError("found '\(t.literal)', expected: ',', or identifier", position: t.position)
            }
        }
    }

    /// The single value of `=`, `==`, `!=`, `>`, `<`; empty when the requirement ends there.
    mutating func parseExactValue() throws(SelectorParseError) -> [String] {
        let next = lookahead(.values).kind
        if next == .endOfString || next == .comma { return [""] }
        let t = consume(.values)
        guard t.kind == .identifier else {
            throw SelectorParseError("found '\(t.literal)', expected: identifier", position: t.position)
        }
        return [t.literal]
    }
}
