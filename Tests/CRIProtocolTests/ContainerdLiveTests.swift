import CRIProtocol
import Foundation
import Testing

/// Live tests: each starts a real containerd (Debian's, installed by scripts/setup; run as root)
/// with its own config, root, state and socket under a temporary directory, talks CRI v1 to it
/// through `CRIClient`, and stops it afterwards, whether the test passed or not.
@Suite(.timeLimit(.minutes(2))) struct ContainerdLiveTests {
    @Test func containerdAnswersVersionStatusAndEmptyLists() async throws {
        try await withLiveContainerd { client in
            let version = try await client.version()
            #expect(version.runtimeName == "containerd")
            #expect(version.runtimeApiVersion == "v1")
            #expect(!version.runtimeVersion.isEmpty)

            let status = try await client.status()
            let conditions = Dictionary(
                status.status.conditions.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })
            let runtimeReady = try #require(conditions["RuntimeReady"], "conditions: \(status.status.conditions)")
            #expect(runtimeReady.status, "RuntimeReady: \(runtimeReady.reason) \(runtimeReady.message)")
            // The CNI config dir is empty, so the network is not ready; containerd says why.
            let networkReady = try #require(conditions["NetworkReady"])
            #expect(!networkReady.status)
            #expect(!networkReady.reason.isEmpty)

            // A fresh root holds no images and no sandboxes.
            #expect(try await client.listImages().isEmpty)
            #expect(try await client.listPodSandbox().isEmpty)
            #expect(try await client.listPodSandbox(.with { $0.state.state = .sandboxReady }).isEmpty)
            #expect(try await client.listContainers().isEmpty)
            #expect(try await client.imageStatus("registry.k8s.io/pause:3.10") == nil)
        }
    }

    @Test func verboseStatusCarriesTheRuntimeConfig() async throws {
        try await withLiveContainerd { client in
            let status = try await client.status(verbose: true)
            let config = try #require(status.info["config"])
            #expect(config.contains("cni"))
        }
    }

    @Test func manyCallsOnOneConnectionSucceed() async throws {
        // containerd's grpc-go server pings after each request; without GRPCGoBDPPingFilter
        // swift-nio-http2 closes the connection after about 200 of them.
        try await withLiveContainerd { client in
            for _ in 0..<400 {
                _ = try await client.listPodSandbox()
            }
            #expect(try await client.version().runtimeName == "containerd")
        }
    }

    @Test func aRuntimeErrorNamesTheCallAndTheSocket() async throws {
        try await withLiveContainerd { client in
            let error = await #expect(throws: CRIClientError.self) {
                _ = try await client.podSandboxStatus("no-such-sandbox")
            }
            #expect(error?.call == "RuntimeService/PodSandboxStatus")
            #expect(error?.socketPath == client.socketPath)
            #expect(error?.code == .notFound)
        }
    }
}

/// Starts containerd in a temporary directory, runs `body` with a client on its socket, then stops
/// containerd and removes the directory, also when `body` throws. Fails (does not skip) when the
/// containerd binary is missing.
func withLiveContainerd(_ body: (CRIClient) async throws -> Void) async throws {
    guard FileManager.default.isExecutableFile(atPath: LocalContainerd.binary) else {
        Issue.record("\(LocalContainerd.binary) is missing: run scripts/setup, which installs Debian's containerd")
        return
    }
    let containerd = try await LocalContainerd.start()
    defer { containerd.stop() }
    do {
        try await CRIClient.connect(socketPath: containerd.socketPath, requestTimeout: .seconds(20)) { client in
            try await body(client)
        }
    } catch {
        Issue.record("containerd.log (tail):\n\(containerd.logTail())")
        throw error
    }
}
