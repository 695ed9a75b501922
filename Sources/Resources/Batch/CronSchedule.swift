import Foundation

/// A CronJob schedule, parsed and evaluated as Kubernetes does through robfig/cron v3's
/// standard parser: five fields (minute hour day-of-month month day-of-week), a macro such as
/// `@daily`, or `@every DURATION`.
///
/// Fire times follow robfig's walk forward through the schedule's time zone: a wall-clock time
/// that a daylight-saving jump skips does not fire that day, and one that a fall-back repeats
/// fires at both occurrences. Beyond robfig, day-of-week also accepts 7 for Sunday.
public struct CronSchedule: Sendable, Hashable {
    /// Why a schedule was rejected, naming the schedule and the offending field.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public let message: String
        /// The message without the schedule it is about, for a field error that names it.
        public let detail: String
        public var description: String { message }

        init(message: String, detail: String? = nil) {
            self.message = message
            self.detail = detail ?? message
        }
    }

    private enum Rule: Sendable, Hashable {
        case fields(Fields)
        case every(seconds: Int64)
    }

    private let rule: Rule

    private static let macros = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    /// Parses `spec`: five space-separated fields (minute hour day-of-month month day-of-week), or a macro.
    public init(_ spec: String) throws(CronSchedule.ParseError) {
        do throws(ParseError) {
            rule = try Self.rule(for: spec.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw ParseError(message: "invalid schedule \"\(spec)\": \(error.message)", detail: error.message)
        }
    }

    private static func rule(for spec: String) throws(ParseError) -> Rule {
        if spec.isEmpty { throw ParseError(message: "empty schedule") }
        if spec.hasPrefix("TZ=") || spec.hasPrefix("CRON_TZ=") {
            throw ParseError(message: "TZ and CRON_TZ are not supported in the schedule, use spec.timeZone instead")
        }
        if spec == "@every" || spec.hasPrefix("@every ") {
            return .every(seconds: try everySeconds(spec.dropFirst("@every".count).trimmingCharacters(in: .whitespaces)))
        }
        if spec.hasPrefix("@") {
            guard let expansion = macros[spec] else { throw ParseError(message: "unknown macro \"\(spec)\"") }
            return .fields(try Fields(expansion))
        }
        return .fields(try Fields(spec))
    }

    /// The first fire time strictly after `date`, evaluated in `timeZone`; nil when none exists within 5 years.
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        switch rule {
        case .every(let seconds):
            Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down) + TimeInterval(seconds))
        case .fields(let fields):
            fields.next(after: date, in: timeZone)
        }
    }

    /// The `@every` interval in whole seconds, at least one, from Go's duration syntax
    /// (`1h30m`, `90s`, `1.5h`), truncated to the second as robfig does.
    private static func everySeconds(_ text: String) throws(ParseError) -> Int64 {
        let nanoseconds: [Substring: Int64] = [
            "ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000,
            "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
        ]
        let invalid = ParseError(message: "@every: invalid duration \"\(text)\"")
        var rest = Substring(text)
        let negative = rest.first == "-"
        if rest.first == "-" || rest.first == "+" { rest.removeFirst() }
        if rest == "0" { return 1 }
        if rest.isEmpty { throw invalid }
        var total: Int64 = 0
        while !rest.isEmpty {
            let whole = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(whole.count)
            var fraction: Substring = ""
            if rest.first == "." {
                fraction = rest.dropFirst().prefix(while: \.isASCIIDigit)
                rest = rest.dropFirst(1 + fraction.count)
            }
            let unitName = rest.prefix { !$0.isASCIIDigit && $0 != "." }
            rest = rest.dropFirst(unitName.count)
            guard !(whole.isEmpty && fraction.isEmpty), let unit = nanoseconds[unitName] else { throw invalid }
            let fractional = fraction.isEmpty ? 0 : Double("0." + fraction).map { Int64($0 * Double(unit)) } ?? 0
            guard let count = whole.isEmpty ? 0 : Int64(whole),
                  case (let scaled, false) = count.multipliedReportingOverflow(by: unit),
                  case (let part, false) = scaled.addingReportingOverflow(fractional),
                  case (let sum, false) = total.addingReportingOverflow(part)
            else { throw ParseError(message: "@every: duration \"\(text)\" is too long") }
            total = sum
        }
        return negative ? 1 : max(1, total / 1_000_000_000)
    }
}

extension CronSchedule {
    /// The five fields as bit sets (bit `n` set when value `n` matches), and whether the day
    /// fields were an unstepped `*` or `?`, which decides how they combine.
    fileprivate struct Fields: Sendable, Hashable {
        let minutes, hours, days, months, weekdays: UInt64
        let anyDay, anyWeekday: Bool

        init(_ spec: String) throws(ParseError) {
            let parts = spec.split(whereSeparator: \.isWhitespace)
            guard parts.count == 5 else {
                throw ParseError(message: "expected exactly 5 fields (minute hour day-of-month month day-of-week), found \(parts.count)")
            }
            minutes = try Field.minute.parse(parts[0]).bits
            hours = try Field.hour.parse(parts[1]).bits
            (days, anyDay) = try Field.dayOfMonth.parse(parts[2])
            months = try Field.month.parse(parts[3]).bits
            (weekdays, anyWeekday) = try Field.dayOfWeek.parse(parts[4])
        }

        /// Vixie cron's rule: when both day fields are restricted a day matching either fires;
        /// otherwise the restricted one (if any) decides.
        func matches(day: Int, weekday: Int) -> Bool {
            let dayMatches = days.has(day), weekdayMatches = weekdays.has(weekday)
            return anyDay || anyWeekday ? dayMatches && weekdayMatches : dayMatches || weekdayMatches
        }

        /// robfig's search: skip whole months, then days, then hours (in elapsed time, so a
        /// repeated hour is visited twice and a skipped one never), then minutes.
        func next(after date: Date, in timeZone: TimeZone) -> Date? {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            var candidate = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60)
            let lastYear = calendar.component(.year, from: candidate) + 5
            while true {
                let wall = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: candidate)
                guard let year = wall.year, year <= lastYear, let month = wall.month, let day = wall.day,
                      let weekday = wall.weekday, let hour = wall.hour, let minute = wall.minute
                else { return nil }
                if !months.has(month) {
                    candidate = Self.start(ofNext: .month, after: candidate, in: calendar)
                } else if !matches(day: day, weekday: weekday - 1) {
                    candidate = Self.start(ofNext: .day, after: candidate, in: calendar)
                } else if hours.has(hour), let match = minutes.lowest(from: minute) {
                    if match == minute { return candidate }
                    candidate += TimeInterval(60 * (match - minute))
                } else {
                    candidate += TimeInterval(60 * (60 - minute))
                }
            }
        }

        /// The first instant of the day or month after the one holding `date`.
        private static func start(ofNext unit: Calendar.Component, after date: Date, in calendar: Calendar) -> Date {
            guard let end = calendar.dateInterval(of: unit, for: date)?.end, end > date else { return date + 60 }
            return end
        }
    }

    /// One field's name and bounds. `range` is what `*` and `N/STEP` span; `accepted` may go
    /// further (day-of-week's 7, folded onto Sunday).
    private struct Field {
        let name: String
        let range: ClosedRange<Int>
        let accepted: ClosedRange<Int>
        var names: [String: Int] = [:]

        static let minute = Field(name: "minute", range: 0...59, accepted: 0...59)
        static let hour = Field(name: "hour", range: 0...23, accepted: 0...23)
        static let dayOfMonth = Field(name: "day-of-month", range: 1...31, accepted: 1...31)
        static let month = Field(
            name: "month", range: 1...12, accepted: 1...12,
            names: Dictionary(uniqueKeysWithValues: zip(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1...)))
        static let dayOfWeek = Field(
            name: "day-of-week", range: 0...6, accepted: 0...7,
            names: Dictionary(uniqueKeysWithValues: zip(["sun", "mon", "tue", "wed", "thu", "fri", "sat"], 0...)))

        /// The values a comma-separated list selects, and whether any element was an unstepped `*` or `?`.
        func parse(_ text: Substring) throws(ParseError) -> (bits: UInt64, star: Bool) {
            var bits: UInt64 = 0
            var star = false
            for element in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard !element.isEmpty else { throw failure("empty list element in \"\(text)\"") }
                let selected = try parseElement(element)
                bits |= selected.bits
                star = star || selected.star
            }
            for extra in stride(from: range.upperBound + 1, through: accepted.upperBound, by: 1) where bits.has(extra) {
                bits = bits & ~(1 << extra) | 1 << range.lowerBound
            }
            return (bits, star)
        }

        /// One list element: `*`, `?`, `N` or `N-M`, optionally followed by `/STEP`.
        private func parseElement(_ element: Substring) throws(ParseError) -> (bits: UInt64, star: Bool) {
            let stepped = element.split(separator: "/", omittingEmptySubsequences: false)
            let ends = stepped[0].split(separator: "-", omittingEmptySubsequences: false)
            guard stepped.count <= 2, ends.count <= 2 else { throw failure("malformed \"\(element)\"") }
            guard !ends.contains(where: \.isEmpty) else { throw failure("missing value in \"\(element)\"") }
            let star = stepped[0] == "*" || stepped[0] == "?"
            var low = range.lowerBound, high = range.upperBound
            if !star {
                low = try value(ends[0])
                high = ends.count == 2 ? try value(ends[1]) : low
            }
            var step = 1
            if stepped.count == 2 {
                guard stepped[1].allSatisfy(\.isASCIIDigit), let parsed = Int(stepped[1]) else {
                    throw failure("invalid step \"\(stepped[1])\" in \"\(element)\"")
                }
                guard parsed > 0 else { throw failure("step must be positive in \"\(element)\"") }
                step = parsed
                if ends.count == 1 { high = range.upperBound }
            }
            guard low <= high else { throw failure("range start \(low) is after its end \(high) in \"\(element)\"") }
            let bits = stride(from: low, through: high, by: step).reduce(UInt64(0)) { $0 | 1 << $1 }
            return (bits, star && step == 1)
        }

        private func value(_ text: Substring) throws(ParseError) -> Int {
            if let named = names[text.lowercased()] { return named }
            guard text.allSatisfy(\.isASCIIDigit), let number = Int(text) else {
                throw failure(names.isEmpty ? "invalid value \"\(text)\"" : "unknown name \"\(text)\"")
            }
            guard accepted.contains(number) else {
                throw failure("value \(number) out of range \(accepted.lowerBound)-\(accepted.upperBound)")
            }
            return number
        }

        private func failure(_ detail: String) -> ParseError { ParseError(message: "\(name): \(detail)") }
    }
}

extension UInt64 {
    fileprivate func has(_ value: Int) -> Bool { self & 1 << value != 0 }

    /// The lowest set bit at `value` or above.
    fileprivate func lowest(from value: Int) -> Int? {
        let later = self >> value
        return later == 0 ? nil : value + later.trailingZeroBitCount
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
