import Resources
import Testing
@testable import YAML

@Suite struct AnchorsAndMergeKeysTests {
    @Test func aliasesAndMergeKeysExpandWithLocalKeysOverriding() throws {
        let value = try YAMLDecoder().value(from: ManifestCorpus.anchors)
        let containers = try #require(value["containers"]?.arrayValue)
        #expect(containers[0] == [
            "name": "main", "image": "busybox:1.36", "imagePullPolicy": "IfNotPresent",
            "resources": ["limits": ["memory": "64Mi"]],
        ])
        #expect(containers[1] == ["name": "log", "image": "fluent-bit"])
        // Earlier maps in a merge list win over later ones; local keys win over both.
        #expect(containers[2] == [
            "name": "log2", "image": "fluent-bit", "imagePullPolicy": "IfNotPresent",
            "resources": ["limits": ["memory": "64Mi"]],
        ])
        #expect(value["shared"] == ["limits": ["memory": "64Mi"]])
    }

    @Test func localKeyWinsEvenWhenWrittenBeforeTheMergeKey() throws {
        let value = try YAMLDecoder().value(from: "base: &b {a: 1, b: 2}\nx:\n  a: 9\n  <<: *b\n")
        #expect(value["x"] == ["a": 9, "b": 2])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let value = try YAMLDecoder().value(from: "base: &b {a: 1}\nx:\n  '<<': *b\n")
        #expect(value["x"] == ["<<": ["a": 1]])
    }

    @Test func mergeOfAScalarIsAnError() {
        let error = #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: "s: &s text\nx:\n  <<: *s\n") }
        #expect(error?.line == 3)
        #expect(error?.message == "map merge requires map or sequence of maps as the value")
    }

    @Test func unknownAliasIsAnError() {
        let error = #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: "a: 1\nb: *missing\n") }
        #expect(error?.line == 2)
        #expect(error?.column == 4)
        #expect(error?.message == "unknown anchor 'missing' referenced")
    }

    @Test func anchorsDoNotCrossDocuments() {
        #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: "a: &x 1\n---\nb: *x\n") }
    }

    @Test func aliasedScalarCanBeAKey() throws {
        #expect(try YAMLDecoder().value(from: "k: &k name\n*k : v\n") == ["k": "name", "name": "v"])
    }

    @Test func aliasBombIsStoppedEarly() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            let refs = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            text += "\(name): &\(name) [\(refs)]\n"
            previous = name
        }
        let error = #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: text) }
        #expect(error?.message.contains("excessive aliasing") == true)
    }

    @Test func modestAliasingIsWithinTheLimit() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        #expect(try YAMLDecoder(maxAliasExpansion: 12).value(from: text)["b"] == [[1, 2, 3], [1, 2, 3], [1, 2, 3]])
        #expect(throws: YAMLError.self) { try YAMLDecoder(maxAliasExpansion: 11).value(from: text) }
    }
}
