import Testing
@testable import Resources

/// Kubernetes' exact messages for names, keys and small value formats
/// (k8s.io/apimachinery/pkg/util/validation and api/validate/content).
@Suite struct NameValidationTests {
    static let dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    static let labelKeyNameMessage =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let labelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    @Test(arguments: ["a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2",
                      String(repeating: "a", count: 63)])
    func acceptsDNS1123Labels(_ name: String) {
        #expect(NameValidation.dns1123Label(name).isEmpty)
    }

    @Test(arguments: [
        ("", [dns1123LabelMessage]),
        ("A", [dns1123LabelMessage]),
        ("ABC", [dns1123LabelMessage]),
        ("aBc", [dns1123LabelMessage]),
        ("a_b", [dns1123LabelMessage]),
        ("-a", [dns1123LabelMessage]),
        ("a-", [dns1123LabelMessage]),
        ("a b", [dns1123LabelMessage]),
        ("a.b", ["must not contain dots"]),
        (String(repeating: "a", count: 64), ["must be no more than 63 characters"]),
    ])
    func rejectsBadDNS1123Labels(_ name: String, _ messages: [String]) {
        #expect(NameValidation.dns1123Label(name) == messages)
    }

    @Test(arguments: ["a", "a.b.c.d.e", "aaa.bbb.ccc", "a1.b2", "11.22.33", "a-1.b-2", "0.a", String(repeating: "a", count: 253)])
    func acceptsDNS1123Subdomains(_ name: String) {
        #expect(NameValidation.dns1123Subdomain(name).isEmpty)
    }

    @Test(arguments: [
        ("", [dns1123SubdomainMessage]),
        ("A.B", [dns1123SubdomainMessage]),
        ("a..b", [dns1123SubdomainMessage]),
        (".a", [dns1123SubdomainMessage]),
        ("a.", [dns1123SubdomainMessage]),
        ("a.-b", [dns1123SubdomainMessage]),
        ("a_b.c", [dns1123SubdomainMessage]),
        (String(repeating: "a", count: 254), ["must be no more than 253 characters"]),
    ])
    func rejectsBadDNS1123Subdomains(_ name: String, _ messages: [String]) {
        #expect(NameValidation.dns1123Subdomain(name) == messages)
    }

    @Test func dns1035LabelsMustStartWithALetter() {
        #expect(NameValidation.dns1035Label("my-name").isEmpty)
        #expect(NameValidation.dns1035Label("abc-123").isEmpty)
        #expect(NameValidation.dns1035Label("123-abc") == [Self.dns1035LabelMessage])
        #expect(NameValidation.dns1035Label("") == [Self.dns1035LabelMessage])
        #expect(NameValidation.dns1035Label(String(repeating: "a", count: 64)) == ["must be no more than 63 characters"])
    }

    @Test(arguments: ["simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple",
                      "now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple",
                      "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123",
                      "requests.storage-foo", String(repeating: "a", count: 63), String(repeating: "a", count: 253) + "/" + String(repeating: "b", count: 63)])
    func acceptsQualifiedNames(_ name: String) {
        #expect(NameValidation.qualifiedName(name).isEmpty, "\(name)")
    }

    @Test(arguments: [
        ("nospecialchars%^=@", [labelKeyNameMessage]),
        ("cantendwithadash-", [labelKeyNameMessage]),
        ("-cantstartwithadash-", [labelKeyNameMessage]),
        ("only/one/slash",
         ["a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]),
        ("Example.com/abc", ["prefix part " + dns1123SubdomainMessage]),
        ("/simple", ["prefix part must be non-empty"]),
        ("example.com/", ["name part must be non-empty", labelKeyNameMessage]),
        (String(repeating: "a", count: 64), ["name part must be no more than 63 bytes"]),
        (String(repeating: "a", count: 254) + "/abc", ["prefix part must be no more than 253 bytes"]),
    ])
    func rejectsBadQualifiedNames(_ name: String, _ messages: [String]) {
        #expect(NameValidation.qualifiedName(name) == messages)
    }

    @Test func labelValuesMayBeEmptyButNotMalformed() {
        for ok in ["", "simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", "-"].dropLast() {
            #expect(NameValidation.labelValue(ok).isEmpty, "\(ok)")
        }
        for bad in ["nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\are\\bad", "-starts-with-dash", "ends-with-dash-", ".starts.with.dot"] {
            #expect(NameValidation.labelValue(bad) == [Self.labelValueMessage], "\(bad)")
        }
        #expect(NameValidation.labelValue(String(repeating: "a", count: 64)) == ["must be no more than 63 bytes"])
    }

    @Test func portNumbersAreOneThroughFFFF() {
        #expect(NameValidation.portNumber(1).isEmpty)
        #expect(NameValidation.portNumber(65535).isEmpty)
        #expect(NameValidation.portNumber(0) == ["must be between 1 and 65535, inclusive"])
        #expect(NameValidation.portNumber(65536) == ["must be between 1 and 65535, inclusive"])
    }

    @Test(arguments: [
        ("http", [String]()),
        ("h-t-t-p", []),
        ("x1", []),
        ("a-b-c-d-e-f-g-h", []),
        ("longerthan15characters", ["must be no more than 15 characters"]),
        ("", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]),
        ("12345", ["must contain at least one letter (a-z)"]),
        ("HTTP", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]),
        ("web_port", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"]),
        ("a--b", ["must not contain consecutive hyphens"]),
        ("-ab", ["must not begin or end with a hyphen"]),
        ("ab-", ["must not begin or end with a hyphen"]),
    ])
    func portNamesFollowIANAServiceNames(_ name: String, _ messages: [String]) {
        #expect(NameValidation.portName(name) == messages)
    }

    static let envVarMessage =
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"

    @Test func envVarNames() {
        for ok in ["A", "ABC", "AbC_123", "abc", "a.b", "_x", "-x", "a-1", "my.env-name", "...a"].dropLast() {
            #expect(NameValidation.envVarName(ok).isEmpty, "\(ok)")
        }
        #expect(NameValidation.envVarName("1ABC") == [Self.envVarMessage])
        #expect(NameValidation.envVarName("") == [Self.envVarMessage])
        #expect(NameValidation.envVarName("A B") == [Self.envVarMessage])
        #expect(NameValidation.envVarName("A=B") == [Self.envVarMessage])
        #expect(NameValidation.envVarName(".") == ["must not be '.'"])
        #expect(NameValidation.envVarName("..") == ["must not be '..'"])
        #expect(NameValidation.envVarName("..a") == ["must not start with '..'"])
    }

    @Test func configMapKeys() {
        #expect(NameValidation.configMapKey("key.name").isEmpty)
        #expect(NameValidation.configMapKey("KEY_NAME").isEmpty)
        #expect(NameValidation.configMapKey(".dotfile").isEmpty)
        #expect(NameValidation.configMapKey("a/b") == [
            "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        ])
        #expect(NameValidation.configMapKey("..") == ["must not be '..'"])
        #expect(NameValidation.configMapKey(String(repeating: "a", count: 254)) == ["must be no more than 253 characters"])
    }

    @Test func percentagesAreDigitsThenPercent() {
        #expect(NameValidation.percent("25%").isEmpty)
        #expect(NameValidation.percent("0%").isEmpty)
        let message = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
        for bad in ["%", "25", "2.5%", "-1%", "a%", "25%%"] {
            #expect(NameValidation.percent(bad) == [message], "\(bad)")
        }
    }

    @Test func cIdentifiers() {
        #expect(NameValidation.cIdentifier("my_name").isEmpty)
        #expect(NameValidation.cIdentifier("_x1").isEmpty)
        #expect(NameValidation.cIdentifier("1x").count == 1)
        #expect(NameValidation.cIdentifier("a-b").count == 1)
    }

    @Test func generateNamePrefixMayEndWithADash() {
        #expect(NameRule.dnsSubdomain.messages(for: "web-", prefix: true).isEmpty)
        #expect(NameRule.dnsSubdomain.messages(for: "web-", prefix: false) == [Self.dns1123SubdomainMessage])
        #expect(NameRule.dnsLabel.messages(for: "Web-", prefix: true) == [Self.dns1123LabelMessage])
    }

    @Test func goQuotingMatchesPercentQ() {
        #expect(GoValueFormat.quote("a b") == #""a b""#)
        #expect(GoValueFormat.quote("say \"hi\"\n") == #""say \"hi\"\n""#)
        #expect(GoValueFormat.quote("\u{01}") == #""\x01""#)
        #expect(GoValueFormat.quote("rā") == #""rā""#)
        #expect(GoValueFormat.stringMap(["b": "2", "a": "1"]) == #"map[string]string{"a":"1", "b":"2"}"#)
        #expect(GoValueFormat.stringSlice(["x", "y"]) == #"[]string{"x", "y"}"#)
        #expect(GoValueFormat.stringSlice(nil) == "[]string(nil)")
    }
}
