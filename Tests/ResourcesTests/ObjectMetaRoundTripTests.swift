import Testing
@testable import Resources

@Suite struct ObjectMetaRoundTripTests {
    @Test func unknownMembersSurviveDecodeAndEncode() throws {
        let text = #"{"name":"web","labels":{"app":"web"},"futureField":{"nested":[1,2.5,"x",null,true]}}"#
        let meta = try JSONValue.parse(text).decode(ObjectMeta.self)
        #expect(meta.name == "web")
        #expect(meta.unknownFields["futureField"] == ["nested": [1, 2.5, "x", nil, true]])
        #expect(try JSONValue(encoding: meta) == JSONValue.parse(text))
    }

    @Test func defaultedMembersUseTheirInitialValueWhenAbsentOrNull() throws {
        let ref = try JSONValue.parse(#"{"apiVersion":"v1","kind":null}"#).decode(OwnerReference.self)
        #expect(ref.kind == "")
        #expect(ref.apiVersion == "v1")
    }

    @Test func timeRoundTripsRFC3339() throws {
        let t = try #require(Time(rfc3339: "2024-02-29T23:59:58.5+01:00"))
        #expect(t.rfc3339 == "2024-02-29T22:59:58Z")
        #expect(Time(rfc3339: "1970-01-01T00:00:00Z")?.secondsSince1970 == 0)
        #expect(Time(rfc3339: "2024-13-01T00:00:00Z") == nil)
    }
}
