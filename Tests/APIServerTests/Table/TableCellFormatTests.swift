import Foundation
import Resources
import Testing
@testable import APIServer

/// A duration in seconds and how `duration.HumanDuration` prints it.
struct HumanDurationCase: Sendable, CustomTestStringConvertible {
    let seconds: TimeInterval
    let expected: String
    init(_ seconds: TimeInterval, _ expected: String) {
        self.seconds = seconds
        self.expected = expected
    }
    var testDescription: String { "\(seconds)s → \(expected)" }
}

@Suite struct TableCellFormatTests {
    static let second: TimeInterval = 1
    static let minute: TimeInterval = 60
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86400
    static let year: TimeInterval = 365 * 86400
    static let ms: TimeInterval = 0.001

    /// duration_test.go TestHumanDuration.
    static let upstreamDurations: [HumanDurationCase] = [
        HumanDurationCase(second, "1s"), HumanDurationCase(70 * second, "70s"), HumanDurationCase(190 * second, "3m10s"),
        HumanDurationCase(70 * minute, "70m"), HumanDurationCase(47 * hour, "47h"), HumanDurationCase(49 * hour, "2d1h"),
        HumanDurationCase((8 * 24 + 2) * hour, "8d"), HumanDurationCase(367 * day, "367d"),
        HumanDurationCase((365 * 2 * 24 + 25) * hour, "2y1d"), HumanDurationCase((365 * 8 * 24 + 2) * hour, "8y"),
    ]

    /// duration_test.go TestHumanDurationBoundaries.
    static let upstreamBoundaries: [HumanDurationCase] = [
        HumanDurationCase(-2 * second, "<invalid>"), HumanDurationCase(-2 * second + 0.000_000_001, "0s"),
        HumanDurationCase(0, "0s"), HumanDurationCase(second - ms, "0s"),
        HumanDurationCase(2 * minute - ms, "119s"), HumanDurationCase(2 * minute, "2m"), HumanDurationCase(2 * minute + second, "2m1s"),
        HumanDurationCase(10 * minute - ms, "9m59s"), HumanDurationCase(10 * minute, "10m"), HumanDurationCase(10 * minute + second, "10m"),
        HumanDurationCase(3 * hour - ms, "179m"), HumanDurationCase(3 * hour, "3h"), HumanDurationCase(3 * hour + minute, "3h1m"),
        HumanDurationCase(8 * hour - ms, "7h59m"), HumanDurationCase(8 * hour, "8h"), HumanDurationCase(8 * hour + 59 * minute, "8h"),
        HumanDurationCase(2 * day - ms, "47h"), HumanDurationCase(2 * day, "2d"), HumanDurationCase(2 * day + hour, "2d1h"),
        HumanDurationCase(8 * day - ms, "7d23h"), HumanDurationCase(8 * day, "8d"), HumanDurationCase(8 * day + 23 * hour, "8d"),
        HumanDurationCase(2 * year - ms, "729d"), HumanDurationCase(2 * year, "2y"), HumanDurationCase(2 * year + 23 * hour, "2y"),
        HumanDurationCase(2 * year + 23 * hour + 59 * minute, "2y"), HumanDurationCase(2 * year + day - ms, "2y"),
        HumanDurationCase(2 * year + day, "2y1d"), HumanDurationCase(3 * year, "3y"), HumanDurationCase(7 * year, "7y"),
        HumanDurationCase(8 * year - ms, "7y364d"), HumanDurationCase(8 * year, "8y"), HumanDurationCase(8 * year + 364 * day, "8y"),
        HumanDurationCase(9 * year, "9y"),
    ]

    @Test(arguments: upstreamDurations)
    func humanDurationMatchesUpstream(_ c: HumanDurationCase) {
        #expect(TableCellFormat.humanDuration(seconds: c.seconds) == c.expected)
    }

    @Test(arguments: upstreamBoundaries)
    func humanDurationBoundariesMatchUpstream(_ c: HumanDurationCase) {
        #expect(TableCellFormat.humanDuration(seconds: c.seconds) == c.expected)
    }

    @Test func ageWithoutTimestampIsUnknown() {
        #expect(TableCellFormat.age(since: nil, now: TableFixtures.now) == "<unknown>")
        #expect(TableCellFormat.age(since: TableFixtures.ago(90), now: TableFixtures.now) == "90s")
    }

    @Test func labelsPrintSortedOrNone() {
        #expect(TableCellFormat.labels(nil) == "<none>")
        #expect(TableCellFormat.labels([:]) == "<none>")
        #expect(TableCellFormat.labels(["b": "2", "a": "1"]) == "a=1,b=2")
    }

    @Test func labelSelectorPrintsCanonicalString() {
        let selector = LabelSelector(matchLabels: ["app": "web"], matchExpressions: [
            LabelSelectorRequirement(key: "tier", operator: "In", values: ["b", "a"]),
            LabelSelectorRequirement(key: "canary", operator: "DoesNotExist"),
        ])
        // Requirements sorted by key, set values sorted, as labels.Selector.String().
        #expect(TableCellFormat.labelSelector(selector) == "app=web,!canary,tier in (a,b)")
        #expect(TableCellFormat.labelSelector(nil) == "<none>")
        #expect(TableCellFormat.labelSelector(LabelSelector()) == "<none>")
        #expect(TableCellFormat.labelSelector(LabelSelector(matchExpressions: [
            LabelSelectorRequirement(key: "x", operator: "Bogus")])) == "<error>")
        #expect(TableCellFormat.selectorString(nil) == "")
        #expect(TableCellFormat.selectorString(LabelSelector(matchExpressions: [
            LabelSelectorRequirement(key: "x", operator: "Bogus")])) == "<invalid>")
    }

    @Test func accessModesAbbreviateInUpstreamOrder() {
        #expect(TableCellFormat.accessModes(["ReadWriteOncePod", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOnce"]) == "RWO,RWX,RWOP")
        #expect(TableCellFormat.accessModes([]) == "")
    }

    @Test func boolPointerPrintsUnsetWhenMissing() {
        #expect(TableCellFormat.bool(true) == "True")
        #expect(TableCellFormat.bool(false) == "False")
        #expect(TableCellFormat.bool(nil) == "<unset>")
    }

    @Test func hostPortBracketsIPv6() {
        #expect(TableCellFormat.hostPort("10.0.0.1", 80) == "10.0.0.1:80")
        #expect(TableCellFormat.hostPort("2001:db8::1", 443) == "[2001:db8::1]:443")
    }
}
