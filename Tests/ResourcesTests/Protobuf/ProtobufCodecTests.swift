import Foundation
import Testing
@testable import Resources

/// A Deployment touching the protobuf shapes: nested messages, inlined messages (volume
/// sources, probe handlers, LocalObjectReference), maps, repeated scalars and messages,
/// Quantity, IntOrString, Time, int64, booleans, and pointer scalars set to zero.
private let deploymentJSON = #"""
{
  "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web", "tier": "front"},
               "annotations": {"note": "x"}, "creationTimestamp": "2024-05-01T12:00:00Z", "generation": 3},
  "spec": {
    "replicas": 0,
    "revisionHistoryLimit": 0,
    "selector": {"matchLabels": {"app": "web"},
                 "matchExpressions": [{"key": "tier", "operator": "In", "values": ["front", "edge"]}]},
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
    "template": {
      "metadata": {"labels": {"app": "web"}},
      "spec": {
        "terminationGracePeriodSeconds": 0,
        "automountServiceAccountToken": false,
        "securityContext": {"runAsUser": 0, "fsGroup": 2000},
        "containers": [{
          "name": "web", "image": "busybox:1.36", "command": ["httpd", "-f"], "args": ["-p", "8080"],
          "ports": [{"containerPort": 8080, "protocol": "TCP"}],
          "env": [{"name": "MODE", "value": "prod"},
                  {"name": "PAGE", "valueFrom": {"configMapKeyRef": {"name": "page", "key": "index.html"}}}],
          "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"memory": "128Mi"}},
          "readinessProbe": {"httpGet": {"path": "/", "port": 8080}, "periodSeconds": 5},
          "livenessProbe": {"exec": {"command": ["true"]}, "failureThreshold": 3},
          "volumeMounts": [{"name": "page", "mountPath": "/www", "readOnly": true}]
        }],
        "volumes": [
          {"name": "page", "configMap": {"name": "page", "defaultMode": 420}},
          {"name": "scratch", "emptyDir": {"medium": "Memory", "sizeLimit": "1Gi"}}
        ]
      }
    }
  }
}
"""#

@Suite("Protobuf codec")
struct ProtobufCodecTests {
    @Test("a Deployment survives encoding and decoding member for member")
    func deploymentRoundTrip() throws {
        let object = try JSONValue.parse(deploymentJSON)
        let bytes = try ProtobufEncoder.encode(object, as: Deployment.self)
        let decoded = try ProtobufDecoder.decode(bytes, as: Deployment.self)
        #expect(decoded == object, "\(decoded.serialized())")
        // And the decoded form is a valid model object.
        let typed = try decoded.decode(Deployment.self)
        #expect(typed.spec?.replicas == 0)
        #expect(typed.spec?.template?.spec?.volumes.first?.configMap?.name == "page")
    }

    @Test("the wire carries upstream's field numbers, inlined messages one level down")
    func upstreamNumbers() throws {
        // ConfigMap{metadata(1){name(1)="c"}, data(2){"k": "v"}, binaryData(3){"b": 0x00 0xff}}
        var w = ProtobufWriter()
        var meta = ProtobufWriter()
        meta.field(1, string: "c")
        w.field(1, bytes: meta.bytes)
        var entry = ProtobufWriter()
        entry.field(1, string: "k")
        entry.field(2, string: "v")
        w.field(2, bytes: entry.bytes)
        var binary = ProtobufWriter()
        binary.field(1, string: "b")
        binary.field(2, bytes: [0x00, 0xff])
        w.field(3, bytes: binary.bytes)
        let configMap = try ProtobufDecoder.decode(w.bytes, as: ConfigMap.self)
        #expect(configMap == ["metadata": ["name": "c"], "data": ["k": "v"], "binaryData": ["b": "AP8="]])

        // Volume{name(1)="v", volumeSource(2){configMap(19){localObjectReference(1){name(1)="cm"}}}}
        var reference = ProtobufWriter()
        reference.field(1, string: "cm")
        var source = ProtobufWriter()
        source.field(1, bytes: reference.bytes)
        var volumeSource = ProtobufWriter()
        volumeSource.field(19, bytes: source.bytes)
        var volume = ProtobufWriter()
        volume.field(1, string: "v")
        volume.field(2, bytes: volumeSource.bytes)
        let decoded = try ProtobufDecoder.decode(volume.bytes, as: Volume.self)
        #expect(decoded == ["name": "v", "configMap": ["name": "cm"]])
        #expect(try ProtobufEncoder.encode(decoded, as: Volume.self) == volume.bytes)
    }

    @Test("zero scalars read as unset unless upstream's member keeps them")
    func zeroScalars() throws {
        // PodSpec{restartPolicy(3)="", terminationGracePeriodSeconds(4)=0, hostNetwork(11)=false}
        var w = ProtobufWriter()
        w.field(3, string: "")
        w.field(4, varint: 0)
        w.field(11, varint: 0)
        let spec = try ProtobufDecoder.decode(w.bytes, as: PodSpec.self)
        #expect(spec == ["terminationGracePeriodSeconds": 0])
    }

    @Test("negative int32 and int64 values use ten-byte varints")
    func negativeIntegers() throws {
        let object: JSONValue = ["value": -5, "description": "low"]
        let bytes = try ProtobufEncoder.encode(object, as: PriorityClass.self)
        // value = 2, varint: -5 sign-extended to 64 bits, ten bytes; then description = 4.
        #expect(Array(bytes.prefix(11)) == [0x10, 0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        #expect(Array(bytes.dropFirst(11)) == [0x22, 0x03] + Array("low".utf8))
        #expect(try ProtobufDecoder.decode(bytes, as: PriorityClass.self) == object)
    }

    @Test("fields the message does not declare are skipped, as upstream's decoder does")
    func unknownFieldsSkipped() throws {
        var w = ProtobufWriter()
        w.field(99, string: "from the future")
        w.field(1, string: "10.0.0.1")
        w.field(98, varint: 7)
        #expect(try ProtobufDecoder.decode(w.bytes, as: PodIP.self) == ["ip": "10.0.0.1"])
    }

    @Test("a malformed body fails with the field path where it broke")
    func malformedBodies() throws {
        // DeploymentSpec{replicas(1) as a string}: wrong wire type.
        var spec = ProtobufWriter()
        spec.field(1, string: "three")
        var deployment = ProtobufWriter()
        deployment.field(2, bytes: spec.bytes)
        let wrongType = #expect(throws: ProtobufError.self) {
            try ProtobufDecoder.decode(deployment.bytes, as: Deployment.self)
        }
        #expect(wrongType?.path == "spec.replicas")
        #expect(wrongType?.message.contains("int32") == true)

        // A length running past the end.
        let truncated = #expect(throws: ProtobufError.self) {
            try ProtobufDecoder.decode([0x12, 0x40, 0x08], as: Deployment.self)
        }
        #expect(truncated?.message == "unexpected end of message")

        // Invalid UTF-8 in a string.
        var meta = ProtobufWriter()
        meta.field(1, bytes: [0xff, 0xfe])
        var configMap = ProtobufWriter()
        configMap.field(1, bytes: meta.bytes)
        let badText = #expect(throws: ProtobufError.self) {
            try ProtobufDecoder.decode(configMap.bytes, as: ConfigMap.self)
        }
        #expect(badText?.path == "metadata.name")
    }

    @Test("the envelope carries apiVersion, kind and the raw message, behind the magic k8s\\0")
    func envelope() throws {
        let envelope = KubernetesProtobufEnvelope(apiVersion: "apps/v1", kind: "Deployment", raw: [1, 2, 3])
        let bytes = envelope.encoded
        #expect(Array(bytes.prefix(4)) == [0x6b, 0x38, 0x73, 0x00])
        #expect(try KubernetesProtobufEnvelope(decoding: bytes) == envelope)
        let noMagic = #expect(throws: ProtobufError.self) {
            try KubernetesProtobufEnvelope(decoding: Array("{\"kind\":\"Pod\"}".utf8))
        }
        #expect(noMagic?.message.contains("magic") == true)
        #expect(throws: ProtobufError.self) { try KubernetesProtobufEnvelope(decoding: KubernetesProtobufEnvelope.magic + [0x0a, 0x05]) }
    }

    @Test("times: whole seconds for Time, microseconds for MicroTime, an empty Time unset")
    func times() throws {
        let lease: JSONValue = ["holderIdentity": "a", "renewTime": "2024-05-01T12:00:00.250000Z", "acquireTime": "2024-05-01T11:00:00.000000Z"]
        let bytes = try ProtobufEncoder.encode(lease, as: LeaseSpec.self)
        #expect(try ProtobufDecoder.decode(bytes, as: LeaseSpec.self) == lease)

        var meta = ProtobufWriter()
        meta.field(1, string: "x")
        meta.field(8, bytes: [])  // creationTimestamp: the empty message Go writes for a zero Time
        #expect(try ProtobufDecoder.decode(meta.bytes, as: ObjectMeta.self) == ["name": "x"])
    }
}
