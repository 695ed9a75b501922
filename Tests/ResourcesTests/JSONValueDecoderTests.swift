import Foundation
import Testing
@testable import Resources

/// The direct decoder gives what `JSONDecoder` gives from the same value's text: the same
/// objects, and the same errors at the same paths.
@Suite struct JSONValueDecoderTests {
    static func viaText<T: Decodable>(_ type: T.Type, _ value: JSONValue) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(value.serializedBytes()))
    }

    static let objects: [String] = [
        #"""
        {"apiVersion": "v1", "kind": "Pod", "futureTop": {"x": [1, null, "a"]},
         "metadata": {"name": "p", "namespace": "d", "labels": {"a": "b"}, "creationTimestamp": "2024-05-01T12:00:00Z",
                      "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "rs", "uid": "u", "controller": true}],
                      "generateName": null},
         "spec": {"containers": [{"name": "c", "image": "i", "futureField": 1.5,
                                  "resources": {"requests": {"cpu": 0.5, "memory": 1024}, "limits": {"cpu": "2"}},
                                  "ports": [{"containerPort": 80.0}],
                                  "readinessProbe": {"httpGet": {"port": "http", "path": "/"}, "periodSeconds": 1e1},
                                  "livenessProbe": {"tcpSocket": {"port": 8080}}}],
                  "terminationGracePeriodSeconds": 30, "nodeSelector": {}, "volumes": [],
                  "affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [{"matchExpressions": [{"key": "k", "operator": "In", "values": ["v"]}]}]}}}},
         "status": {"phase": "Running", "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2024-05-01T12:00:01.5Z"}]}}
        """#,
        #"""
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
         "spec": {"replicas": 0, "selector": {"matchLabels": {"app": "w"}},
                  "strategy": {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
                  "template": {"metadata": {"labels": {"app": "w"}}, "spec": {"containers": []}}}}
        """#,
    ]

    @Test func objectsDecodeAlike() throws {
        let pod = try JSONValue.parse(Self.objects[0])
        #expect(try JSONValueDecoder.decode(Pod.self, from: pod) == Self.viaText(Pod.self, pod))
        #expect(try JSONValueDecoder.decode(Pod.self, from: pod).unknownFields["futureTop"] == ["x": [1, nil, "a"]])
        let deployment = try JSONValue.parse(Self.objects[1])
        #expect(try JSONValueDecoder.decode(Deployment.self, from: deployment) == Self.viaText(Deployment.self, deployment))
        #expect(try JSONValueDecoder.decode(JSONValue.self, from: pod) == pod)
        #expect(try JSONValueDecoder.decode([String: [Int32]].self, from: ["a": [1, 2.0]]) == ["a": [1, 2]])
    }

    /// Bodies that fail, and the path and message each failure is reported with.
    static let failures: [(body: String, path: String, message: String)] = [
        (#"{"spec": {"replicas": "three"}}"#, "spec.replicas", "Invalid value: expected an integer"),
        (#"{"spec": {"replicas": 2.5}}"#, "spec.replicas", "Invalid value: Number 2.5 is not representable in Int32."),
        (#"{"spec": {"replicas": 3000000000}}"#, "spec.replicas", "Invalid value: Number 3000000000 is not representable in Int32."),
        (#"{"metadata": {"name": 5}}"#, "metadata.name", "Invalid value: expected a string"),
        (#"{"metadata": {"labels": {"a": true}}}"#, "metadata.labels.a", "Invalid value: expected a string"),
        (#"{"metadata": {"labels": []}}"#, "metadata.labels", "Invalid value: expected an object"),
        (#"{"spec": {"template": {"spec": {"containers": {}}}}}"#, "spec.template.spec.containers", "Invalid value: expected a list"),
        (#"{"spec": {"template": {"spec": {"containers": [null]}}}}"#, "spec.template.spec.containers[0]", "Invalid value: expected an object, found null"),
        (#"{"spec": {"paused": 1}}"#, "spec.paused", "Invalid value: expected a boolean"),
        (#"{"spec": {"strategy": {"rollingUpdate": {"maxSurge": true}}}}"#, "spec.strategy.rollingUpdate.maxSurge", "Invalid value: expected a string"),
        (#"{"spec": {"template": {"spec": {"containers": [{"name": "a", "resources": {"limits": {"cpu": []}}}]}}}}"#,
         "spec.template.spec.containers[0].resources.limits.cpu", "Invalid value: expected a number"),
        (#"{"metadata": {"creationTimestamp": "yesterday"}}"#, "metadata.creationTimestamp", "Invalid value: invalid RFC 3339 time 'yesterday'"),
        (#"[]"#, "", "Invalid value: expected an object"),
    ]

    @Test func failuresNameThePathAndWhatWasExpected() throws {
        for failure in Self.failures {
            let value = try JSONValue.parse(failure.body)
            do {
                _ = try JSONValueDecoder.decode(Deployment.self, from: value)
                Issue.record("\(failure.body) decoded")
            } catch let error as DecodingError {
                let (path, message) = error.fieldPathAndMessage
                #expect(path.text == failure.path, "\(failure.body)")
                #expect(message == failure.message, "\(failure.body)")
            }
        }
    }

    @Test func aMissingRequiredMemberIsNamed() throws {
        let value: JSONValue = ["matchLabelExpressions": [["key": "zone", "values": ["a"]], ["values": ["b"]]]]
        for decode in [{ try JSONValueDecoder.decode(TopologySelectorTerm.self, from: value) },
                       { try Self.viaText(TopologySelectorTerm.self, value) }] {
            do {
                _ = try decode()
                Issue.record("decoded without the key")
            } catch let error as DecodingError {
                #expect(error.fieldPathAndMessage.0.text == "matchLabelExpressions[1].key")
                #expect(error.fieldPathAndMessage.1 == "Required value")
            }
        }
    }

    @Test func failuresMatchJSONDecoderExceptForRange() throws {
        for failure in Self.failures where !failure.message.contains("representable") {
            let value = try JSONValue.parse(failure.body)
            var direct: (FieldPath, String)?
            var text: (FieldPath, String)?
            do { _ = try JSONValueDecoder.decode(Deployment.self, from: value) } catch let error as DecodingError { direct = error.fieldPathAndMessage }
            do { _ = try Self.viaText(Deployment.self, value) } catch let error as DecodingError { text = error.fieldPathAndMessage }
            #expect(direct?.0.text == text?.0.text, "\(failure.body)")
            #expect(direct?.1 == text?.1, "\(failure.body)")
        }
    }
}

/// The direct encoder gives what `JSONEncoder` and a re-parse give.
@Suite struct JSONValueEncoderTests {
    static func viaText(_ value: some Encodable) throws -> JSONValue {
        try JSONValue.parse(JSONEncoder().encode(value))
    }

    @Test func objectsEncodeAlike() throws {
        for text in JSONValueDecoderTests.objects {
            let value = try JSONValue.parse(text)
            let pod = try value.decode(Pod.self)
            #expect(try JSONValueEncoder.encode(pod) == Self.viaText(pod))
            let deployment = try value.decode(Deployment.self)
            #expect(try JSONValueEncoder.encode(deployment) == Self.viaText(deployment))
        }
        let pod = try JSONValue.parse(JSONValueDecoderTests.objects[0]).decode(Pod.self)
        let encoded = try JSONValueEncoder.encode(pod)
        #expect(encoded["futureTop"] == ["x": [1, nil, "a"]], "unknown members go back out")
        #expect(encoded["spec"]?["containers"]?.arrayValue?.first?["ports"]?.arrayValue?.first?["containerPort"] == 80)
        #expect(try UnknownFieldsEncoding.$omitted.withValue(true) { try JSONValueEncoder.encode(pod) }["futureTop"] == nil)
        #expect(try JSONValueEncoder.encode(["a": 1.5, "b": 2.0, "c": -0.0]) == ["a": 1.5, "b": 2, "c": 0])
        #expect(try JSONValueEncoder.encode([Int32(1), nil, 3]) == [1, nil, 3])
        #expect(throws: EncodingError.self) { try JSONValueEncoder.encode([Double.nan]) }
    }
}

/// Unknown members found by reading the JSON against the schema are those a typed decode keeps.
@Suite struct SchemaUnknownFieldTests {
    @Test func theSchemaFindsWhatTheDecodeKeeps() throws {
        let text = #"""
            {"apiVersion": "v1", "kind": "Pod", "bogus": 1,
             "metadata": {"name": "p", "labelz": {"a": "b"}, "labels": {"x": "y"}},
             "spec": {"containers": [{"name": "a"}, {"name": "b", "extra": true, "env": [{"name": "E", "valueFrom": {"fieldRef": {"fieldPath": "x", "nope": 1}}}]}],
                      "nodeSelector": {"k": "v"}, "volumes": [{"name": "v", "configMap": {"name": "c", "wrong": []}}],
                      "overhead": {"cpu": "1"}, "futureList": [{"a": 1}]},
             "status": {"conditions": [{"type": "Ready", "status": "True", "later": null}]}}
            """#
        let value = try JSONValue.parse(text)
        let fromSchema = Pod.schema.unknownFieldPaths(in: value).map(\.text)
        #expect(fromSchema == ["bogus", "metadata.labelz", "spec.containers[1].env[0].valueFrom.fieldRef.nope",
                               "spec.containers[1].extra", "spec.futureList", "spec.volumes[0].configMap.wrong",
                               "status.conditions[0].later"])
        #expect(fromSchema == (try value.decode(Pod.self)).unknownFieldPaths().map(\.text))
        #expect(Deployment.schema.unknownFieldPaths(in: try JSONValue.parse(JSONValueDecoderTests.objects[1])).isEmpty)
    }
}
