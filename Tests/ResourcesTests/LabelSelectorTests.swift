import Testing
@testable import Resources

/// Cases ported from k8s.io/apimachinery/pkg/labels/selector_test.go and meta/v1 helpers.
@Suite struct LabelSelectorTests {
    /// (selector text, canonical description) — TestSelectorParse.
    @Test(arguments: [
        ("", ""),
        ("x=a,y=b,z=c", "x=a,y=b,z=c"),
        ("z=c,y=b,x=a", "x=a,y=b,z=c"),
        ("app=web", "app=web"),
        ("app==web", "app==web"),
        ("tier!=db", "tier!=db"),
        ("x=,z= ", "x=,z="),
        ("x= ,z= ", "x=,z="),
        ("!x", "!x"),
        ("release", "release"),
        ("env in (prod, staging)", "env in (prod,staging)"),
        ("env in (staging,prod,prod)", "env in (prod,staging)"),
        ("env notin (dev)", "env notin (dev)"),
        ("x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()"),
        ("x>1", "x>1"),
        ("x<1", "x<1"),
        ("x>1,z<5", "x>1,z<5"),
        ("x>1,z<5,y", "x>1,y,z<5"),
        ("in in (in)", "in in (in)"),
        ("example.com/tier=web, !example.com/canary", "!example.com/canary,example.com/tier=web"),
    ])
    func parsesAndPrintsCanonically(_ text: String, _ canonical: String) throws {
        let selector = try Selector(parsing: text)
        #expect(selector.description == canonical, "\(text)")
        // The canonical form parses back to the same selector.
        #expect(try Selector(parsing: canonical) == selector)
    }

    /// TestSelectorParse error cases, with the message and the offset of the offending token.
    @Test(arguments: [
        ("x=a||y=b", "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid label must be"),
        ("a b c=d", "unable to parse requirement: found 'b'"),
        ("k!x=1", "unable to parse requirement: found '!', expected: in, notin"),
        ("-k=1", "unable to parse requirement: invalid label key \"-k\": name part must consist of"),
        ("x==a==b", "found '==', expected: ',' or 'end of string'"),
        ("!x=a", "found '=', expected: ',' or 'end of string'"),
        ("x<a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"),
        ("x in (a", "unable to parse requirement: found '', expected: ',' or ')'"),
        ("x in a", "unable to parse requirement: found 'a' expected: '('"),
        ("x,", "found '', expected: identifier after ','"),
        (",x", "found ',', expected: !, identifier, or 'end of string'"),
        ("x y", "unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt"),
        ("a b=c", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
        ("x=a b", "found 'b', expected: ',' or 'end of string'"),
    ])
    func rejectsBadSyntaxSayingWhatWasExpected(_ text: String, _ messagePrefix: String) {
        do {
            _ = try Selector(parsing: text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.message.hasPrefix(messagePrefix), "\(text): \(error.message)")
        }
    }

    @Test func errorsCarryThePositionOfTheOffendingToken() throws {
        let error = try #require(throws: SelectorParseError.self) { try Selector(parsing: "app=web, tier db") }
        #expect(error.position == 14)
        #expect(error.description.hasSuffix("(at position 14)"))
    }

    /// TestSelectorMatches / TestSetIsInRequirement.
    @Test(arguments: [
        ("", ["x": "y"], true),
        ("x=y", ["x": "y"], true),
        ("x=y,z=w", ["x": "y", "z": "w"], true),
        ("x!=y,z!=w", ["x": "z", "z": "a"], true),
        ("notin=in", ["notin": "in"], true),
        ("x", ["x": "z"], true),
        ("!x", ["y": "z"], true),
        ("x>1", ["x": "2"], true),
        ("x<1", ["x": "0"], true),
        ("x=z", [:], false),
        ("x=y", ["x": "z"], false),
        ("x=y,z=w", ["x": "w", "z": "w"], false),
        ("x!=y,z!=w", ["x": "z", "z": "w"], false),
        ("x", ["y": "z"], false),
        ("!x", ["x": "z"], false),
        ("x>1", ["x": "0"], false),
        ("x>1", ["x": "one"], false),
        ("x<1", ["x": "2"], false),
        ("x<1", [:], false),
        ("env in (prod,staging)", ["env": "staging"], true),
        ("env in (prod,staging)", ["env": "dev"], false),
        ("env in (prod,staging)", [:], false),
        ("env notin (dev)", ["env": "prod"], true),
        ("env notin (dev)", [:], true),
        ("env notin (dev)", ["env": "dev"], false),
        ("x in ()", ["x": ""], true),
    ])
    func matchesLabels(_ text: String, _ labels: [String: String], _ expected: Bool) throws {
        #expect(try Selector(parsing: text).matches(labels) == expected, "\(text) vs \(labels)")
    }

    // MARK: From the API type

    static func selector(_ matchLabels: [String: String]? = nil, _ expressions: [(String, String, [String]?)] = []) -> LabelSelector {
        LabelSelector(
            matchLabels: matchLabels,
            matchExpressions: expressions.isEmpty ? nil : expressions.map { LabelSelectorRequirement(key: $0.0, operator: $0.1, values: $0.2) })
    }

    @Test func convertsLabelSelectorLikeLabelSelectorAsSelector() throws {
        let s = try Selector(Self.selector(["app": "web"], [("tier", "In", ["front", "api"]), ("canary", "DoesNotExist", nil)]))
        #expect(s.description == "app=web,!canary,tier in (api,front)")
        #expect(s.matches(["app": "web", "tier": "api"]))
        #expect(!s.matches(["app": "web", "tier": "api", "canary": "1"]))
        #expect(!s.matches(["app": "web"]))
    }

    @Test func nilSelectsNothingAndEmptySelectsEverything() throws {
        #expect(try !Selector(nil).matches([:]))
        #expect(try Selector(LabelSelector()).matches(["any": "thing"]))
        #expect(try Selector(LabelSelector()).isEmpty)
    }

    @Test(arguments: [
        (selector(nil, [("env", "In", [])]),
         "spec.selector.matchExpressions[0].values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"),
        (selector(nil, [("env", "NotIn", nil)]),
         "spec.selector.matchExpressions[0].values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"),
        (selector(nil, [("env", "Exists", ["x"])]),
         "spec.selector.matchExpressions[0].values: Invalid value: []string{\"x\"}: values set must be empty for exists and does not exist"),
        (selector(nil, [("env", "Equals", ["x"])]),
         "spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator"),
        (selector(["bad key": "x"]),
         "spec.selector.matchLabels.key: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
    ])
    func conversionRejectsInvalidRequirements(_ selector: LabelSelector, _ expected: String) {
        do {
            _ = try Selector(selector, path: "spec.selector")
            Issue.record("converted")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test(arguments: [
        (selector(nil, [("env", "In", [])]),
         ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]),
        (selector(nil, [("env", "Exists", ["a"])]),
         ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]),
        (selector(nil, [("env", "Has", nil)]),
         ["spec.selector.matchExpressions[0].operator: Invalid value: \"Has\": not a valid selector operator"]),
        (selector(["app": "-web"]),
         ["spec.selector.matchLabels: Invalid value: \"-web\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]),
        (selector(["app": "web"], [("tier", "NotIn", ["db"])]), []),
    ])
    func validationReportsFieldPaths(_ selector: LabelSelector, _ expected: [String]) {
        #expect(selector.validate(path: "spec.selector").map(\.description) == expected)
    }

    @Test func requiredValueReportsPinnedLabels() throws {
        let s = try Selector(parsing: "app=web,env in (prod),tier in (a,b)")
        #expect(s.requiredValue(for: "app") == "web")
        #expect(s.requiredValue(for: "env") == "prod")
        #expect(s.requiredValue(for: "tier") == nil)
    }

    @Test func selectorFromSetMatchesExactly() {
        let s = Selector(matching: ["b": "2", "a": "1"])
        #expect(s.description == "a=1,b=2")
        #expect(s.matches(["a": "1", "b": "2", "c": "3"]))
        #expect(!s.matches(["a": "1"]))
    }
}
