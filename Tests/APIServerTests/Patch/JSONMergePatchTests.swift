import Testing
import Resources
@testable import APIServer

/// JSON merge patch (RFC 7386).
@Suite struct JSONMergePatchTests {
    /// The examples of RFC 7386 appendix A: (original, patch, result).
    static let appendixA: [(String, String, String)] = [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, #"null"#, #"null"#),
        (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"a":1,"e":null}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ]

    @Test(arguments: appendixA)
    func appendixAExampleGivesRFCResult(original: String, patch: String, result: String) throws {
        #expect(JSONMergePatch(try json(patch)).apply(to: try json(original)) == (try json(result)))
    }

    @Test func listsAreReplacedNotMerged() throws {
        let pod = try json(#"{"spec":{"containers":[{"name":"app","image":"v1"},{"name":"sidecar"}]}}"#)
        let patch = try json(#"{"spec":{"containers":[{"name":"app","image":"v2"}]}}"#)
        #expect(
            try applyPatch(.merge, patch, to: pod, schema: PodFixture.pod)
                == json(#"{"spec":{"containers":[{"name":"app","image":"v2"}]}}"#))
    }

    @Test func nullsInsideListsAreKept() throws {
        #expect(JSONMergePatch(try json(#"{"a":[null,{"b":null}]}"#)).apply(to: try json("{}")) == (try json(#"{"a":[null,{"b":null}]}"#)))
    }

    @Test func nonObjectPatchForAnAPIObjectIsRefused() throws {
        #expect(throws: PatchError.self) { try applyPatch(.merge, json("[1]"), to: json("{}"), schema: nil) }
    }
}
