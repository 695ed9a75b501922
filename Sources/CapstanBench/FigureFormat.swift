/// How the benchmark prints numbers.
enum FigureFormat {
    /// Two decimals below 100, whole numbers from 100 up.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if abs(value) >= 100 { return String(Int(value.rounded())) }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A ratio with three significant digits (0.00123x, 1.23x, 123x), so small ratios stay readable.
    static func ratio(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return "-" }
        if value >= 100 { return String(Int(value.rounded())) + "x" }
        var digits = 2
        var scaled = value
        while scaled < 10, digits < 8 {
            scaled *= 10
            digits += 1
        }
        digits = max(digits - 1, 0)
        let factor = pow10(digits)
        let rounded = (value * factor).rounded() / factor
        return trimmed(rounded, digits: digits) + "x"
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    private static func trimmed(_ value: Double, digits: Int) -> String {
        let scaled = Int((value * pow10(digits)).rounded())
        let whole = scaled / Int(pow10(digits))
        var fraction = String(scaled % Int(pow10(digits)))
        while fraction.count < digits { fraction = "0" + fraction }
        return digits == 0 ? String(whole) : "\(whole).\(fraction)"
    }

    static func mebibytes(_ bytes: Int) -> Double {
        Double(bytes) / 1_048_576
    }
}
