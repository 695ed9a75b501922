/// resource.Quantity: a fixed-point amount such as `500m`, `1Gi`, `1e3` or `0.5`.
///
/// Decodes from a JSON string or number; encodes as its text. Parsing, comparison,
/// arithmetic and the canonical form live in `Quantity+Arithmetic.swift`.
public struct Quantity: Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The text as written.
    public var text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { self.text = value }
    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            text = s
        } else if let i = try? c.decode(Int64.self) {
            text = String(i)
        } else {
            let d = try c.decode(Double.self)
            text = JSONValue.format(d)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

extension Quantity: Hashable {
    public static func == (a: Quantity, b: Quantity) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
