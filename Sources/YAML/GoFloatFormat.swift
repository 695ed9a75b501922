/// Go's `strconv.FormatFloat(x, 'g', -1, 32)`, the form sigs.k8s.io/yaml gives a float map key
/// (`1.5: a` → `"1.5"`, `1e7: a` → `"1e+07"`), with go-yaml's `.inf`/`-.inf`/`.nan` spellings.
enum GoFloatFormat {
    static func float32Shortest(_ value: Double) -> String {
        let f = Float(value)
        if f.isNaN { return ".nan" }
        if f.isInfinite { return f < 0 ? "-.inf" : ".inf" }
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        // Swift prints the shortest digits that round-trip a Float; take them apart.
        var text = Substring(f.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits = ""
        var pointPosition: Int? = nil
        for character in text {
            if character == "." { pointPosition = digits.count } else { digits.append(character) }
        }
        // digits × 10^(decimalPoint - digits.count), with `decimalPoint` as Go's `dp`.
        var decimalPoint = (pointPosition ?? digits.count) + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }

        let sign = f < 0 ? "-" : ""
        let exp = decimalPoint - 1
        if exp < -4 || exp >= 6 {
            // %e with the shortest mantissa: d.ddde±XX
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let magnitude = abs(exp)
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        // %f with exactly the significant digits.
        if decimalPoint <= 0 {
            return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits
        }
        if decimalPoint >= digits.count {
            return sign + digits + String(repeating: "0", count: decimalPoint - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
        return sign + digits[..<split] + "." + digits[split...]
    }
}
