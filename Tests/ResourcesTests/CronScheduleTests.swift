import Foundation
import Testing
@testable import Resources

/// CronJob schedules: parsing as robfig/cron v3's standard parser does, and fire times.
@Suite struct CronScheduleTests {
    /// The first `count` fire times of `spec` after the ISO 8601 instant `after`, evaluated in
    /// `zone`, as UTC ISO 8601 text; "nil" ends the list when there are no more.
    func fires(_ spec: String, after: String, in zone: String = "UTC", count: Int = 1) throws -> [String] {
        let schedule = try CronSchedule(spec)
        let timeZone = try #require(TimeZone(identifier: zone))
        var date = try Date(after, strategy: .iso8601)
        var result: [String] = []
        for _ in 0..<count {
            guard let next = schedule.next(after: date, in: timeZone) else { return result + ["nil"] }
            result.append(next.formatted(.iso8601))
            date = next
        }
        return result
    }

    /// The message parsing `spec` fails with.
    func failure(_ spec: String) -> String? {
        #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(spec) }?.message
    }

    // MARK: Fields

    @Test func everyFiveMinutesFiresOnTheNextMultipleOfFive() throws {
        #expect(try fires("*/5 * * * *", after: "2026-01-01T10:02:30Z", count: 2) == ["2026-01-01T10:05:00Z", "2026-01-01T10:10:00Z"])
        #expect(try fires("*/5 * * * *", after: "2026-01-01T10:05:00Z") == ["2026-01-01T10:10:00Z"], "a fire time is not repeated")
    }

    @Test func rangesWithStepsSelectEveryStepWithinTheRange() throws {
        #expect(try fires("10-30/10 * * * *", after: "2026-01-01T10:00:00Z", count: 4)
            == ["2026-01-01T10:10:00Z", "2026-01-01T10:20:00Z", "2026-01-01T10:30:00Z", "2026-01-01T11:10:00Z"])
        #expect(try fires("0 9-17/4 * * *", after: "2026-01-01T00:00:00Z", count: 4)
            == ["2026-01-01T09:00:00Z", "2026-01-01T13:00:00Z", "2026-01-01T17:00:00Z", "2026-01-02T09:00:00Z"])
    }

    @Test func aSingleValueWithAStepRunsToTheEndOfTheField() throws {
        #expect(try fires("50/5 * * * *", after: "2026-01-01T10:00:00Z", count: 3)
            == ["2026-01-01T10:50:00Z", "2026-01-01T10:55:00Z", "2026-01-01T11:50:00Z"])
    }

    @Test func listsSelectEachElement() throws {
        #expect(try fires("0,15,45 * * * *", after: "2026-01-01T10:00:00Z", count: 3)
            == ["2026-01-01T10:15:00Z", "2026-01-01T10:45:00Z", "2026-01-01T11:00:00Z"])
    }

    @Test func monthAndWeekdayNamesAreCaseInsensitive() throws {
        // 2026-01-02 is a Friday.
        #expect(try fires("0 9 * * MON-FRI", after: "2026-01-02T10:00:00Z", count: 2) == ["2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z"])
        #expect(try CronSchedule("0 9 * * mon-fri") == CronSchedule("0 9 * * 1-5"))
        #expect(try fires("0 0 1 JAN *", after: "2026-01-01T00:00:00Z") == ["2027-01-01T00:00:00Z"])
        #expect(try CronSchedule("0 0 1 jan *") == CronSchedule("0 0 1 1 *"))
    }

    @Test func sevenIsSundayLikeZero() throws {
        #expect(try CronSchedule("0 0 * * 7") == CronSchedule("0 0 * * SUN"))
        #expect(try fires("0 0 * * 7", after: "2026-01-01T00:00:00Z") == ["2026-01-04T00:00:00Z"])
        #expect(try fires("0 0 * * 5-7", after: "2026-01-01T00:00:00Z", count: 4)
            == ["2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-09T00:00:00Z"])
    }

    @Test func macrosMeanTheirFiveFieldForms() throws {
        #expect(try CronSchedule("@yearly") == CronSchedule("0 0 1 1 *"))
        #expect(try CronSchedule("@annually") == CronSchedule("0 0 1 1 *"))
        #expect(try CronSchedule("@monthly") == CronSchedule("0 0 1 * *"))
        #expect(try CronSchedule("@weekly") == CronSchedule("0 0 * * 0"))
        #expect(try CronSchedule("@daily") == CronSchedule("0 0 * * *"))
        #expect(try CronSchedule("@midnight") == CronSchedule("0 0 * * *"))
        #expect(try CronSchedule("@hourly") == CronSchedule("0 * * * *"))
        #expect(try fires("@weekly", after: "2026-01-01T00:00:00Z") == ["2026-01-04T00:00:00Z"])
    }

    // MARK: Days

    @Test func restrictedDayOfMonthAndDayOfWeekFireOnEither() throws {
        // January 2026: Fridays are the 2nd, 9th and 16th; the 13th is a Tuesday.
        #expect(try fires("0 0 13 * FRI", after: "2026-01-01T00:00:00Z", count: 4)
            == ["2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-13T00:00:00Z", "2026-01-16T00:00:00Z"])
    }

    @Test func anUnrestrictedDayFieldLeavesTheOtherToDecide() throws {
        #expect(try fires("0 0 * * FRI", after: "2026-01-01T00:00:00Z", count: 2) == ["2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z"])
        #expect(try fires("0 0 13 * ?", after: "2026-01-01T00:00:00Z", count: 2) == ["2026-01-13T00:00:00Z", "2026-02-13T00:00:00Z"])
    }

    @Test func aSteppedStarRestrictsItsDayField() throws {
        // As in robfig, `*/10` counts as restricted: the 1st, 11th, 21st, 31st or a Friday.
        #expect(try fires("0 0 */10 * FRI", after: "2026-01-01T00:00:00Z", count: 4)
            == ["2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-11T00:00:00Z", "2026-01-16T00:00:00Z"])
    }

    @Test func february29thWaitsForTheNextLeapYear() throws {
        #expect(try fires("0 0 29 2 *", after: "2026-03-01T00:00:00Z", count: 2) == ["2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"])
    }

    @Test func anImpossibleDateNeverFires() throws {
        #expect(try fires("0 0 30 2 *", after: "2026-03-01T00:00:00Z") == ["nil"])
        #expect(try fires("0 0 31 4 *", after: "2026-03-01T00:00:00Z") == ["nil"])
    }

    // MARK: Time zones

    @Test func fieldsAreWallClockTimeInTheTimeZone() throws {
        #expect(try fires("0 9 * * *", after: "2026-01-15T00:00:00Z", in: "America/New_York") == ["2026-01-15T14:00:00Z"])
        #expect(try fires("0 9 * * *", after: "2026-07-15T00:00:00Z", in: "America/New_York") == ["2026-07-15T13:00:00Z"])
        #expect(try fires("0 0 * * *", after: "2026-03-08T00:00:00Z", in: "Asia/Kolkata") == ["2026-03-08T18:30:00Z"])
    }

    @Test func aTimeSkippedBySpringForwardDoesNotFireThatDay() throws {
        // New York skips 02:00-03:00 on 2026-03-08; as in robfig, 02:30 fires again on the 9th (EDT).
        #expect(try fires("30 2 * * *", after: "2026-03-07T00:00:00Z", in: "America/New_York", count: 2)
            == ["2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z"])
        #expect(try fires("0 * * * *", after: "2026-03-08T05:30:00Z", in: "America/New_York", count: 3)
            == ["2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"], "01:00 EST, then 03:00 EDT")
    }

    @Test func aTimeRepeatedByFallBackFiresAtBothOccurrences() throws {
        // New York repeats 01:00-02:00 on 2026-11-01 (EDT, then EST), and robfig fires in each.
        #expect(try fires("0 1 * * *", after: "2026-11-01T04:00:00Z", in: "America/New_York", count: 3)
            == ["2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-02T06:00:00Z"])
        #expect(try fires("30 * * * *", after: "2026-11-01T06:10:00Z", in: "America/New_York", count: 2)
            == ["2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z"], "from inside the second 01:00 hour")
    }

    // MARK: @every

    @Test func everyFiresADurationAfterTheGivenTimeRoundedDownToTheSecond() throws {
        let start = try Date("2026-01-01T10:00:00Z", strategy: .iso8601)
        let schedule = try CronSchedule("@every 90m")
        #expect(schedule.next(after: start.addingTimeInterval(0.75), in: .gmt) == start.addingTimeInterval(5400))
        #expect(try CronSchedule("@every 1h30m") == schedule)
        #expect(try CronSchedule("@every 5400s") == schedule)
        #expect(try fires("@every 0.7h", after: "2026-01-01T10:00:00Z") == ["2026-01-01T10:42:00Z"])
    }

    @Test func everyWaitsAtLeastOneSecond() throws {
        #expect(try fires("@every 500ms", after: "2026-01-01T10:00:00Z") == ["2026-01-01T10:00:01Z"])
        #expect(try CronSchedule("@every 1.5s") == CronSchedule("@every 1s"))
    }

    // MARK: Invalid schedules

    @Test func anOutOfRangeValueNamesTheField() {
        #expect(failure("61 * * * *") == "invalid schedule \"61 * * * *\": minute: value 61 out of range 0-59")
        #expect(failure("0 24 * * *") == "invalid schedule \"0 24 * * *\": hour: value 24 out of range 0-23")
        #expect(failure("0 0 0 * *")?.contains("day-of-month: value 0 out of range 1-31") == true)
        #expect(failure("0 0 * 13 *")?.contains("month: value 13 out of range 1-12") == true)
        #expect(failure("0 0 * * 8")?.contains("day-of-week: value 8 out of range 0-7") == true)
    }

    @Test func aScheduleNeedsExactlyFiveFields() {
        #expect(failure("* * * * * *")?.contains("expected exactly 5 fields") == true)
        #expect(failure("* * * *")?.contains("found 4") == true)
        #expect(failure("") == "invalid schedule \"\": empty schedule")
    }

    @Test func malformedElementsAreRejected() {
        #expect(failure("0 5-1 * * *")?.contains("hour: range start 5 is after its end 1") == true)
        #expect(failure("*/0 * * * *")?.contains("minute: step must be positive") == true)
        #expect(failure("*/x * * * *")?.contains("minute: invalid step \"x\"") == true)
        #expect(failure("1,,2 * * * *")?.contains("minute: empty list element") == true)
        #expect(failure("1- * * * *")?.contains("minute: missing value") == true)
        #expect(failure("1-2-3 * * * *")?.contains("minute: malformed") == true)
    }

    @Test func unknownNamesAreRejected() {
        #expect(failure("0 0 * FOO *")?.contains("month: unknown name \"FOO\"") == true)
        #expect(failure("0 0 * * FOO")?.contains("day-of-week: unknown name \"FOO\"") == true)
        #expect(failure("FOO * * * *")?.contains("minute: invalid value \"FOO\"") == true)
        #expect(failure("@fortnightly")?.contains("unknown macro \"@fortnightly\"") == true)
    }

    @Test func aTimeZonePrefixPointsToTheTimeZoneField() {
        #expect(failure("TZ=UTC * * * * *")?.contains("use spec.timeZone instead") == true)
        #expect(failure("CRON_TZ=UTC 0 0 * * *")?.contains("use spec.timeZone instead") == true)
    }

    @Test func everyNeedsAGoDuration() {
        #expect(failure("@every")?.contains("@every: invalid duration") == true)
        #expect(failure("@every 5x")?.contains("@every: invalid duration \"5x\"") == true)
        #expect(failure("@every 1h 30m")?.contains("@every: invalid duration") == true)
    }
}
