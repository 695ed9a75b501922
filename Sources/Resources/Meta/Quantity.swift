/// resource.Quantity: a fixed-point amount such as `500m`, `1Gi`, `1e3` or `0.5`.
///
/// A quantity keeps the text it was written with (so objects round-trip byte for byte) and,
/// when that text is well formed, its exact value. Equality, hashing and ordering are by value:
/// `1000m == 1`, `1Gi > 1G`. `canonical` is the form Kubernetes prints (`0.5` → `500m`,
/// `1.5Gi` → `1536Mi`, `1e3` stays `1e3`).
///
/// Representation: the value as a signed count of nano-units (10⁻⁹) in an `Int128`, plus the
/// suffix family it was written in (`Format`). Kubernetes never keeps more than nine decimal
/// places (finer values round up, away from zero, as it does), and Int128 nano-units reach
/// ±1.7·10²⁹ — far beyond the ±2⁶³ Kubernetes promises to hold. Text whose value lies beyond
/// that range is rejected as too large rather than silently capped (binary-suffixed values are
/// capped at 2⁶³−1, as Kubernetes caps them).
///
/// Decoding is lenient: a malformed quantity decodes (so validation can report it with its
/// field path, see `Quantity.validate(_:)`), has `isValid == false`, compares equal only to the
/// same text, and sorts before every valid quantity. Parsing, comparison, arithmetic and the
/// canonical form live in `Quantity+Arithmetic.swift`.
public struct Quantity: Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The suffix family a quantity was written in; the canonical form keeps it.
    public enum Format: String, Hashable, Sendable {
        /// `12e6`
        case decimalExponent = "DecimalExponent"
        /// `12Mi` (12 · 2²⁰)
        case binarySI = "BinarySI"
        /// `12M` (12 · 10⁶), and plain numbers
        case decimalSI = "DecimalSI"
    }

    /// The exact value of a well-formed quantity.
    struct Amount: Hashable, Sendable {
        /// The value in units of 10⁻⁹.
        var nanos: Int128
        var format: Format
    }

    /// The text as written (or, for a computed quantity, its canonical form).
    public var text: String {
        didSet { amount = try? Quantity.parse(text) }
    }

    /// The parsed value; nil when `text` is not a valid quantity.
    private(set) var amount: Amount?

    /// Keeps `text` as written, valid or not; see `init(parsing:)` to reject bad syntax.
    public init(_ text: String) {
        self.text = text
        self.amount = try? Quantity.parse(text)
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// Parses `text`, throwing the same error Kubernetes reports for malformed quantities.
    public init(parsing text: String) throws(QuantityParseError) {
        self.amount = try Quantity.parse(text)
        self.text = text
    }

    /// A computed quantity; its text is its canonical form.
    init(amount: Amount) {
        self.amount = amount
        self.text = Quantity.canonicalText(of: amount)
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            // Kubernetes trims surrounding whitespace when unmarshalling.
            self.init(s.trimmingQuantityWhitespace())
        } else if let i = try? c.decode(Int64.self) {
            self.init(String(i))
        } else {
            let d = try c.decode(Double.self)
            self.init(JSONValue.format(d))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

extension Quantity: Hashable {
    /// By value when both are valid (`1000m == 1`); by text otherwise.
    public static func == (a: Quantity, b: Quantity) -> Bool {
        switch (a.amount, b.amount) {
        case let (x?, y?): x.nanos == y.nanos
        case (nil, nil): a.text == b.text
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        if let amount {
            hasher.combine(amount.nanos)
        } else {
            hasher.combine(text)
        }
    }
}

/// Why a text is not a quantity; the descriptions are Kubernetes' own messages.
public enum QuantityParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text does not have the shape `<signedNumber><suffix>`.
    case formatWrong
    /// The numeric part could not be read.
    case numeric
    /// The suffix is not one of the known suffixes nor an exponent.
    case suffix
    /// The value is beyond what Capstan represents (±1.7·10²⁹).
    case outOfRange

    /// The pattern Kubernetes quotes in its format error.
    public static let pattern = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$"

    public var description: String {
        switch self {
        case .formatWrong: "quantities must match the regular expression '\(Self.pattern)'"
        case .numeric: "unable to parse numeric part of quantity"
        case .suffix: "unable to parse quantity's suffix"
        case .outOfRange: "quantity is too large"
        }
    }
}

extension String {
    fileprivate func trimmingQuantityWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
