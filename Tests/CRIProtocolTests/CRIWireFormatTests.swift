import CRIProtocol
import Foundation
import SwiftProtobuf
import Testing

/// The generated CRI types against upstream's field numbers (k8s.io/cri-api api.proto), byte for
/// byte: a renumbered or retyped field in Protos/runtime/v1/api.proto breaks these. Each expected
/// byte string is written out by hand as tag (field number << 3 | wire type), length, payload.
@Suite struct CRIWireFormatTests {
    @Test func runPodSandboxRequestEncodesUpstreamFieldNumbers() throws {
        let request = Runtime_V1_RunPodSandboxRequest.with {
            $0.config.metadata = .with {
                $0.name = "web"
                $0.uid = "u1"
                $0.namespace = "ns"
                $0.attempt = 2
            }
            $0.config.hostname = "h"
            $0.config.logDirectory = "/l"
            $0.config.labels = ["a": "b"]
            $0.config.linux.cgroupParent = "/c"
            $0.config.linux.securityContext.namespaceOptions.network = .node
            $0.runtimeHandler = "runc"
        }

        let metadata: [UInt8] =
            [0x0A, 3] + ascii("web")  // PodSandboxMetadata.name = 1
            + [0x12, 2] + ascii("u1")  // uid = 2
            + [0x1A, 2] + ascii("ns")  // namespace = 3
            + [0x20, 2]  // attempt = 4 (varint)
        let namespaceOptions: [UInt8] = [0x08, 2]  // NamespaceOption.network = 1: NODE = 2
        let securityContext: [UInt8] = [0x0A, UInt8(namespaceOptions.count)] + namespaceOptions  // namespace_options = 1
        let linux: [UInt8] =
            [0x0A, 2] + ascii("/c")  // LinuxPodSandboxConfig.cgroup_parent = 1
            + [0x12, UInt8(securityContext.count)] + securityContext  // security_context = 2
        let labelEntry: [UInt8] = [0x0A, 1] + ascii("a") + [0x12, 1] + ascii("b")  // map entry: key = 1, value = 2
        let config: [UInt8] =
            [0x0A, UInt8(metadata.count)] + metadata  // PodSandboxConfig.metadata = 1
            + [0x12, 1] + ascii("h")  // hostname = 2
            + [0x1A, 2] + ascii("/l")  // log_directory = 3
            + [0x32, UInt8(labelEntry.count)] + labelEntry  // labels = 6
            + [0x42, UInt8(linux.count)] + linux  // linux = 8
        let expected: [UInt8] =
            [0x0A, UInt8(config.count)] + config  // RunPodSandboxRequest.config = 1
            + [0x12, 4] + ascii("runc")  // runtime_handler = 2

        let encoded: [UInt8] = try request.serializedBytes()
        #expect(encoded == expected)
        #expect(try Runtime_V1_RunPodSandboxRequest(serializedBytes: expected) == request)
    }

    @Test func containerConfigEncodesFieldsPastFifteenAsTwoByteTags() throws {
        let config = Runtime_V1_ContainerConfig.with {
            $0.image.image = "busybox"
            $0.image.userSpecifiedImage = "busybox:1"
            $0.envs = [.with {
                $0.key = "K"
                $0.value = Data("v".utf8)
            }]
            $0.linux.resources.memoryLimitInBytes = 64
            $0.linux.securityContext.runAsUser.value = 1000
            $0.cdiDevices = [.with { $0.name = "gpu" }]
            $0.stopSignal = .sigterm
        }

        let image: [UInt8] =
            [0x0A, 7] + ascii("busybox")  // ImageSpec.image = 1
            + [0x92, 0x01, 9] + ascii("busybox:1")  // user_specified_image = 18
        let env: [UInt8] = [0x0A, 1] + ascii("K") + [0x12, 1] + ascii("v")  // KeyValue.key = 1, value = 2
        let resources: [UInt8] = [0x20, 64]  // LinuxContainerResources.memory_limit_in_bytes = 4
        let runAsUser: [UInt8] = [0x08, 0xE8, 0x07]  // Int64Value.value = 1: 1000
        let securityContext: [UInt8] = [0x2A, UInt8(runAsUser.count)] + runAsUser  // run_as_user = 5
        let linux: [UInt8] =
            [0x0A, UInt8(resources.count)] + resources  // LinuxContainerConfig.resources = 1
            + [0x12, UInt8(securityContext.count)] + securityContext  // security_context = 2
        let cdiDevice: [UInt8] = [0x0A, 3] + ascii("gpu")  // CDIDevice.name = 1
        let expected: [UInt8] =
            [0x12, UInt8(image.count)] + image  // ContainerConfig.image = 2
            + [0x32, UInt8(env.count)] + env  // envs = 6
            + [0x7A, UInt8(linux.count)] + linux  // linux = 15
            + [0x8A, 0x01, UInt8(cdiDevice.count)] + cdiDevice  // CDI_devices = 17
            + [0x90, 0x01, 23]  // stop_signal = 18: SIGNAL_SIGTERM = 23

        let encoded: [UInt8] = try config.serializedBytes()
        #expect(encoded == expected)
    }

    @Test func containerStatusDecodesFromUpstreamFieldNumbers() throws {
        // What a runtime sends for an exited container, written out from upstream's numbers.
        let bytes: [UInt8] =
            [0x0A, 2] + ascii("c1")  // ContainerStatus.id = 1
            + [0x18, 2]  // state = 3: CONTAINER_EXITED = 2
            + [0x28, 0x05]  // started_at = 5
            + [0x30, 0x06]  // finished_at = 6
            + [0x38, 0x89, 0x01]  // exit_code = 7: 137
            + [0x4A, 3] + ascii("sha")  // image_ref = 9
            + [0x52, 9] + ascii("OOMKilled")  // reason = 10
            + [0x7A, 2] + ascii("/p")  // log_path = 15
        let status = try Runtime_V1_ContainerStatus(serializedBytes: bytes)
        #expect(status.id == "c1")
        #expect(status.state == .containerExited)
        #expect(status.startedAt == 5)
        #expect(status.finishedAt == 6)
        #expect(status.exitCode == 137)
        #expect(status.imageRef == "sha")
        #expect(status.reason == "OOMKilled")
        #expect(status.logPath == "/p")
    }

    @Test func runtimeStatusDecodesConditionsFromUpstreamFieldNumbers() throws {
        let condition: [UInt8] =
            [0x0A, 12] + ascii("RuntimeReady")  // RuntimeCondition.type = 1
            + [0x10, 1]  // status = 2
        let runtimeStatus: [UInt8] = [0x0A, UInt8(condition.count)] + condition  // RuntimeStatus.conditions = 1
        let bytes: [UInt8] = [0x0A, UInt8(runtimeStatus.count)] + runtimeStatus  // StatusResponse.status = 1
        let response = try Runtime_V1_StatusResponse(serializedBytes: bytes)
        #expect(response.status.conditions.map(\.type) == ["RuntimeReady"])
        #expect(response.status.conditions.first?.status == true)
    }

    @Test func methodPathsAreUpstreams() {
        typealias Runtime = Runtime_V1_RuntimeService.Method
        typealias Images = Runtime_V1_ImageService.Method
        #expect(Runtime.Version.descriptor.fullyQualifiedMethod == "runtime.v1.RuntimeService/Version")
        #expect(Runtime.ListPodSandbox.descriptor.fullyQualifiedMethod == "runtime.v1.RuntimeService/ListPodSandbox")
        #expect(Images.PullImage.descriptor.fullyQualifiedMethod == "runtime.v1.ImageService/PullImage")
    }
}

private func ascii(_ string: String) -> [UInt8] { Array(string.utf8) }
