import Resources
import Testing
@testable import YAML

@Suite struct YAMLDecoderTests {
    let decoder = YAMLDecoder()

    @Test func deploymentParsesToItsJSONShape() throws {
        let value = try decoder.value(from: ManifestCorpus.deployment)
        #expect(value["kind"] == "Deployment")
        #expect(value["spec"]?["replicas"] == .integer(3))
        #expect(value["metadata"]?["labels"]?["app.kubernetes.io/name"] == "web")
        let container = try #require(value["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first)
        #expect(container["image"] == "nginx:1.27.3")
        #expect(container["ports"] == [["containerPort": 8080, "name": "http"]])
        #expect(container["env"] == [["name": "LOG_LEVEL", "value": "debug"], ["name": "WORKERS", "value": "4"]])
        #expect(container["resources"] == ["requests": ["cpu": "100m", "memory": "128Mi"], "limits": ["memory": "256Mi"]])
        #expect(container["readinessProbe"]?["httpGet"]?["port"] == "http")
        #expect(container["livenessProbe"]?["tcpSocket"]?["port"] == .integer(8080))
    }

    @Test func multiDocumentStreamYieldsEveryDocumentInOrder() throws {
        let values = try decoder.values(from: ManifestCorpus.multiDocument)
        #expect(values.map { $0["kind"] } == ["Service", "Deployment", "ConfigMap"])
        #expect(values[1]["spec"]?["selector"]?["matchLabels"] == ["app": "web"])
    }

    @Test func blockScalarsKeepTheirLinesAndChomping() throws {
        let data = try decoder.values(from: ManifestCorpus.multiDocument)[2]["data"]
        #expect(data?["nginx.conf"] == "server {\n  listen 8080;\n  location / { return 200 \"ok\"; }\n}\n")
        #expect(data?["trimmed"] == "no trailing newline")
        #expect(data?["folded"] == "one line\n")
    }

    @Test func helmOutputSkipsEmptyAndCommentOnlyDocuments() throws {
        let documents = try decoder.documents(from: ManifestCorpus.helmRendered)
        #expect(documents.map { $0.value["kind"] } == ["ServiceAccount", "Service", "Pod"])
        #expect(documents[2].value["metadata"]?["annotations"] == ["helm.sh/hook": "test"])
        #expect(documents.map(\.start.line) == [1, 10, 26])
    }

    @Test func emptyDocumentsAreKeptWhenAsked() throws {
        let keeping = YAMLDecoder(skipsEmptyDocuments: false)
        #expect(try keeping.values(from: "a: 1\n---\n# nothing\n---\nnull\n") == [["a": 1], nil, nil])
        #expect(try decoder.values(from: "a: 1\n---\n# nothing\n---\nnull\n") == [["a": 1]])
        #expect(try decoder.values(from: "") == [])
    }

    @Test func documentStartIsItsMarkerOrFirstContent() throws {
        let documents = try decoder.documents(from: "# header\n\nkind: A\n---\nkind: B\n")
        #expect(documents.map(\.start) == [YAMLLocation(line: 3, column: 1), YAMLLocation(line: 4, column: 1)])
    }

    @Test func lookalikeStringsStayStringsOnlyWhenQuoted() throws {
        let value = try decoder.value(from: ManifestCorpus.lookalikes)
        let expected: JSONValue = [
            "version": "1.10",
            "unquotedVersion": .number(1.1),
            "enabled": "true",
            "port": "8080",
            "true": true,  // `on` is a YAML 1.1 boolean key, as sigs.k8s.io/yaml reads it
            "zip": .integer(668),  // 01234 is octal
            "nothing": "null",
            "tilde": "~",
            "empty": "",
            "hex": "0x1F",
            "when": "2024-01-02",
        ]
        #expect(value == expected)
    }

    @Test func valueRequiresExactlyOneDocument() {
        #expect(throws: YAMLError.self) { try decoder.value(from: "a: 1\n---\nb: 2\n") }
        #expect(throws: YAMLError.self) { try decoder.value(from: "# only a comment\n") }
    }

    @Test func jsonTextIsYAML() throws {
        let json = #"{"kind":"List","items":[{"a":1.5,"b":[true,null,"x"]}],"empty":{}}"#
        #expect(try decoder.value(from: json) == JSONValue.parse(json))
    }

    @Test func utf8TextAndColumnsCountCharacters() throws {
        let documents = try decoder.documents(from: "name: café\nnote: ok\n")
        #expect(documents[0].value["name"] == "café")
        #expect(documents[0].sourceMap.location(of: "note") == YAMLLocation(line: 2, column: 7))
    }
}
