import CapstanTestKit
import Client
import Foundation
import Resources
import Testing

/// The event recorder against the in-process API server.
@Suite(.timeLimit(.minutes(1))) struct EventRecorderTests {
    @Test func repeatsRaiseTheCountOfOneEventAndDifferentMessagesMakeAnother() async throws {
        let cluster = try await InProcessCluster.start(controllers: false)
        defer { Task { await cluster.stop() } }
        let pod = try await cluster.client.create(Fixtures.pod("noisy", app: "events"))
        let recorder = EventRecorder(client: cluster.client, component: "test")
        let writing = Task { await recorder.run() }
        defer { writing.cancel() }
        for _ in 0..<3 { recorder.record(pod, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container") }
        recorder.record(pod, reason: "Pulled", message: "Container image already present")
        #expect(await eventually {
            let events = (try? await cluster.client.list(Event.self, namespace: "default").items) ?? []
            return events.count == 2 && events.contains { $0.reason == "BackOff" && $0.count == 3 }
        }, "three repeats are one Event with count 3")
        let events = try await cluster.client.list(Event.self, namespace: "default").items
        let backOff = try #require(events.first { $0.reason == "BackOff" })
        #expect(backOff.involvedObject?.uid == pod.metadata.uid)
        #expect(backOff.type == "Warning")
        #expect(backOff.source?.component == "test")
        #expect(events.first { $0.reason == "Pulled" }?.count == 1)
    }
}
