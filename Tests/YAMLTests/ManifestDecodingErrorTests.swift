import Resources
import Testing
import YAML

/// Bad manifests fail with the file, line, column and field path of the offending value.
@Suite struct ManifestDecodingErrorTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: three
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.25
                imagePullPolicyy: Always
        """

    static func document(_ text: String) throws -> YAMLDocument {
        try #require(try YAMLDecoder().documents(from: text).first)
    }

    @Test func aWrongTypeNamesFileLineColumnAndFieldPath() throws {
        let doc = try Self.document(Self.deployment)
        #expect(throws: ManifestError.self) { try doc.decode(Deployment.self, file: "deploy.yaml") }
        do {
            _ = try doc.decode(Deployment.self, file: "deploy.yaml")
        } catch {
            #expect(error.description == "deploy.yaml:6:13: spec.replicas: Invalid value: expected an integer")
        }
    }

    @Test func anUnknownFieldIsRefusedInStrictModeWithItsPath() throws {
        let text = Self.deployment.replacingOccurrences(of: "replicas: three", with: "replicas: 3")
        let doc = try Self.document(text)
        do {
            _ = try doc.decode(Deployment.self, file: "deploy.yaml")
            Issue.record("strict decoding accepted an unknown field")
        } catch {
            #expect(error.location == YAMLLocation(line: 16, column: 27))
            #expect(error.description == #"deploy.yaml:16:27: unknown field "spec.template.spec.containers[0].imagePullPolicyy""#)
        }
        // Without strict checking the member is kept, not lost.
        let lenient = try doc.decode(Deployment.self, strict: false)
        #expect(lenient.spec?.template?.spec?.containers.first?.unknownFields["imagePullPolicyy"] == "Always")
    }

    @Test func unknownFieldPathsCoverListsMapsAndNesting() throws {
        let pod = try JSONValue.parse(#"""
            {"apiVersion":"v1","kind":"Pod","bogus":1,"metadata":{"name":"p","labelz":{}},
             "spec":{"containers":[{"name":"a"},{"name":"b","extra":true}],
                     "nodeSelector":{"k":"v"}}}
            """#).decode(Pod.self)
        #expect(pod.unknownFieldPaths().map(\.text) == ["bogus", "metadata.labelz", "spec.containers[1].extra"])
    }
}

@Suite struct ManifestValidationLocationTests {
    @Test func validationErrorsPointAtTheLineOfTheirField() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: -1
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
            """
        let doc = try #require(try YAMLDecoder().documents(from: text).first)
        var deployment = try doc.decode(Deployment.self, file: "deploy.yaml")
        deployment.applyDefaults()
        let located = doc.locate(deployment.validate(), file: "deploy.yaml").map(\.description)
        #expect(located.contains("deploy.yaml:6:13: spec.replicas: Invalid value: -1: must be greater than or equal to 0"))
        // A missing field points at the value that should hold it.
        #expect(located.contains("deploy.yaml:14:9: spec.template.spec.containers[0].image: Required value"))
    }
}
