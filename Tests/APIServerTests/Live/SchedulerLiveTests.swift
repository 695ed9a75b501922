import Foundation
import Testing

/// The scheduler inside a real `capstan server`, placing pods on nodes that a real
/// `capstan simulate` process runs, all driven with the real kubectl.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SchedulerLiveTests {
    /// `capstan simulate` as a child process against `server`.
    final class SimulatorProcess: @unchecked Sendable {
        let process = Process()
        let output: ReadBox

        init(server: ServerProcess, arguments: [String]) throws {
            process.executableURL = ServerProcess.binary
            process.arguments = ["simulate", "--kubeconfig", server.kubeconfig] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            output = ReadBox(pipe.fileHandleForReading)
            try process.run()
        }

        func stop() -> Int32 {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 9
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: registry.local/web:v1, resources: {requests: {cpu: 100m}}}]
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
        """

    static let bigPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: big}
        spec:
          containers: [{name: big, image: registry.local/web:v1, resources: {requests: {cpu: "64"}}}]
        """

    static func waitFor(_ what: String, timeout: TimeInterval = 60, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { throw ServerProcess.StartError(description: "timed out waiting for \(what)") }
            usleep(250_000)
        }
    }

    @Test func simulatedNodesRunASpreadDeploymentAndATooBigPodIsExplained() throws {
        let server = try ServerProcess()
        let simulator = try SimulatorProcess(server: server, arguments: ["--nodes", "6", "--zones", "3", "--cpu", "4", "--memory", "16Gi"])
        defer {
            _ = simulator.stop()
            server.stop()
        }
        let k = server.kubectl
        try Self.waitFor("6 Ready nodes") {
            let nodes = try k.run(["get", "nodes", "--no-headers"])
            return nodes.stdout.split(separator: "\n").filter { $0.contains(" Ready ") }.count == 6
        }
        let zones = try k.run(["get", "nodes", "-L", "topology.kubernetes.io/zone", "--no-headers"])
        #expect(zones.stdout.contains("zone-2"), "the simulator spreads its nodes over zones: \(zones.stdout)")

        let applied = try k.run(["apply", "-f", "-"], stdin: Self.deployment)
        #expect(applied.status == 0, "\(applied.stderr)")
        let rollout = try k.run(["rollout", "status", "deployment/web", "--timeout=90s"], timeout: .seconds(100))
        #expect(rollout.status == 0, "the scheduler binds, the hollow agents run: \(rollout.stdout)\(rollout.stderr)")
        let placed = try k.run(["get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.spec.nodeName}{\" \"}{.status.podIP}{\"\\n\"}{end}"])
        let lines = placed.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == 9)
        #expect(lines.allSatisfy { $0.count == 2 && $0[1].hasPrefix("10.42.") }, "each pod runs with an address: \(placed.stdout)")
        // hollow-node-K is in zone-(K mod 3): three replicas per zone.
        var perZone: [Int: Int] = [:]
        for line in lines { if let index = Int(line[0].split(separator: "-").last ?? "") { perZone[index % 3, default: 0] += 1 } }
        #expect(perZone == [0: 3, 1: 3, 2: 3], "maxSkew 1 over three zones: \(perZone)")

        #expect(try k.run(["apply", "-f", "-"], stdin: Self.bigPod).status == 0)
        try Self.waitFor("FailedScheduling on big", timeout: 30) {
            try k.run(["get", "events", "--field-selector", "involvedObject.name=big,reason=FailedScheduling", "--no-headers"]).stdout
                .contains("FailedScheduling")
        }
        let described = try k.run(["describe", "pod", "big"])
        #expect(described.stdout.contains("0/6 nodes are available: 6 Insufficient cpu."), "\(described.stdout)")
        let condition = try k.run(["get", "pod", "big", "-o", "jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].reason}"])
        #expect(condition.stdout == "Unschedulable")
        #expect(simulator.stop() == 0, "capstan simulate exits 0 on SIGTERM: \(simulator.output.text())")
    }
}
