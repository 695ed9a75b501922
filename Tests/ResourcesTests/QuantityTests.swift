import Testing
@testable import Resources

/// Cases ported from k8s.io/apimachinery/pkg/api/resource/quantity_test.go.
@Suite struct QuantityTests {
    /// (input, exact value in nano-units, format) — TestQuantityParse.
    static let parseTable: [(String, Int128, Quantity.Format)] = [
        ("0", 0, .decimalSI),
        ("0n", 0, .decimalSI),
        ("0u", 0, .decimalSI),
        ("0m", 0, .decimalSI),
        ("0Ki", 0, .binarySI),
        ("0k", 0, .decimalSI),
        ("0Mi", 0, .binarySI),
        ("0M", 0, .decimalSI),
        ("0Gi", 0, .binarySI),
        ("0G", 0, .decimalSI),
        ("0Ti", 0, .binarySI),
        ("0T", 0, .decimalSI),
        ("1", units(1), .decimalSI),
        // Binary suffixes
        ("1Ki", units(1024), .binarySI),
        ("8Ki", units(8 * 1024), .binarySI),
        ("7Mi", units(7 << 20), .binarySI),
        ("6Gi", units(6 << 30), .binarySI),
        ("5Ti", units(5 << 40), .binarySI),
        ("4Pi", units(4 << 50), .binarySI),
        ("3Ei", units(3 << 60), .binarySI),
        ("10Ti", units(10 << 40), .binarySI),
        ("100Ti", units(100 << 40), .binarySI),
        // Decimal suffixes
        ("5n", 5, .decimalSI),
        ("4u", 4_000, .decimalSI),
        ("3m", 3_000_000, .decimalSI),
        ("9", units(9), .decimalSI),
        ("8k", units(8_000), .decimalSI),
        ("50k", units(50_000), .decimalSI),
        ("7M", units(7_000_000), .decimalSI),
        ("6G", units(6_000_000_000), .decimalSI),
        ("5T", units(5_000_000_000_000), .decimalSI),
        ("40T", units(40_000_000_000_000), .decimalSI),
        ("300T", units(300_000_000_000_000), .decimalSI),
        ("2P", units(2_000_000_000_000_000), .decimalSI),
        ("1E", units(1_000_000_000_000_000_000), .decimalSI),
        // Decimal exponents
        ("1E-3", 1_000_000, .decimalExponent),
        ("1e3", units(1_000), .decimalExponent),
        ("1E6", units(1_000_000), .decimalExponent),
        ("1e9", units(1_000_000_000), .decimalExponent),
        ("1E12", units(1_000_000_000_000), .decimalExponent),
        ("1e15", units(1_000_000_000_000_000), .decimalExponent),
        ("1E18", units(1_000_000_000_000_000_000), .decimalExponent),
        // Nonstandard but still parsable
        ("1e14", units(100_000_000_000_000), .decimalExponent),
        ("1e13", units(10_000_000_000_000), .decimalExponent),
        ("100.035k", units(100_035), .decimalSI),
        // Things that look like floating point
        ("0.001", 1_000_000, .decimalSI),
        ("0.0005k", 500_000_000, .decimalSI),
        ("0.005", 5_000_000, .decimalSI),
        ("0.05", 50_000_000, .decimalSI),
        ("0.5", 500_000_000, .decimalSI),
        ("0.00050k", 500_000_000, .decimalSI),
        ("0.00500", 5_000_000, .decimalSI),
        ("0.05000", 50_000_000, .decimalSI),
        ("0.50000", 500_000_000, .decimalSI),
        ("0.5e0", 500_000_000, .decimalExponent),
        ("0.5e-1", 50_000_000, .decimalExponent),
        ("0.5e-2", 5_000_000, .decimalExponent),
        ("10.035M", units(10_035_000), .decimalSI),
        ("1.2e3", units(1_200), .decimalExponent),
        ("1.3E+6", units(1_300_000), .decimalExponent),
        ("1.40e9", units(1_400_000_000), .decimalExponent),
        ("1.53E12", units(1_530_000_000_000), .decimalExponent),
        ("1.6e15", units(1_600_000_000_000_000), .decimalExponent),
        ("1.7E18", units(1_700_000_000_000_000_000), .decimalExponent),
        ("9.01", 9_010_000_000, .decimalSI),
        ("8.1k", units(8_100), .decimalSI),
        ("7.123456M", units(7_123_456), .decimalSI),
        ("6.987654321G", units(6_987_654_321), .decimalSI),
        ("5.444T", units(5_444_000_000_000), .decimalSI),
        ("40.1T", units(40_100_000_000_000), .decimalSI),
        ("300.2T", units(300_200_000_000_000), .decimalSI),
        ("2.5P", units(2_500_000_000_000_000), .decimalSI),
        ("1.01E", units(1_010_000_000_000_000_000), .decimalSI),
        // Things that saturate or round (up, away from zero)
        ("3.001n", 4, .decimalSI),
        ("1.1E-9", 2, .decimalExponent),
        ("0.0000000001", 1, .decimalSI),
        ("0.0000000005", 1, .decimalSI),
        ("0.00000000050", 1, .decimalSI),
        ("0.5e-9", 1, .decimalExponent),
        ("0.9n", 1, .decimalSI),
        ("0.00000012345", 124, .decimalSI),
        ("0.00000012354", 124, .decimalSI),
        ("9Ei", units(Int128(Int64.max)), .binarySI),
        ("9223372036854775807Ki", units(Int128(Int64.max)), .binarySI),
        ("12E", units(12_000_000_000_000_000_000), .decimalSI),
        // Fractional binary
        ("100.035Ki", 102_435_840_000_000, .binarySI),
        ("0.5Mi", units(512 * 1024), .binarySI),
        ("0.05Gi", 53_687_091_200_000_000, .binarySI),
        ("0.025Ti", 27_487_790_694_400_000_000, .binarySI),
        // Things written by trolls
        ("0.000000000001Ki", 2, .decimalSI), // rounds up, changes format
        (".001", 1_000_000, .decimalSI),
        (".0001k", 100_000_000, .decimalSI),
        ("1.", units(1), .decimalSI),
        ("1.G", units(1_000_000_000), .decimalSI),
    ]

    static func units(_ n: Int128) -> Int128 { n * 1_000_000_000 }

    @Test(arguments: parseTable)
    func parsesToExactValueAndFormat(_ input: String, _ nanos: Int128, _ format: Quantity.Format) throws {
        let q = try Quantity(parsing: input)
        #expect(q.nanoValue == nanos, "\(input)")
        #expect(q.format == format, "\(input)")

        let negative = try Quantity(parsing: "-" + input)
        #expect(negative.nanoValue == -nanos, "-\(input)")
        #expect(negative.format == format, "-\(input)")

        let plus = try Quantity(parsing: "+" + input)
        #expect(plus.nanoValue == nanos, "+\(input)")
    }

    @Test(arguments: [
        "", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-",
        " 1", "1 ", "1Ki5", "1K", "1e", "Non-Numeric", "1e3m",
    ])
    func rejectsMalformedText(_ input: String) {
        #expect(throws: QuantityParseError.self) { try Quantity(parsing: input) }
        #expect(Quantity.validate(input) != nil)
        #expect(!Quantity(input).isValid)
    }

    @Test func validationMessagesAreKubernetes() {
        #expect(Quantity.validate("500m") == nil)
        #expect(Quantity.validate("aoeu")
            == "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
        #expect(Quantity.validate("1i") == "unable to parse quantity's suffix")
        #expect(Quantity.validate("-3.01e-") == "unable to parse quantity's suffix")
    }

    /// TestQuantityString, TestQuantityParseEmit, and the brief's examples.
    @Test(arguments: [
        ("1Ki", "1Ki"), ("1Mi", "1Mi"), ("1Gi", "1Gi"), ("1024Mi", "1Gi"), ("1000M", "1G"),
        ("300Mi", "300Mi"), ("307200Ki", "300Mi"), ("1025024Mi", "1001Gi"), ("1024Gi", "1Ti"),
        (".001Ki", "1024m"), (".000001Ki", "1024u"), (".000000001Ki", "1024n"), (".000000000001Ki", "2n"),
        ("1.5Gi", "1536Mi"), ("1025Ki", "1025Ki"), ("0.5Ki", "512"),
        ("0.5", "500m"), ("1000m", "1"), ("500m", "500m"), ("1.08", "1080m"), ("1080000000n", "1080m"),
        ("0.001T", "1G"), ("1000u", "1m"), ("80m", "80m"), ("300M", "300M"), ("1234567M", "1234567M"),
        ("3000", "3k"), ("1.5", "1500m"), ("12E", "12E"), ("1000E", "1000E"),
        ("1e3", "1e3"), ("1e9", "1e9"), (".001e12", "1e9"), ("0.001e0", "1e-3"), ("1000e-12", "1e-9"),
        ("80e-3", "80e-3"), ("300e6", "300e6"), ("1.5e3", "1500"), ("3e3", "3e3"),
        ("0", "0"), ("00", "0"), ("0Gi", "0"), ("-0", "0"), ("0.0e5", "0"),
        ("9Ei", "9223372036854775807"),
    ])
    func canonicalFormMatchesKubernetes(_ input: String, _ canonical: String) throws {
        let q = try Quantity(parsing: input)
        #expect(q.canonical == canonical, "\(input)")
        if canonical != "0" {
            #expect(try Quantity(parsing: "-" + input).canonical == "-" + canonical, "-\(input)")
        }
    }

    @Test func keepsOriginalTextButComparesByValue() throws {
        let a: Quantity = "1000m"
        let b: Quantity = "1"
        #expect(a.text == "1000m")
        #expect(a.description == "1000m")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a.canonical == "1")
        var c = a
        c.text = "2"
        #expect(c > a)
    }

    @Test func encodesOriginalTextAndDecodesStringsAndNumbers() throws {
        let q = try JSONValue.parse(#"{"cpu":"1000m","mem":2,"bad":"lots"}"#).decode([String: Quantity].self)
        #expect(q["cpu"]?.text == "1000m")
        #expect(q["mem"]?.milliValue == 2000)
        #expect(q["bad"]?.isValid == false)
        #expect(try JSONValue(encoding: q["cpu"]!) == "1000m")
    }

    @Test(arguments: [
        ("1Gi", "1G", 1), ("1000m", "1", 0), ("100m", "50m", 1), ("50m", "100m", -1),
        ("10000T", "100Gi", 1), ("0", "0", 0), ("-1", "0", -1), ("1Ki", "1024", 0),
        ("1.5", "1501m", -1), ("1n", "0", 1), ("12E", "9Ei", 1),
    ])
    func comparesByValue(_ x: String, _ y: String, _ expected: Int) throws {
        let a = try Quantity(parsing: x), b = try Quantity(parsing: y)
        let result = a < b ? -1 : (a == b ? 0 : 1)
        #expect(result == expected, "\(x) vs \(y)")
        #expect((b < a ? -1 : (a == b ? 0 : 1)) == -expected, "\(y) vs \(x)")
    }

    @Test func malformedQuantitiesSortFirstAndEqualOnlyByText() {
        let bad: Quantity = "lots"
        #expect(bad < Quantity("-1E"))
        #expect(bad == Quantity("lots"))
        #expect(bad != Quantity("0"))
    }

    /// TestAdd / TestSub: the left format wins unless the left is zero.
    @Test(arguments: [
        ("10", "1e1", "+", "20"),
        ("10", "1Ki", "+", "1034"),
        ("10Ki", "1", "+", "10241"),
        ("0", "50", "+", "50"),
        ("50", "0", "+", "50"),
        ("0", "1Gi", "+", "1Gi"),
        ("100m", "0", "+", "100m"),
        ("1Gi", "1Gi", "+", "2Gi"),
        ("500m", "500m", "+", "1"),
        ("1e3", "1e3", "+", "2e3"),
        ("1.5Gi", "512Mi", "+", "2Gi"),
        ("4Ei", "3Ei", "+", "7Ei"),
        ("10", "1e1", "-", "0"),
        ("10", "1", "-", "9"),
        ("10Ki", "1", "-", "10239"),
        ("0", "50", "-", "-50"),
        ("0", "1Gi", "-", "-1Gi"),
        ("100m", "0", "-", "100m"),
        ("1", "250m", "-", "750m"),
        ("2Gi", "1Gi", "-", "1Gi"),
    ])
    func addsAndSubtracts(_ x: String, _ y: String, _ op: String, _ expected: String) throws {
        let a = try Quantity(parsing: x), b = try Quantity(parsing: y)
        let result = op == "+" ? a + b : a - b
        #expect(result.text == expected, "\(x) \(op) \(y)")
        #expect(result == Quantity(expected))
    }

    @Test func sumsAreNotCappedLikeParsedBinaryValues() throws {
        // Parsing caps binary values at 2^63-1 units; arithmetic, as in Kubernetes, does not.
        let sum = try Quantity(parsing: "4Ei") + Quantity(parsing: "4Ei")
        #expect(sum.text == "8Ei")
        #expect(sum > Quantity("8Ei"))
    }

    @Test func compoundAssignmentAndNegation() throws {
        var total = Quantity.zero
        for q in ["100m", "250m", "650m"] { total += Quantity(q) }
        #expect(total.text == "1")
        total -= "2"
        #expect(total.text == "-1")
        #expect((-Quantity("1Gi")).text == "-1Gi")
    }

    /// TestQuantityRoundUp, TestMilliNewSet, TestScaledValue: rounding away from zero.
    @Test(arguments: [
        ("9.01", Int64(10), Int64(9010)),
        ("-9.01", -10, -9010),
        ("1n", 1, 1),
        ("-1n", -1, -1),
        ("1u", 1, 1),
        ("1m", 1, 1),
        ("1", 1, 1000),
        ("100m", 1, 100),
        ("0.1m", 1, 1),
        ("1Ki", 1024, 1_024_000),
        ("1.5Gi", 1_610_612_736, 1_610_612_736_000),
        ("1e3", 1000, 1_000_000),
        ("0", 0, 0),
        ("9Ei", Int64.max, Int64.max),
    ])
    func valueAndMilliValueRoundAwayFromZero(_ input: String, _ value: Int64, _ milli: Int64) throws {
        let q = try Quantity(parsing: input)
        #expect(q.value == value, "\(input)")
        #expect(q.milliValue == milli, "\(input)")
    }

    /// TestNewSet, TestMilliNewSet.
    @Test func constructedQuantitiesPrintCanonically() {
        #expect(Quantity(value: 1).text == "1")
        #expect(Quantity(value: 1000).text == "1k")
        #expect(Quantity(value: 1_234_000).text == "1234k")
        #expect(Quantity(value: 1024, format: .binarySI).text == "1Ki")
        #expect(Quantity(value: 1_000_000, format: .decimalExponent).text == "1e6")
        #expect(Quantity(value: 1 << 20, format: .binarySI).text == "1Mi")
        #expect(Quantity(milliValue: 1).text == "1m")
        #expect(Quantity(milliValue: 1000).text == "1")
        #expect(Quantity(milliValue: 1024, format: .binarySI).text == "1024m")
        #expect(Quantity(milliValue: 1 << 20, format: .binarySI).text == "1048576m")
        #expect(Quantity(milliValue: 1_000_000, format: .decimalExponent).text == "1e3")
    }

    @Test func quirksOfKubernetesScannerAreKept() throws {
        // A bare sign or dot reads as zero, "1." as one — as parseQuantityString does.
        #expect(try Quantity(parsing: ".").isZero)
        #expect(try Quantity(parsing: "-.").isZero)
        #expect(try Quantity(parsing: "+").isZero)
        #expect(try Quantity(parsing: "1.").value == 1)
    }

    @Test func valuesBeyondTheRepresentableRangeAreRejected() throws {
        #expect(throws: QuantityParseError.outOfRange) { try Quantity(parsing: "1e40") }
        #expect(Quantity.validate("1e29") == nil)
        // Binary values are capped instead, as Kubernetes caps them.
        #expect(try Quantity(parsing: "99999999999999999999999999999Ki").value == Int64.max)
    }
}
