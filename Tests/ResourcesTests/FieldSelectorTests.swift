import Testing
@testable import Resources

/// Cases ported from k8s.io/apimachinery/pkg/fields/selector_test.go.
@Suite struct FieldSelectorTests {
    @Test(arguments: [
        ("x=a,y=b,z=c", "x=a,y=b,z=c"),
        ("", ""),
        ("x!=a,y=b", "x!=a,y=b"),
        (#"x=a||y\=b"#, #"x=a||y\=b"#),
        (#"x=a\=\=b"#, #"x=a\=\=b"#),
        ("z=c,x=a", "x=a,z=c"),
        ("x==a", "x=a"),
        ("metadata.name=foo,status.phase!=Running", "metadata.name=foo,status.phase!=Running"),
        ("a=a,", "a=a"),
        (",a=a", "a=a"),
        ("함=수,목=록", "목=록,함=수"),
    ])
    func parsesAndPrintsCanonically(_ text: String, _ canonical: String) throws {
        #expect(try FieldSelector(parsing: text).description == canonical)
    }

    @Test(arguments: [
        ("x=a||y=b", "invalid field selector: unescaped character in value: 61"),
        ("x==a==b", "invalid field selector: unescaped character in value: 61"),
        ("x=a,b", "invalid selector: 'x=a,b'; can't understand 'b'"),
        ("x in (a)", "invalid selector: 'x in (a)'; can't understand 'x in (a)'"),
        ("x in (a,b,c)", "invalid selector: 'x in (a,b,c)'; can't understand"),
        ("x", "invalid selector: 'x'; can't understand 'x'"),
        (#"k=\a"#, #"invalid field selector: invalid escape sequence: \a"#),
        (#"k=\"#, #"invalid field selector: invalid escape sequence: \"#),
    ])
    func rejectsBadSyntax(_ text: String, _ messagePrefix: String) {
        do {
            _ = try FieldSelector(parsing: text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.message.hasPrefix(messagePrefix), "\(text): \(error.message)")
        }
    }

    @Test func errorPositionPointsIntoTheValue() throws {
        let error = try #require(throws: SelectorParseError.self) { try FieldSelector(parsing: #"a=1,bb=x\q"#) }
        #expect(error.position == 8)
    }

    static let fieldSet = ["foo": "bar", "baz": "blah", "complex": #"=value\,\"#]

    @Test(arguments: [
        ("", ["x": "y"], true),
        ("x=y", ["x": "y"], true),
        ("x=y,z=w", ["x": "y", "z": "w"], true),
        ("x!=y,z!=w", ["x": "z", "z": "a"], true),
        ("notin=in", ["notin": "in"], true),
        ("x=y", ["x": "z"], false),
        ("x=y,z=w", ["x": "w", "z": "w"], false),
        ("x!=y,z!=w", ["x": "z", "z": "w"], false),
        ("foo=bar", fieldSet, true),
        ("baz=blah", fieldSet, true),
        ("foo=bar,baz=blah", fieldSet, true),
        (#"foo=bar,baz=blah,complex=\=value\\\,\\"#, fieldSet, true),
        ("foo=blah", fieldSet, false),
        ("baz=bar", fieldSet, false),
        ("foo=bar,foobar=bar,baz=blah", fieldSet, false),
        // An absent field reads as the empty string.
        ("missing=", fieldSet, true),
        ("missing!=x", fieldSet, true),
    ])
    func matchesFields(_ text: String, _ fields: [String: String], _ expected: Bool) throws {
        #expect(try FieldSelector(parsing: text).matches(fields) == expected, "\(text)")
    }

    @Test(arguments: [
        ("", ""), ("a", "a"), ("=", #"\="#), (",", #"\,"#), (#"\"#, #"\\"#), (#"\=\,\"#, #"\\\=\\\,\\"#),
    ])
    func escapingRoundTrips(_ raw: String, _ escaped: String) throws {
        #expect(FieldSelector.escape(raw) == escaped)
        #expect(try FieldSelector.unescape(Substring(escaped)) == raw)
    }

    @Test func requiredValueReportsPinnedFields() throws {
        let s = try FieldSelector(parsing: "metadata.name=foo,spec.nodeName!=n1")
        #expect(s.requiredValue(for: "metadata.name") == "foo")
        #expect(s.requiredValue(for: "spec.nodeName") == nil)
    }
}
