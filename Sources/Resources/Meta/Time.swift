import Foundation

/// metav1.Time: an instant serialized as RFC 3339 in UTC with second precision
/// (`2024-05-01T12:00:00Z`). Parsing also accepts fractional seconds and offsets.
public struct Time: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since the Unix epoch.
    public var secondsSince1970: Double

    public init(secondsSince1970: Double) { self.secondsSince1970 = secondsSince1970 }
    public init(_ date: Date) { self.secondsSince1970 = date.timeIntervalSince1970 }

    public var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    /// Parses RFC 3339 (`2024-05-01T12:00:00Z`, `2024-05-01T12:00:00.123+02:00`).
    public init?(rfc3339 text: String) {
        guard let seconds = RFC3339.parse(text) else { return nil }
        self.secondsSince1970 = seconds
    }

    /// RFC 3339 in UTC, whole seconds, as metav1.Time marshals.
    public var rfc3339: String { RFC3339.format(secondsSince1970, fractionDigits: 0) }

    /// RFC 3339 in UTC with microseconds, as metav1.MicroTime marshals.
    public var rfc3339Micro: String { RFC3339.format(secondsSince1970, fractionDigits: 6) }

    public var description: String { rfc3339 }

    public static func < (a: Time, b: Time) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let t = Time(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid RFC 3339 time '\(text)'")
        }
        self = t
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rfc3339)
    }
}

/// metav1.MicroTime: like `Time`, with microsecond precision on the wire.
public struct MicroTime: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var time: Time
    public init(_ time: Time) { self.time = time }
    public var description: String { time.rfc3339Micro }
    public static func < (a: MicroTime, b: MicroTime) -> Bool { a.time < b.time }
    public init(from decoder: any Decoder) throws { self.time = try Time(from: decoder) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(time.rfc3339Micro)
    }
}

/// RFC 3339 text <-> seconds since the epoch, without locale or calendar machinery.
enum RFC3339 {
    static func parse(_ text: String) -> Double? {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for i in at..<at + n {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 20,
              let year = digits(0, 4), b[4] == UInt8(ascii: "-"),
              let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
              let day = digits(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              let hour = digits(11, 2), b[13] == UInt8(ascii: ":"),
              let minute = digits(14, 2), b[16] == UInt8(ascii: ":"),
              let second = digits(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = digits(i + 1, 2), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"), let om = digits(i + 4, 2) else { return nil }
            offset = sign * (oh * 3600 + om * 60)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86400 + hour * 3600 + minute * 60 + second - offset) + fraction
    }

    static func format(_ seconds: Double, fractionDigits: Int) -> String {
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86400 : (whole - 86399) / 86400
        let secOfDay = whole - days * 86400
        let (y, m, d) = civilFromDays(days)
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secOfDay / 3600, 2)):\(pad(secOfDay / 60 % 60, 2)):\(pad(secOfDay % 60, 2))"
        if fractionDigits > 0 {
            var scale = 1
            for _ in 0..<fractionDigits { scale *= 10 }
            let frac = min(scale - 1, Int(((seconds - Double(whole)) * Double(scale)).rounded()))
            out += "." + pad(frac, fractionDigits)
        }
        return out + "Z"
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
