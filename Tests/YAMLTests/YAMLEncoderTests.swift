import Resources
import Testing
@testable import YAML

@Suite struct YAMLEncoderTests {
    let encoder = YAMLEncoder()

    @Test func printsLikeKubectl() {
        let pod: JSONValue = [
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": ["name": "web", "labels": ["app": "web"], "annotations": [:]],
            "spec": [
                "containers": [[
                    "name": "web", "image": "nginx", "args": [],
                    "ports": [["containerPort": 8080, "protocol": "TCP"]],
                ]],
                "terminationGracePeriodSeconds": 30,
                "hostNetwork": false,
                "priority": nil,
            ],
        ]
        #expect(encoder.emit(pod) == """
            apiVersion: v1
            kind: Pod
            metadata:
              annotations: {}
              labels:
                app: web
              name: web
            spec:
              containers:
              - args: []
                image: nginx
                name: web
                ports:
                - containerPort: 8080
                  protocol: TCP
              hostNetwork: false
              priority: null
              terminationGracePeriodSeconds: 30

            """)
    }

    @Test(arguments: ["true", "yes", "Yes", "on", "y", "N", "1.0", "0x1F", "017", "1_000", "null", "~", "", "12", "-1", ".5", ".inf", "2024-01-02", "1:20", "<<"])
    func stringsThatWouldReadBackAsSomethingElseAreDoubleQuoted(text: String) {
        #expect(encoder.emit(["v": .string(text)]) == "v: \"\(text)\"\n")
    }

    @Test func ordinaryStringsArePlain() {
        #expect(encoder.emit(["image": "nginx:1.27", "cpu": "100m", "path": "/healthz", "word": "yES"])
            == "cpu: 100m\nimage: nginx:1.27\npath: /healthz\nword: yES\n")
    }

    @Test func specialCharactersAreQuotedByLibyaml() throws {
        for text in [" leading", "trailing ", "a: b", "x #y", "#comment", "- item", "*star", "&amp", "!bang", "@at", "`tick", "{brace", "'single", "\"double", "tab\there", "%pct"] {
            let yaml = encoder.emit(["v": .string(text)])
            #expect(!yaml.hasPrefix("v: \(text)\n"), "\(text) was written plain")
            #expect(try YAMLDecoder().value(from: yaml) == ["v": .string(text)], "\(text) did not read back")
        }
    }

    @Test func multiLineStringsAreLiteralBlocks() {
        #expect(encoder.emit(["script": "set -e\necho hi\n"]) == "script: |\n  set -e\n  echo hi\n")
        #expect(encoder.emit(["script": "no\nnewline"]) == "script: |-\n  no\n  newline\n")
    }

    @Test func numbersKeepTheirKind() throws {
        let yaml = encoder.emit(["i": 3, "f": .number(3.0), "half": 0.5, "big": .number(1e20), "neg": -7])
        #expect(yaml == "big: 1e+20\nf: 3.0\nhalf: 0.5\ni: 3\nneg: -7\n")
    }

    @Test func multipleDocumentsAreSeparated() throws {
        let yaml = encoder.emit(documents: [["kind": "A"], ["kind": "B"]])
        #expect(yaml == "kind: A\n---\nkind: B\n")
        #expect(try YAMLDecoder().values(from: yaml) == [["kind": "A"], ["kind": "B"]])
    }

    @Test func keysThatLookLikeOtherTypesAreQuoted() {
        #expect(encoder.emit(["true": 1, "1": 2, "on": 3]) == "\"1\": 2\n\"on\": 3\n\"true\": 1\n")
    }

    @Test func unicodeIsWrittenAsIs() {
        #expect(encoder.emit(["name": "café ☕"]) == "name: café ☕\n")
    }

    /// parse → emit → parse gives the same value, for every corpus document.
    @Test(arguments: ManifestCorpus.all.map(\.name))
    func corpusRoundTripsThroughEmit(name: String) throws {
        let text = try #require(ManifestCorpus.all.first { $0.name == name }).text
        let decoder = YAMLDecoder()
        let values = try decoder.values(from: text)
        #expect(!values.isEmpty)
        let emitted = encoder.emit(documents: values)
        #expect(try decoder.values(from: emitted) == values, "\(emitted)")
    }

    @Test func awkwardValuesRoundTrip() throws {
        let value: JSONValue = [
            "strings": ["", " ", "a\n", "\n", "  indented\nblock\n", "trailing space \nx", "tab\tand\nnewline", "\u{0}nul", "é\n", "- a\n- b"],
            "numbers": [0, -0.0, 1.5e-7, .integer(Int64.max), .integer(Int64.min), 1e300],
            "nested": [[[]], [[:]], ["a": [["b": nil]]]],
            "": "empty key",
            "key: with colon": true,
        ]
        #expect(try YAMLDecoder().value(from: encoder.emit(value)) == value)
    }
}
