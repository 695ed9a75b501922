// Parsing, canonical form, ordering and arithmetic of `Quantity`, following
// k8s.io/apimachinery/pkg/api/resource (quantity.go, suffix.go, amount.go).
//
// Grammar (as Kubernetes documents it):
//   <quantity>        ::= <signedNumber><suffix>
//   <signedNumber>    ::= <number> | <sign><number>
//   <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
//   <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
//   <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
//   <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E
//   <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>
// Like Kubernetes' scanner, a bare sign or a bare "." reads as zero and "1." as one.

extension Quantity {
    /// 10⁹: nano-units per unit.
    static let nanosPerUnit: Int128 = 1_000_000_000
    /// Kubernetes caps binary-suffixed quantities at the largest Int64 (in units).
    static let maxBinaryNanos: Int128 = Int128(Int64.max) * nanosPerUnit

    // MARK: Validation

    /// Kubernetes' error for `text` if it is not a quantity, nil if it is.
    public static func validate(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    /// Whether `text` parsed as a quantity.
    public var isValid: Bool { amount != nil }

    /// The suffix family, nil for a malformed quantity.
    public var format: Format? { amount?.format }

    // MARK: Construction

    /// `value` units, printed in `format` (`Quantity(value: 1024, format: .binarySI)` is `1Ki`).
    public init(value: Int64, format: Format = .decimalSI) {
        self.init(amount: Amount(nanos: Int128(value) * Quantity.nanosPerUnit, format: format))
    }

    /// `milliValue` thousandths of a unit (`Quantity(milliValue: 500)` is `500m`).
    public init(milliValue: Int64, format: Format = .decimalSI) {
        self.init(amount: Amount(nanos: Int128(milliValue) * 1_000_000, format: format))
    }

    /// `nanoValue` billionths of a unit.
    public init(nanoValue: Int128, format: Format = .decimalSI) {
        self.init(amount: Amount(nanos: nanoValue, format: format))
    }

    // MARK: Reading the value

    /// The exact value in units of 10⁻⁹; nil for a malformed quantity.
    public var nanoValue: Int128? { amount?.nanos }

    /// The value in whole units, rounded away from zero (`Quantity.Value()`); 0 if malformed.
    /// Clamped to the Int64 range.
    public var value: Int64 { scaledValue(unitNanos: Quantity.nanosPerUnit) }

    /// The value in thousandths, rounded away from zero (`Quantity.MilliValue()`); 0 if malformed.
    /// Clamped to the Int64 range.
    public var milliValue: Int64 { scaledValue(unitNanos: 1_000_000) }

    /// Whether the value is zero (a malformed quantity counts as zero).
    public var isZero: Bool { (amount?.nanos ?? 0) == 0 }

    /// -1, 0 or 1.
    public var sign: Int { Int(amount?.nanos.signum() ?? 0) }

    private func scaledValue(unitNanos: Int128) -> Int64 {
        guard let nanos = amount?.nanos else { return 0 }
        var (q, r) = nanos.quotientAndRemainder(dividingBy: unitNanos)
        if r != 0 { q += nanos > 0 ? 1 : -1 }
        return Int64(clamping: q)
    }

    // MARK: Canonical form

    /// The form Kubernetes prints: no fraction, the largest suffix of the quantity's family
    /// that keeps the value exact (`1000m` → `1`, `1.5Gi` → `1536Mi`, `0.5` → `500m`, `1e3` → `1e3`).
    /// A malformed quantity's canonical form is its text.
    public var canonical: String {
        guard let amount else { return text }
        return Quantity.canonicalText(of: amount)
    }

    static func canonicalText(of amount: Amount) -> String {
        if amount.nanos == 0 { return "0" }
        let negative = amount.nanos < 0
        let magnitude = amount.nanos.magnitude
        let sign = negative ? "-" : ""

        if amount.format == .binarySI, magnitude >= 1024 * UInt128(nanosPerUnit),
           magnitude % UInt128(nanosPerUnit) == 0 {
            var units = magnitude / UInt128(nanosPerUnit)
            var exponent = 0
            while units % 1024 == 0 { units /= 1024; exponent += 1 }
            let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
            // Beyond Ei (unreachable from parsed text, which is capped): stay in Ei.
            while exponent > 6 { units *= 1024; exponent -= 1 }
            return sign + String(units) + suffixes[exponent]
        }
        // Binary values below 1Ki or with a fraction print as decimal SI, as in Kubernetes.
        var mantissa = magnitude
        var exponent = -9
        while mantissa % 10 == 0 { mantissa /= 10; exponent += 1 }
        while exponent % 3 != 0 { mantissa *= 10; exponent -= 1 }
        if amount.format == .decimalExponent {
            return sign + String(mantissa) + (exponent == 0 ? "" : "e\(exponent)")
        }
        // Kubernetes drops the suffix above E (1000E would print "1"); keep the value exact instead.
        var digits = String(mantissa)
        if exponent > 18 {
            digits += String(repeating: "0", count: exponent - 18)
            exponent = 18
        }
        let suffix = switch exponent {
        case -9: "n"
        case -6: "u"
        case -3: "m"
        case 3: "k"
        case 6: "M"
        case 9: "G"
        case 12: "T"
        case 15: "P"
        case 18: "E"
        default: ""
        }
        return sign + digits + suffix
    }

    // MARK: Parsing

    /// Parses Kubernetes quantity syntax into an exact amount.
    static func parse(_ text: String) throws(QuantityParseError) -> Amount {
        let b = Array(text.utf8)
        guard !b.isEmpty else { throw .formatWrong }
        let scan = try scan(b)

        let (base, exponent, suffixFormat) = try interpretSuffix(scan.suffix)

        // Significant digits of num.denom and their power of ten.
        var digits = scan.integerDigits + scan.fractionDigits
        var scale = -scan.fractionDigits.count
        if let firstNonZero = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) {
            digits.removeFirst(firstNonZero)
        } else {
            digits.removeAll()
        }
        while let last = digits.last, last == UInt8(ascii: "0") {
            digits.removeLast()
            scale += 1
        }

        var nanos: Int128
        if base == 10 {
            nanos = try toNanos(digits: digits, powerOfTen: scale + exponent)
        } else {
            nanos = try binaryToNanos(digits: digits, powerOfTen: scale, powerOfTwo: exponent)
        }
        var format = suffixFormat
        if format == .binarySI {
            nanos = min(nanos, maxBinaryNanos)
            // Non-zero binary values below one are printed as decimal SI.
            if nanos > 0 && nanos < nanosPerUnit { format = .decimalSI }
        }
        return Amount(nanos: scan.negative ? -nanos : nanos, format: format)
    }

    private struct Scan {
        var negative = false
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var suffix: [UInt8] = []
    }

    /// Splits sign, number and suffix the way `parseQuantityString` does.
    private static func scan(_ b: [UInt8]) throws(QuantityParseError) -> Scan {
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        var s = Scan()
        var pos = 0
        if b[0] == UInt8(ascii: "-") {
            s.negative = true
            pos += 1
        } else if b[0] == UInt8(ascii: "+") {
            pos += 1
        }
        while pos < b.count, isDigit(b[pos]) { s.integerDigits.append(b[pos]); pos += 1 }
        if pos < b.count, b[pos] == UInt8(ascii: ".") {
            pos += 1
            while pos < b.count, isDigit(b[pos]) { s.fractionDigits.append(b[pos]); pos += 1 }
        }
        let suffixStart = pos
        let suffixLetters = Set("eEinumkKMGTP".utf8)
        while pos < b.count, suffixLetters.contains(b[pos]) { pos += 1 }
        if pos < b.count, b[pos] == UInt8(ascii: "-") || b[pos] == UInt8(ascii: "+") { pos += 1 }
        while pos < b.count, isDigit(b[pos]) { pos += 1 }
        guard pos == b.count else { throw .formatWrong }
        s.suffix = Array(b[suffixStart...])
        return s
    }

    /// (base, exponent, format) for a suffix, as `suffixHandler.interpret`.
    private static func interpretSuffix(_ suffix: [UInt8]) throws(QuantityParseError) -> (Int, Int, Format) {
        switch String(decoding: suffix, as: UTF8.self) {
        case "": return (10, 0, .decimalSI)
        case "n": return (10, -9, .decimalSI)
        case "u": return (10, -6, .decimalSI)
        case "m": return (10, -3, .decimalSI)
        case "k": return (10, 3, .decimalSI)
        case "M": return (10, 6, .decimalSI)
        case "G": return (10, 9, .decimalSI)
        case "T": return (10, 12, .decimalSI)
        case "P": return (10, 15, .decimalSI)
        case "E": return (10, 18, .decimalSI)
        case "Ki": return (2, 10, .binarySI)
        case "Mi": return (2, 20, .binarySI)
        case "Gi": return (2, 30, .binarySI)
        case "Ti": return (2, 40, .binarySI)
        case "Pi": return (2, 50, .binarySI)
        case "Ei": return (2, 60, .binarySI)
        case let s where s.count > 1 && (s.hasPrefix("e") || s.hasPrefix("E")):
            guard let e = Int32(s.dropFirst()) else { throw .suffix }
            return (10, Int(e), .decimalExponent)
        default:
            throw .suffix
        }
    }

    /// digits · 10^powerOfTen in nano-units, rounding a finer remainder up (away from zero).
    private static func toNanos(digits: [UInt8], powerOfTen: Int) throws(QuantityParseError) -> Int128 {
        if digits.isEmpty { return 0 }
        let shift = powerOfTen + 9
        if shift >= 0 {
            guard shift < 39 else { throw .outOfRange }
            var n = try integer(digits)
            for _ in 0..<shift {
                let (m, overflow) = n.multipliedReportingOverflow(by: 10)
                guard !overflow else { throw .outOfRange }
                n = m
            }
            return n
        }
        let keep = digits.count + shift
        if keep <= 0 { return 1 } // non-zero, finer than a nano-unit: rounds up to 1n
        // Trailing zeros were stripped, so the dropped digits are non-zero: round up.
        let kept = try integer(Array(digits[..<keep]))
        let (n, overflow) = kept.addingReportingOverflow(1)
        guard !overflow else { throw .outOfRange }
        return n
    }

    /// digits · 10^powerOfTen · 2^powerOfTwo in nano-units, rounded up; saturates at the
    /// binary cap when too large.
    private static func binaryToNanos(digits: [UInt8], powerOfTen: Int, powerOfTwo: Int) throws(QuantityParseError) -> Int128 {
        if digits.isEmpty { return 0 }
        // A value of 2^63 units or more is capped anyway.
        guard digits.count + powerOfTen + 9 <= 38 else { return maxBinaryNanos }
        var n = try integer(digits)
        for _ in 0..<powerOfTwo {
            let (m, overflow) = n.multipliedReportingOverflow(by: 2)
            if overflow {
                // n·2^k ≥ 1.7·10³⁸, so the value is ≥ 1.7·10^(38+powerOfTen) units.
                guard powerOfTen >= -19 else { throw .outOfRange }
                return maxBinaryNanos
            }
            n = m
        }
        let shift = powerOfTen + 9
        if shift >= 0 {
            for _ in 0..<shift {
                let (m, overflow) = n.multipliedReportingOverflow(by: 10)
                if overflow { return maxBinaryNanos }
                n = m
            }
            return n
        }
        var divisor: Int128 = 1
        for _ in 0 ..< -shift {
            let (m, overflow) = divisor.multipliedReportingOverflow(by: 10)
            if overflow { return 1 } // n < 10^38 < divisor: a positive value finer than 1n
            divisor = m
        }
        let (q, r) = n.quotientAndRemainder(dividingBy: divisor)
        return r == 0 ? q : q + 1
    }

    private static func integer(_ digits: [UInt8]) throws(QuantityParseError) -> Int128 {
        var n: Int128 = 0
        for d in digits {
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int128(d - UInt8(ascii: "0")))
            guard !o1, !o2 else { throw .outOfRange }
            n = s
        }
        return n
    }
}

// MARK: Ordering and arithmetic

extension Quantity: Comparable {
    /// By value; malformed quantities sort before all valid ones, by text.
    public static func < (a: Quantity, b: Quantity) -> Bool {
        switch (a.amount, b.amount) {
        case let (x?, y?): x.nanos < y.nanos
        case (nil, nil): a.text < b.text
        case (nil, _?): true
        case (_?, nil): false
        }
    }
}

extension Quantity {
    /// The sum, in the left operand's format (the right's when the left is zero), as
    /// `Quantity.Add`. A malformed operand counts as zero. Saturates at the representable range.
    public static func + (a: Quantity, b: Quantity) -> Quantity {
        combine(a, b) { $0.addingReportingOverflow($1) }
    }

    /// The difference, formatted as `+` formats. A malformed operand counts as zero.
    public static func - (a: Quantity, b: Quantity) -> Quantity {
        combine(a, b) { $0.subtractingReportingOverflow($1) }
    }

    public static func += (a: inout Quantity, b: Quantity) { a = a + b }
    public static func -= (a: inout Quantity, b: Quantity) { a = a - b }

    /// The negated value, same format.
    public static prefix func - (q: Quantity) -> Quantity {
        guard let amount = q.amount else { return q }
        return Quantity(amount: Amount(nanos: 0 - amount.nanos, format: amount.format))
    }

    /// Zero, printed as `0`.
    public static let zero = Quantity(amount: Amount(nanos: 0, format: .decimalSI))

    private static func combine(
        _ a: Quantity, _ b: Quantity,
        _ op: (Int128, Int128) -> (partialValue: Int128, overflow: Bool)
    ) -> Quantity {
        let x = a.amount ?? Amount(nanos: 0, format: .decimalSI)
        let y = b.amount ?? Amount(nanos: 0, format: .decimalSI)
        let format = x.nanos == 0 ? y.format : x.format
        var (nanos, overflow) = op(x.nanos, y.nanos)
        if overflow { nanos = x.nanos < 0 ? .min + 1 : .max }
        return Quantity(amount: Amount(nanos: nanos, format: format))
    }
}
