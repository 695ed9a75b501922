import Testing
import Resources
@testable import APIServer

/// JSON patch (RFC 6902): the examples of its appendix A, then bounds, escapes and errors.
@Suite struct JSONPatchTests {
    /// One RFC 6902 appendix A example: `result` nil means the patch must fail.
    struct Example: Sendable, CustomStringConvertible {
        let description: String
        let document: String
        let patch: String
        let result: String?
    }

    static let appendixA: [Example] = [
        .init(
            description: "A.1 adding an object member", document: #"{"foo":"bar"}"#,
            patch: #"[{"op":"add","path":"/baz","value":"qux"}]"#, result: #"{"baz":"qux","foo":"bar"}"#),
        .init(
            description: "A.2 adding an array element", document: #"{"foo":["bar","baz"]}"#,
            patch: #"[{"op":"add","path":"/foo/1","value":"qux"}]"#, result: #"{"foo":["bar","qux","baz"]}"#),
        .init(
            description: "A.3 removing an object member", document: #"{"baz":"qux","foo":"bar"}"#,
            patch: #"[{"op":"remove","path":"/baz"}]"#, result: #"{"foo":"bar"}"#),
        .init(
            description: "A.4 removing an array element", document: #"{"foo":["bar","qux","baz"]}"#,
            patch: #"[{"op":"remove","path":"/foo/1"}]"#, result: #"{"foo":["bar","baz"]}"#),
        .init(
            description: "A.5 replacing a value", document: #"{"baz":"qux","foo":"bar"}"#,
            patch: #"[{"op":"replace","path":"/baz","value":"boo"}]"#, result: #"{"baz":"boo","foo":"bar"}"#),
        .init(
            description: "A.6 moving a value", document: #"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#,
            patch: #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#,
            result: #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#),
        .init(
            description: "A.7 moving an array element", document: #"{"foo":["all","grass","cows","eat"]}"#,
            patch: #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#, result: #"{"foo":["all","cows","eat","grass"]}"#),
        .init(
            description: "A.8 testing a value: success", document: #"{"baz":"qux","foo":["a",2,"c"]}"#,
            patch: #"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#,
            result: #"{"baz":"qux","foo":["a",2,"c"]}"#),
        .init(
            description: "A.9 testing a value: error", document: #"{"baz":"qux"}"#,
            patch: #"[{"op":"test","path":"/baz","value":"bar"}]"#, result: nil),
        .init(
            description: "A.10 adding a nested member object", document: #"{"foo":"bar"}"#,
            patch: #"[{"op":"add","path":"/child","value":{"grandchild":{}}}]"#, result: #"{"child":{"grandchild":{}},"foo":"bar"}"#),
        .init(
            description: "A.11 ignoring unrecognized elements", document: #"{"foo":"bar"}"#,
            patch: #"[{"op":"add","path":"/baz","value":"qux","xyz":123}]"#, result: #"{"baz":"qux","foo":"bar"}"#),
        .init(
            description: "A.12 adding to a nonexistent target", document: #"{"foo":"bar"}"#,
            patch: #"[{"op":"add","path":"/baz/bat","value":"qux"}]"#, result: nil),
        .init(
            description: "A.14 ~ escape ordering", document: #"{"/":9,"~1":10}"#,
            patch: #"[{"op":"test","path":"/~01","value":10}]"#, result: #"{"/":9,"~1":10}"#),
        .init(
            description: "A.15 comparing strings and numbers", document: #"{"/":9,"~1":10}"#,
            patch: #"[{"op":"test","path":"/~01","value":"10"}]"#, result: nil),
        .init(
            description: "A.16 adding an array value", document: #"{"foo":["bar"]}"#,
            patch: #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#, result: #"{"foo":["bar",["abc","def"]]}"#),
    ]

    @Test(arguments: appendixA)
    func appendixAExampleGivesRFCResult(_ example: Example) throws {
        let document = try json(example.document)
        let patch = try json(example.patch)
        if let expected = example.result {
            #expect(try applyPatch(.json, patch, to: document, schema: nil) == json(expected))
        } else {
            #expect(throws: PatchError.self) { try applyPatch(.json, patch, to: document, schema: nil) }
        }
    }

    /// Applies a JSON patch given as text, for the tests below.
    private func patched(_ document: String, _ patch: String) throws -> JSONValue {
        try applyPatch(.json, json(patch), to: json(document), schema: nil)
    }

    /// The message of the error a JSON patch fails with, or nil when it applies.
    private func failure(_ document: String, _ patch: String) throws -> String? {
        let document = try json(document)
        let patch = try json(patch)
        do {
            _ = try applyPatch(.json, patch, to: document, schema: nil)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func replaceOfMissingMemberNamesOperationAndPath() throws {
        #expect(
            try failure(#"{"spec":{}}"#, #"[{"op":"replace","path":"/spec/foo","value":1}]"#)
                == #"replace operation does not apply: doc is missing path: "/spec/foo""#)
    }

    @Test func removeOfMissingMemberNamesOperationAndPath() throws {
        #expect(
            try failure(#"{"metadata":{"labels":{}}}"#, #"[{"op":"remove","path":"/metadata/labels/app"}]"#)
                == #"remove operation does not apply: doc is missing path: "/metadata/labels/app""#)
    }

    @Test func addUnderMissingParentNamesOperationAndPath() throws {
        #expect(
            try failure(#"{}"#, #"[{"op":"add","path":"/metadata/labels/app","value":"x"}]"#)
                == #"add operation does not apply: doc is missing path: "/metadata/labels/app""#)
    }

    @Test func addAtArrayEndIndexAppends() throws {
        #expect(try patched(#"{"a":[1,2]}"#, #"[{"op":"add","path":"/a/2","value":3}]"#) == json(#"{"a":[1,2,3]}"#))
    }

    @Test(arguments: [
        (#"[{"op":"add","path":"/a/3","value":0}]"#, #"add operation does not apply: invalid array index "3" in path "/a/3""#),
        (#"[{"op":"add","path":"/a/-1","value":0}]"#, #"add operation does not apply: invalid array index "-1" in path "/a/-1""#),
        (#"[{"op":"add","path":"/a/01","value":0}]"#, #"add operation does not apply: invalid array index "01" in path "/a/01""#),
        (#"[{"op":"replace","path":"/a/2","value":0}]"#, #"replace operation does not apply: invalid array index "2" in path "/a/2""#),
        (#"[{"op":"replace","path":"/a/-","value":0}]"#, #"replace operation does not apply: invalid array index "-" in path "/a/-""#),
        (#"[{"op":"remove","path":"/a/2"}]"#, #"remove operation does not apply: invalid array index "2" in path "/a/2""#),
        (#"[{"op":"test","path":"/a/2","value":0}]"#, #"test operation does not apply: doc is missing path: "/a/2""#),
    ])
    func arrayIndexOutOfBoundsIsRefused(patch: String, message: String) throws {
        #expect(try failure(#"{"a":[1,2]}"#, patch) == message)
    }

    @Test func pointerTokensUnescapeSlashAndTilde() throws {
        #expect(
            try patched(#"{"a/b":{"c~d":1}}"#, #"[{"op":"replace","path":"/a~1b/c~0d","value":2}]"#)
                == json(#"{"a/b":{"c~d":2}}"#))
    }

    @Test func emptyTokenNamesTheEmptyKey() throws {
        #expect(try patched(#"{"":{"":1}}"#, #"[{"op":"replace","path":"//","value":2}]"#) == json(#"{"":{"":2}}"#))
    }

    @Test(arguments: ["a", "/a~2", "/a~"])
    func malformedPointerIsRefused(pointer: String) throws {
        let message = try failure(#"{"a":1}"#, #"[{"op":"remove","path":"\#(pointer)"}]"#)
        #expect(message?.contains("invalid JSON pointer \"\(pointer)\"") == true)
    }

    @Test func copyDuplicatesValue() throws {
        #expect(
            try patched(#"{"a":{"b":[1]}}"#, #"[{"op":"copy","from":"/a/b","path":"/c"}]"#)
                == json(#"{"a":{"b":[1]},"c":[1]}"#))
    }

    @Test func moveIntoOwnChildIsRefused() throws {
        #expect(
            try failure(#"{"a":{"b":{}}}"#, #"[{"op":"move","from":"/a","path":"/a/b/c"}]"#)
                == #"move operation does not apply: cannot move "/a" into its own child "/a/b/c""#)
    }

    @Test func moveOfMissingValueNamesFromPath() throws {
        #expect(
            try failure(#"{}"#, #"[{"op":"move","from":"/x","path":"/y"}]"#)
                == #"move operation does not apply: doc is missing from path: "/x""#)
    }

    @Test func moveToSameLocationKeepsDocument() throws {
        #expect(try patched(#"{"a":1}"#, #"[{"op":"move","from":"/a","path":"/a"}]"#) == json(#"{"a":1}"#))
    }

    @Test func emptyPathAddOrReplaceReplacesDocument() throws {
        #expect(try patched(#"{"a":1}"#, #"[{"op":"replace","path":"","value":{"b":2}}]"#) == json(#"{"b":2}"#))
        #expect(try patched(#"{"a":1}"#, #"[{"op":"add","path":"","value":[1]}]"#) == json(#"[1]"#))
    }

    @Test func removeOfWholeDocumentIsRefused() throws {
        #expect(try failure(#"{"a":1}"#, #"[{"op":"remove","path":""}]"#) != nil)
    }

    @Test func testComparesNumbersByValueAndObjectsRegardlessOfOrder() throws {
        #expect(try failure(#"{"a":1,"b":{"x":1,"y":[true,null]}}"#, #"[{"op":"test","path":"/a","value":1.0}]"#) == nil)
        #expect(try failure(#"{"b":{"x":1,"y":[true,null]}}"#, #"[{"op":"test","path":"/b","value":{"y":[true,null],"x":1}}]"#) == nil)
        #expect(try failure(#"{"b":[1,2]}"#, #"[{"op":"test","path":"/b","value":[2,1]}]"#) != nil)
    }

    @Test func failedTestNamesPathAndValues() throws {
        #expect(
            try failure(#"{"spec":{"replicas":3}}"#, #"[{"op":"test","path":"/spec/replicas","value":2}]"#)
                == #"test operation failed: the value at path "/spec/replicas" is 3, not 2"#)
    }

    @Test func nullValueIsAValue() throws {
        #expect(try patched(#"{"a":1}"#, #"[{"op":"replace","path":"/a","value":null}]"#) == json(#"{"a":null}"#))
        #expect(try failure(#"{"a":null}"#, #"[{"op":"test","path":"/a","value":null}]"#) == nil)
    }

    @Test func operationsApplyInOrderAndAllOrNothing() throws {
        #expect(
            try patched(#"{}"#, #"[{"op":"add","path":"/a","value":[]},{"op":"add","path":"/a/-","value":1},{"op":"move","from":"/a","path":"/b"}]"#)
                == json(#"{"b":[1]}"#))
        #expect(try failure(#"{}"#, #"[{"op":"add","path":"/a","value":1},{"op":"remove","path":"/zz"}]"#) != nil)
    }

    @Test(arguments: [
        (#"{"op":"add"}"#, #"add operation 0 is missing a string "path""#),
        (#"{"op":"add","path":"/a"}"#, #"add operation 0 is missing "value""#),
        (#"{"op":"move","path":"/a"}"#, #"move operation 0 is missing a string "from""#),
        (#"{"op":"frobnicate","path":"/a"}"#, #"JSON patch operation 0 has unsupported op "frobnicate""#),
        (#"{"path":"/a"}"#, #"JSON patch operation 0 is missing a string "op""#),
        (#"17"#, "JSON patch operation 0 must be a JSON object"),
    ])
    func malformedOperationIsRefused(operation: String, message: String) throws {
        #expect(try failure(#"{"a":1}"#, "[\(operation)]") == message)
    }

    @Test func patchThatIsNotAnArrayIsRefused() throws {
        #expect(try failure(#"{}"#, #"{"op":"add","path":"/a","value":1}"#) == "a JSON patch must be a JSON array of operations")
    }
}
