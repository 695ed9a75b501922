import Resources
import Testing
@testable import YAML

@Suite struct YAMLSourceMapTests {
    @Test func containerImageIsFoundAtItsLine() throws {
        let document = try #require(try YAMLDecoder().documents(from: ManifestCorpus.deployment).first)
        let map = document.sourceMap
        #expect(map.location(of: "spec.template.spec.containers[0].image") == YAMLLocation(line: 22, column: 18))
        #expect(map.location(of: "spec.replicas") == YAMLLocation(line: 10, column: 13))
        #expect(map.location(of: "spec.template.spec.containers[0].env[1].value") == YAMLLocation(line: 30, column: 22))
        #expect(map.location(of: "spec.template.spec.containers[1].image") == nil)
    }

    @Test func kubernetesFieldPathsFindMapKeys() throws {
        let map = try #require(try YAMLDecoder().documents(from: ManifestCorpus.deployment).first).sourceMap
        let labelKey = FieldPath("metadata.labels").key("app.kubernetes.io/name")
        #expect(map.location(of: labelKey) == YAMLLocation(line: 7, column: 29))
        #expect(map.location(of: "metadata.labels[tier]") == map.location(of: "metadata.labels.tier"))
    }

    @Test func missingFieldFallsBackToNearestAncestor() throws {
        let map = try #require(try YAMLDecoder().documents(from: ManifestCorpus.deployment).first).sourceMap
        #expect(map.nearestLocation(of: "spec.template.spec.containers[0].securityContext.runAsUser") == YAMLLocation(line: 20, column: 11))
        #expect(map.nearestLocation(of: "") == YAMLLocation(line: 1, column: 1))
    }

    @Test func locationsInLaterDocumentsAreStreamLines() throws {
        let documents = try YAMLDecoder().documents(from: ManifestCorpus.multiDocument)
        #expect(documents[1].sourceMap.location(of: "spec.template.spec.containers[0].image") == YAMLLocation(line: 26, column: 16))
        #expect(documents[2].sourceMap.location(of: "data[nginx.conf]") == YAMLLocation(line: 33, column: 15))
    }

    @Test func aliasedAndMergedValuesPointAtTheirSource() throws {
        let map = try #require(try YAMLDecoder().documents(from: ManifestCorpus.anchors).first).sourceMap
        #expect(map.location(of: "containers[0].image") == YAMLLocation(line: 12, column: 12))  // local override
        #expect(map.location(of: "containers[0].imagePullPolicy") == YAMLLocation(line: 3, column: 20))  // merged
        #expect(map.location(of: "containers[1]") == YAMLLocation(line: 13, column: 5))  // the alias
        #expect(map.location(of: "containers[1].image") == YAMLLocation(line: 8, column: 10))  // its anchor's text
        #expect(map.location(of: "shared.limits.memory") == YAMLLocation(line: 5, column: 22))
    }

    @Test func entriesPrintKubernetesStylePaths() throws {
        let map = try #require(try YAMLDecoder().documents(from: "a:\n  b.c: [1]\n").first).sourceMap
        #expect(map.entries.map(\.path) == ["", "a", "a[b.c]", "a[b.c][0]"])
    }
}
