import CRIProtocol
import Foundation
import GRPCCore
import Testing

/// `CRIClient` without a runtime: what a caller sees when nothing listens on the socket.
@Suite struct CRIClientTests {
    @Test func aCallToASocketNobodyListensOnNamesTheCallAndThePath() async throws {
        let socketPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("capstan-cri-absent-\(UUID().uuidString.prefix(8)).sock").path
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: CRIClientError.self) {
            try await CRIClient.connect(socketPath: socketPath, requestTimeout: .seconds(120)) { client in
                try await client.version()
            }
        }
        #expect(error?.call == "RuntimeService/Version")
        #expect(error?.socketPath == socketPath)
        #expect(error?.code == .unavailable)
        #expect(error?.description.contains(socketPath) == true)
        // The call fails on the refused connection, not at its deadline (generous: the suite
        // shares two cores with everything else that runs in parallel).
        #expect(clock.now - started < .seconds(100))
    }
}
