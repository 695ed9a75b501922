import Resources
import Testing
@testable import YAML

/// Plain scalars resolve as sigs.k8s.io/yaml (go-yaml v2) resolves them.
@Suite struct ScalarResolutionTests {
    static let plainScalars: [(String, JSONValue)] = [
        // null
        ("~", nil), ("null", nil), ("Null", nil), ("NULL", nil), ("", nil), ("nULL", "nULL"),
        // booleans, YAML 1.1 forms included, exact case forms only
        ("true", true), ("True", true), ("TRUE", true), ("tRUE", "tRUE"),
        ("false", false), ("False", false), ("FALSE", false),
        ("yes", true), ("Yes", true), ("YES", true), ("yEs", "yEs"), ("y", true), ("Y", true),
        ("no", false), ("No", false), ("NO", false), ("n", false), ("N", false),
        ("on", true), ("On", true), ("ON", true), ("off", false), ("Off", false), ("OFF", false),
        // integers
        ("0", 0), ("42", 42), ("-17", -17), ("+5", 5), ("1_000_000", 1_000_000),
        ("0x1F", 31), ("0X1f", 31), ("-0x10", -16), ("0o17", 15), ("017", 15), ("01234", 668),
        ("0b101", 5), ("9223372036854775807", .integer(Int64.max)), ("-9223372036854775808", .integer(Int64.min)),
        ("18446744073709551615", .number(18446744073709551615.0)),
        // floats
        ("1.0", .number(1.0)), ("1.5", 1.5), ("-0.25", -0.25), (".5", 0.5), ("+.5", 0.5), ("1.", 1.0),
        ("1e3", .number(1000.0)), ("6.02E+23", 6.02e23), ("1_000.5", 1000.5), ("08", .number(8.0)),
        ("99999999999999999999", .number(1e20)),
        // strings
        ("1.10.3", "1.10.3"), ("1:20", "1:20"), ("1e400", "1e400"), ("0x", "0x"), ("0xG", "0xG"),
        ("-x", "-x"), ("+", "+"), ("._", "._"), ("abc", "abc"), ("<<", "<<"), ("=", "="),
        ("2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z"), ("100m", "100m"), ("128Mi", "128Mi"),
    ]

    @Test(arguments: plainScalars)
    func plainScalarResolvesLikeGoYAMLv2(text: String, expected: JSONValue) throws {
        #expect(try YAMLDecoder().value(from: "v: \(text)\n")["v"] == expected)
    }

    @Test(arguments: ["'yes'", "\"1.0\"", "'~'", "\"0x1F\"", "\"\"", "|\n  123\n", ">\n  true\n"])
    func quotedAndBlockScalarsAreStrings(text: String) throws {
        let value = try YAMLDecoder().value(from: "v: \(text)\n")["v"]
        #expect(value?.stringValue != nil)
    }

    @Test func explicitTagsAreHonoured() throws {
        let value = try YAMLDecoder().value(from: """
            s: !!str 123
            b: !!str true
            i: !!int "42"
            f: !!float 3
            bo: !!bool "yes"
            nu: !!null ""
            bin: !!binary |
              aGVsbG8g
              d29ybGQ=
            custom: !Ref 12
            nonSpecific: ! 12
            """)
        #expect(value == [
            "s": "123", "b": "true", "i": 42, "f": .number(3.0), "bo": true, "nu": nil,
            "bin": "aGVsbG8gd29ybGQ=", "custom": "12", "nonSpecific": "12",
        ])
    }

    @Test func tagThatDoesNotFitIsAnError() {
        let error = #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: "a: 1\nb: !!int abc\n") }
        #expect(error?.line == 2)
        #expect(error?.column == 4)
        #expect(error?.message == "cannot decode !!str `abc` as a !!int")
    }

    @Test(arguments: [".inf", "-.Inf", "+.INF", ".nan", ".NaN"])
    func infinityAndNaNAreErrorsBecauseJSONCannotHoldThem(text: String) {
        let error = #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: "x: 1\nv: \(text)\n") }
        #expect(error?.line == 2)
        #expect(error?.message.contains("not representable in JSON") == true)
    }

    @Test func infinityQuotedIsAString() throws {
        #expect(try YAMLDecoder().value(from: "v: \".inf\"\n") == ["v": ".inf"])
    }

    @Test func nonStringKeysBecomeTheirStringForm() throws {
        let value = try YAMLDecoder().value(from: """
            1: a
            true: b
            0x1F: d
            1.5: e
            2.0: f
            1e7: g
            "quoted": h
            """)
        #expect(value == ["1": "a", "true": "b", "31": "d", "1.5": "e", "2": "f", "1e+07": "g", "quoted": "h"])
    }

    @Test func trueAndYKeysCollideAsDuplicates() {
        // Both resolve to the key "true", as they would in sigs.k8s.io/yaml.
        #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: "true: a\ny: b\n") }
    }

    @Test func nullKeyIsAnError() {
        let error = #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: "a: 1\n~: 2\n") }
        #expect(error?.line == 2)
        #expect(error?.column == 1)
    }

    @Test func goFloatKeyFormatMatchesGo() {
        #expect(GoFloatFormat.float32Shortest(1.5) == "1.5")
        #expect(GoFloatFormat.float32Shortest(100000) == "100000")
        #expect(GoFloatFormat.float32Shortest(1e6) == "1e+06")
        #expect(GoFloatFormat.float32Shortest(0.0001) == "0.0001")
        #expect(GoFloatFormat.float32Shortest(0.00001) == "1e-05")
        #expect(GoFloatFormat.float32Shortest(-2.25) == "-2.25")
        #expect(GoFloatFormat.float32Shortest(0.1) == "0.1")
        #expect(GoFloatFormat.float32Shortest(123456789) == "1.2345679e+08")
    }
}
