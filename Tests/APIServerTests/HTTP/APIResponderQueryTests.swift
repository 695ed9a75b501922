import Testing
@testable import APIServer

/// `APIResponder.parseQuery`: the query string read as Go's `url.ParseQuery` reads it.
@Suite struct APIResponderQueryTests {
    static let cases: [(query: String, parsed: [String: String])] = [
        ("", [:]),
        ("a=1&b=2", ["a": "1", "b": "2"]),
        ("b=x+y", ["b": "x y"]),
        ("labelSelector=app%3Dweb%2Ctier%20in%20(a%2Cb)", ["labelSelector": "app=web,tier in (a,b)"]),
        ("labelSelector=app+in+(a,b)", ["labelSelector": "app in (a,b)"]),
        ("plus=%2B&space=%20", ["plus": "+", "space": " "]),
        ("watch", ["watch": ""]),
        ("watch=", ["watch": ""]),
        ("fieldSelector=a%3D%3Db=c", ["fieldSelector": "a==b=c"]),
        ("a=first&a=second", ["a": "first"]),
        ("x%20y=1", ["x y": "1"]),
        ("&&a=1&", ["a": "1"]),
    ]

    @Test(arguments: cases)
    func decodesPlusAndPercentEscapes(_ query: String, _ parsed: [String: String]) {
        #expect(APIResponder.parseQuery(query) == parsed)
    }

    static let flags: [(value: String?, flag: Bool)] = [
        (nil, false), ("", true), ("true", true), ("1", true), ("True", true),
        ("false", false), ("FALSE", false), ("0", false),
    ]

    @Test(arguments: flags)
    func booleanParameterFollowsKubernetesCodec(_ value: String?, _ expected: Bool) {
        #expect(APIRequest.flag(value) == expected)
    }
}
