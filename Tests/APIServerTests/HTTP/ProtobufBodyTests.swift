import Foundation
import Resources
import Testing

/// `application/vnd.kubernetes.protobuf` bodies, as `kubectl create` sends them, and answers
/// in protobuf for a client that accepts nothing else.
@Suite struct ProtobufBodyTests {
    typealias O = TestObjects
    static let protobuf = "application/vnd.kubernetes.protobuf"

    static func body(_ object: JSONValue, as type: any SchemaDescribing.Type, apiVersion: String, kind: String) throws -> [UInt8] {
        KubernetesProtobufEnvelope(apiVersion: apiVersion, kind: kind,
                                   raw: try ProtobufEncoder.encode(object, as: type)).encoded
    }

    @Test func aProtobufDeploymentIsCreatedAndDefaultedLikeAJSONOne() async throws {
        try await APIClient.withServer { api in
            var deployment = O.deployment("web", replicas: 0)
            deployment["apiVersion"] = nil
            deployment["kind"] = nil
            let bytes = try Self.body(deployment, as: Deployment.self, apiVersion: "apps/v1", kind: "Deployment")
            let reply = try await api.send(.POST, O.deployments, bytes: bytes, contentType: Self.protobuf,
                                           accept: "\(Self.protobuf), application/json")
            #expect(reply.status == 201, "\(reply)")
            #expect(reply.headers.first(name: "Content-Type") == "application/json", "JSON is the answer when accepted")
            #expect(reply.json["kind"] == "Deployment")
            #expect(reply.json["spec"]?["replicas"] == 0, "an explicit zero survives the wire")
            #expect(reply.json["spec"]?["strategy"]?["type"] == "RollingUpdate", "defaulted as a JSON body is")
            #expect(reply.json["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["image"] != nil)
        }
    }

    @Test func aClientThatAcceptsOnlyProtobufGetsObjectsListsAndStatusesInProtobuf() async throws {
        try await APIClient.withServer { api in
            _ = try await api.create(O.configMaps, O.configMap("settings", data: ["mode": "one"]))
            let one = try await api.send(.GET, "\(O.configMaps)/settings", accept: Self.protobuf)
            #expect(one.status == 200)
            #expect(one.headers.first(name: "Content-Type") == Self.protobuf)
            let envelope = try KubernetesProtobufEnvelope(decoding: one.body)
            #expect(envelope.kind == "ConfigMap" && envelope.apiVersion == "v1")
            let object = try ProtobufDecoder.decode(envelope.raw, as: ConfigMap.self)
            #expect(object["data"] == ["mode": "one"])
            #expect(object["metadata"]?["name"] == "settings")

            let list = try await api.send(.GET, O.configMaps, accept: Self.protobuf)
            let listEnvelope = try KubernetesProtobufEnvelope(decoding: list.body)
            #expect(listEnvelope.kind == "ConfigMapList")

            let missing = try await api.send(.GET, "\(O.configMaps)/nope", accept: Self.protobuf)
            #expect(missing.status == 404)
            let status = try KubernetesProtobufEnvelope(decoding: missing.body)
            #expect(status.kind == "Status")
            let decoded = try ProtobufDecoder.decode(status.raw, as: StatusMessage.self)
            #expect(decoded["reason"] == "NotFound")
            #expect(decoded["code"] == 404)
        }
    }

    @Test func aProtobufOnlyWatchStreamsLengthDelimitedWatchEvents() async throws {
        try await APIClient.withServer { api in
            _ = try await api.create(O.configMaps, O.configMap("one"))
            _ = try await api.create(O.configMaps, O.configMap("two"))
            let reply = try await api.send(.GET, "\(O.configMaps)?watch=true&timeoutSeconds=1", accept: Self.protobuf)
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "Content-Type") == "\(Self.protobuf);stream=watch")
            let (events, consumed) = try ProtobufWatchEvent.frames(in: reply.body)
            #expect(consumed == reply.body.count, "the stream is whole frames")
            #expect(events.map(\.type) == ["ADDED", "ADDED"])
            let names = try events.map { event -> String in
                let envelope = try KubernetesProtobufEnvelope(decoding: event.object)
                #expect(envelope.kind == "ConfigMap")
                return try ProtobufDecoder.decode(envelope.raw, as: ConfigMap.self)["metadata"]?["name"]?.stringValue ?? ""
            }
            #expect(names.sorted() == ["one", "two"])
        }
    }

    @Test func aMalformedProtobufBodyGetsA400StatusNamingWhatBroke() async throws {
        try await APIClient.withServer { api in
            let noMagic = try await api.send(.POST, O.configMaps, bytes: [1, 2, 3], contentType: Self.protobuf)
            #expect(noMagic.status == 400)
            #expect(noMagic.json["kind"] == "Status")
            #expect(noMagic.message.contains("magic"), "\(noMagic)")

            let truncated = try await api.send(.POST, O.configMaps, bytes: KubernetesProtobufEnvelope.magic + [0x12, 0x7f, 0x0a],
                                               contentType: Self.protobuf)
            #expect(truncated.status == 400)
            #expect(truncated.message.contains("malformed"), "\(truncated)")

            // spec.replicas written as a string.
            let raw: [UInt8] = [0x12, 0x04, 0x0a, 0x02, 0x68, 0x69]
            let wrong = KubernetesProtobufEnvelope(apiVersion: "apps/v1", kind: "Deployment", raw: raw).encoded
            let wrongType = try await api.send(.POST, O.deployments, bytes: wrong, contentType: Self.protobuf)
            #expect(wrongType.status == 400)
            #expect(wrongType.message.contains("spec.replicas"), "\(wrongType)")

            let pod = try Self.body(["metadata": ["name": "p"]], as: Pod.self, apiVersion: "v1", kind: "Pod")
            let mismatch = try await api.send(.POST, O.configMaps, bytes: pod, contentType: Self.protobuf)
            #expect(mismatch.status == 400)
            #expect(mismatch.message.contains("(Pod) does not match the expected kind (ConfigMap)"), "\(mismatch)")
            #expect(try await api.get(O.configMaps).json["items"]?.arrayValue?.isEmpty == true, "nothing was created")
        }
    }
}

/// The Status message, as a protobuf client reads it.
@APIObject(.meta, name: "Status")
struct StatusMessage {
    var status: String?
    var message: String?
    var reason: String?
    var code: Int32?
}

extension StatusMessage: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["status": 2, "message": 3, "reason": 4, "code": .keepsZero(6)]
}
