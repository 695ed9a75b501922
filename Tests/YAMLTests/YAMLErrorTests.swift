import Testing
@testable import YAML

/// Syntax and semantic errors point at the offending line and column, 1-based.
@Suite struct YAMLErrorTests {
    func error(in text: String) -> YAMLError? {
        #expect(throws: YAMLError.self) { try YAMLDecoder().values(from: text) }
    }

    @Test func badIndentationPointsAtTheUnexpectedValue() {
        let error = error(in: "metadata:\n  name: web\n    labels: x\n")
        #expect(error?.line == 3)
        #expect(error?.column == 11)
        #expect(error?.message == "mapping values are not allowed in this context")
        #expect(error?.description == "line 3, column 11: mapping values are not allowed in this context")
    }

    @Test func tabIndentationIsAnError() {
        let error = error(in: "spec:\n\treplicas: 1\n")
        #expect(error?.line == 2)
        #expect(error?.column == 1)
        #expect(error?.message == "found character that cannot start any token")
    }

    @Test func unclosedQuoteReportsTheEndAndWhereTheQuoteBegan() {
        let error = error(in: "a: 1\nb: \"open\nc: 3\n")
        #expect(error?.line == 4)
        #expect(error?.column == 1)
        #expect(error?.message == "found unexpected end of stream")
        #expect(error?.context == "while scanning a quoted scalar")
        #expect(error?.contextLocation == YAMLLocation(line: 2, column: 4))
    }

    @Test func duplicateKeyReportsBothOccurrences() {
        let error = error(in: "spec:\n  replicas: 1\n  paused: false\n  replicas: 2\n")
        #expect(error?.line == 4)
        #expect(error?.column == 3)
        #expect(error?.message == "mapping key \"replicas\" already defined at line 2, column 3")
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        #expect(try YAMLDecoder().value(from: "a: {name: x}\nb: {name: z}\n") == ["a": ["name": "x"], "b": ["name": "z"]])
    }

    @Test func errorInALaterDocumentCountsLinesFromTheStreamStart() {
        let error = error(in: "a: 1\n---\nb: 2\n---\nc: [1, 2\n")
        #expect(error?.line == 6)
    }

    @Test func invalidUTF8ReportsItsPosition() {
        let bytes: [UInt8] = Array("a: 1\nb: ".utf8) + [0xFF, 0x0A]
        let error = #expect(throws: YAMLError.self) { try YAMLDecoder().documents(from: bytes) }
        #expect(error?.line == 2)
        #expect(error?.column == 4)
    }

    @Test func complexKeysAreRejected() {
        let error = error(in: "? [a, b]\n: c\n")
        #expect(error?.line == 1)
    }

    @Test func deepNestingIsRejected() {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = error(in: text)
        #expect(error?.message.contains("nesting deeper than") == true)
    }
}
