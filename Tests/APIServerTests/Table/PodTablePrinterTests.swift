import Foundation
import Resources
import Testing
@testable import APIServer

/// One pod and the READY, STATUS and RESTARTS cells upstream prints for it.
struct PodTableCase: Sendable, CustomTestStringConvertible {
    let label: String
    let pod: Pod
    let ready: String
    let status: String
    let restarts: String
    var testDescription: String { label }
}

// MARK: - Fixture builders

private extension ContainerState {
    static let running = ContainerState(running: ContainerStateRunning())
    static let waitingWithoutReason = ContainerState(waiting: ContainerStateWaiting())
    static func waiting(_ reason: String) -> ContainerState { ContainerState(waiting: ContainerStateWaiting(reason: reason)) }
    static func terminated(_ reason: String? = nil, exitCode: Int32 = 0, signal: Int32? = nil) -> ContainerState {
        ContainerState(terminated: ContainerStateTerminated(exitCode: exitCode, signal: signal, reason: reason))
    }
}

/// A container status; `lastExit` is how long ago the previous run finished.
private func status(_ state: ContainerState? = nil, name: String = "", ready: Bool = false, restarts: Int32 = 0,
                    lastExit: TimeInterval? = nil, started: Bool? = nil) -> ContainerStatus {
    let last = lastExit.map { ContainerState(terminated: ContainerStateTerminated(finishedAt: TableFixtures.ago($0))) }
    return ContainerStatus(name: name, state: state, lastState: last, ready: ready, restartCount: restarts, started: started)
}

private func unnamed(_ count: Int) -> [Container] { Array(repeating: Container(), count: count) }
private func sidecar(_ name: String) -> Container { Container(name: name, restartPolicy: "Always") }

private func pod(_ name: String = "test", containers: [Container] = unnamed(1), initContainers: [Container] = [],
                 phase: String, reason: String? = nil, initStatuses: [ContainerStatus] = [],
                 statuses: [ContainerStatus] = [], conditions: [(String, String)] = [], conditionReason: String? = nil,
                 deleted: Bool = false) -> Pod {
    Pod(metadata: TableFixtures.meta(name, deleted: deleted ? TableFixtures.ago(10) : nil),
        spec: PodSpec(initContainers: initContainers, containers: containers),
        status: PodStatus(phase: phase,
                          conditions: conditions.map { PodCondition(type: $0.0, status: $0.1, reason: conditionReason) },
                          reason: reason, initContainerStatuses: initStatuses, containerStatuses: statuses))
}

@Suite struct PodTablePrinterTests {
    /// printers_test.go TestPrintPod.
    static let upstreamCases: [PodTableCase] = [
        PodTableCase(label: "ready count and summed restarts", pod: pod(containers: unnamed(2), phase: "podPhase", statuses: [
            status(.running, ready: true, restarts: 3), status(restarts: 3)]),
                ready: "1/2", status: "podPhase", restarts: "6"),
        PodTableCase(label: "container waiting reason overrides phase", pod: pod(containers: unnamed(2), phase: "podPhase", statuses: [
            status(.running, ready: true, restarts: 3), status(.waiting("ContainerWaitingReason"), restarts: 3)]),
                ready: "1/2", status: "ContainerWaitingReason", restarts: "6"),
        PodTableCase(label: "first container's reason wins", pod: pod(containers: unnamed(2), phase: "podPhase", statuses: [
            status(.waiting("ContainerWaitingReason"), restarts: 3),
            status(.terminated("ContainerTerminatedReason"), restarts: 3)]),
                ready: "0/2", status: "ContainerWaitingReason", restarts: "6"),
        PodTableCase(label: "ready without running is not ready", pod: pod(containers: unnamed(2), phase: "podPhase", statuses: [
            status(.running, ready: true, restarts: 3), status(ready: true, restarts: 3)]),
                ready: "1/2", status: "podPhase", restarts: "6"),
        PodTableCase(label: "pod reason overrides phase", pod: pod(containers: unnamed(2), phase: "podPhase", reason: "podReason", statuses: [
            status(.running, ready: true, restarts: 3), status(ready: true, restarts: 3)]),
                ready: "1/2", status: "podReason", restarts: "6"),
        PodTableCase(label: "completed beside running without Ready condition", pod: pod(containers: unnamed(2), phase: "Running", statuses: [
            status(.terminated("Completed"), ready: true, restarts: 3), status(.running, ready: true, restarts: 3)]),
                ready: "1/2", status: "NotReady", restarts: "6"),
        PodTableCase(label: "completed beside running with Ready condition", pod: pod(containers: unnamed(2), phase: "Running", statuses: [
            status(.terminated("Completed"), ready: true, restarts: 3), status(.running, ready: true, restarts: 3)],
                conditions: [("Ready", "True")]),
                ready: "1/2", status: "Running", restarts: "6"),
        PodTableCase(label: "init container restarting", pod: pod(initContainers: unnamed(1), phase: "podPhase",
            initStatuses: [status(.running, restarts: 3, lastExit: 10)], statuses: [status(.waitingWithoutReason)]),
                ready: "0/1", status: "Init:0/1", restarts: "3 (10s ago)"),
        PodTableCase(label: "first of two init containers restarting", pod: pod(initContainers: unnamed(2), phase: "podPhase",
            initStatuses: [status(.running, restarts: 3, lastExit: 10), status(.waitingWithoutReason)],
            statuses: [status(.waitingWithoutReason)]),
                ready: "0/1", status: "Init:0/2", restarts: "3 (10s ago)"),
        PodTableCase(label: "second init container restarting", pod: pod(initContainers: unnamed(2), phase: "podPhase",
            initStatuses: [status(.terminated()), status(.running, restarts: 3, lastExit: 10)],
            statuses: [status(.waitingWithoutReason)]),
                ready: "0/1", status: "Init:1/2", restarts: "3 (10s ago)"),
        PodTableCase(label: "init restarts add up while initializing", pod: pod(initContainers: unnamed(2), phase: "podPhase",
            initStatuses: [status(.terminated(), restarts: 2, lastExit: 120), status(.running, restarts: 3, lastExit: 10)],
            statuses: [status(.waitingWithoutReason)]),
                ready: "0/1", status: "Init:1/2", restarts: "5 (10s ago)"),
        PodTableCase(label: "init restarts ignored once initialized", pod: pod(initContainers: unnamed(1), phase: "Running",
            initStatuses: [status(.terminated(), restarts: 2, lastExit: 120)],
            statuses: [status(.running, restarts: 4, lastExit: 20)]),
                ready: "0/1", status: "Running", restarts: "4 (20s ago)"),
        PodTableCase(label: "restart five days ago", pod: pod(phase: "Running", statuses: [
            status(.running, ready: true, restarts: 3, lastExit: 5 * TableFixtures.day)]),
                ready: "1/1", status: "Running", restarts: "3 (5d ago)"),
        PodTableCase(label: "never restarted beside restarted ten days ago", pod: pod(containers: unnamed(2), phase: "Running", statuses: [
            status(.running, ready: true), status(.running, ready: true, restarts: 3, lastExit: 10 * TableFixtures.day)]),
                ready: "2/2", status: "Running", restarts: "3 (10d ago)"),
        PodTableCase(label: "latest restart shown", pod: pod(containers: unnamed(2), phase: "Running", statuses: [
            status(.running, ready: true, restarts: 6, lastExit: 5 * TableFixtures.day),
            status(.running, ready: true, restarts: 3, lastExit: 20 * TableFixtures.day)]),
                ready: "2/2", status: "Running", restarts: "9 (5d ago)"),
        PodTableCase(label: "scheduling gated", pod: pod(containers: unnamed(2), phase: "podPhase",
            conditions: [("PodScheduled", "False")], conditionReason: "SchedulingGated"),
                ready: "0/2", status: "SchedulingGated", restarts: "0"),
        PodTableCase(label: "succeeded", pod: pod(phase: "Succeeded", statuses: [status(.terminated("Completed"))]),
                ready: "0/1", status: "Completed", restarts: "0"),
        PodTableCase(label: "failed", pod: pod(phase: "Failed", statuses: [status(.terminated("Error", exitCode: 1))]),
                ready: "0/1", status: "Error", restarts: "0"),
        PodTableCase(label: "succeeded while deleting stays completed", pod: pod(phase: "Succeeded",
            statuses: [status(.terminated("Completed"))], deleted: true),
                ready: "0/1", status: "Completed", restarts: "0"),
        PodTableCase(label: "running while deleting", pod: pod(phase: "Running", statuses: [status(.running)], deleted: true),
                ready: "0/1", status: "Terminating", restarts: "0"),
        PodTableCase(label: "pending while deleting", pod: pod(phase: "Pending", deleted: true),
                ready: "0/1", status: "Terminating", restarts: "0"),
    ]

    /// printers_test.go TestPrintPodWithRestartableInitContainer.
    static let sidecarCases: [PodTableCase] = [
        PodTableCase(label: "sidecar running but not started", pod: pod(
            initContainers: [sidecar("restartable-init-1"), sidecar("restartable-init-2")], phase: "Pending",
            initStatuses: [status(.running, name: "restartable-init-1", restarts: 3, lastExit: 10, started: false),
                           status(.waitingWithoutReason, name: "restartable-init-2", started: false)],
            statuses: [status(.waitingWithoutReason)], conditions: [("Initialized", "False")]),
                ready: "0/3", status: "Init:0/2", restarts: "3 (10s ago)"),
        PodTableCase(label: "first sidecar started", pod: pod(
            initContainers: [sidecar("restartable-init-1"), sidecar("restartable-init-2")], phase: "Pending",
            initStatuses: [status(.running, name: "restartable-init-1", restarts: 3, lastExit: 10, started: true),
                           status(.running, name: "restartable-init-2", started: false)],
            statuses: [status(.waitingWithoutReason)], conditions: [("Initialized", "False")]),
                ready: "0/3", status: "Init:1/2", restarts: "3 (10s ago)"),
        PodTableCase(label: "sidecars started and container running", pod: pod(
            initContainers: [sidecar("restartable-init-1"), sidecar("restartable-init-2")], phase: "Running",
            initStatuses: [status(.running, name: "restartable-init-1", restarts: 3, lastExit: 10, started: true),
                           status(.running, name: "restartable-init-2", started: true)],
            statuses: [status(.running, ready: true, restarts: 4, lastExit: 20)], conditions: [("Initialized", "True")]),
                ready: "1/3", status: "Running", restarts: "7 (10s ago)"),
        PodTableCase(label: "sidecars failed and container completed", pod: pod(
            initContainers: [sidecar("restartable-init-1"), sidecar("restartable-init-2")], phase: "Succeeded",
            initStatuses: [status(.terminated("Error", exitCode: 137), name: "restartable-init-1", restarts: 3, lastExit: 10, started: false),
                           status(.terminated("Error", exitCode: 137), name: "restartable-init-2", started: false)],
            statuses: [status(.terminated("Completed"), restarts: 4, lastExit: 20)], conditions: [("Initialized", "True")]),
                ready: "0/3", status: "Completed", restarts: "7 (10s ago)"),
        PodTableCase(label: "statuses of unknown containers", pod: pod(
            containers: [Container(name: "container1", image: "containerimage")],
            initContainers: [Container(name: "init1", image: "initimage"), sidecar("sidecar1")], phase: "Running",
            initStatuses: [status(name: "initinvalid"), status(name: "init1"), status(name: "sidecar1")],
            statuses: [status(name: "containerinvalid"), status(name: "container1")]),
                ready: "0/2", status: "Init:0/2", restarts: "0"),
    ]

    /// Reasons the upstream tests do not spell out, following printPod's branches.
    static let reasonCases: [PodTableCase] = [
        PodTableCase(label: "crash loop", pod: pod(phase: "Running", statuses: [
            status(.waiting("CrashLoopBackOff"), restarts: 5, lastExit: 30)]),
                ready: "0/1", status: "CrashLoopBackOff", restarts: "5 (30s ago)"),
        PodTableCase(label: "init container crash loop", pod: pod(initContainers: unnamed(1), phase: "Pending", initStatuses: [
            status(.waiting("CrashLoopBackOff"), restarts: 2, lastExit: 5)]),
                ready: "0/1", status: "Init:CrashLoopBackOff", restarts: "2 (5s ago)"),
        PodTableCase(label: "init container PodInitializing counts as waiting", pod: pod(initContainers: unnamed(2), phase: "Pending",
            initStatuses: [status(.waiting("PodInitializing"))]),
                ready: "0/1", status: "Init:0/2", restarts: "0"),
        PodTableCase(label: "init container failed with reason", pod: pod(initContainers: unnamed(1), phase: "Pending",
            initStatuses: [status(.terminated("OOMKilled", exitCode: 137))]),
                ready: "0/1", status: "Init:OOMKilled", restarts: "0"),
        PodTableCase(label: "init container failed with exit code", pod: pod(initContainers: unnamed(1), phase: "Pending",
            initStatuses: [status(.terminated(exitCode: 2))]),
                ready: "0/1", status: "Init:ExitCode:2", restarts: "0"),
        PodTableCase(label: "init container killed by signal", pod: pod(initContainers: unnamed(1), phase: "Pending",
            initStatuses: [status(.terminated(exitCode: 137, signal: 9))]),
                ready: "0/1", status: "Init:Signal:9", restarts: "0"),
        PodTableCase(label: "container exit code without reason", pod: pod(phase: "Running", statuses: [status(.terminated(exitCode: 3))]),
                ready: "0/1", status: "ExitCode:3", restarts: "0"),
        PodTableCase(label: "container signal without reason", pod: pod(phase: "Running", statuses: [status(.terminated(exitCode: 143, signal: 15))]),
                ready: "0/1", status: "Signal:15", restarts: "0"),
        PodTableCase(label: "node lost while deleting", pod: pod(phase: "Running", reason: "NodeLost", statuses: [status(.running, ready: true)], deleted: true),
                ready: "1/1", status: "Unknown", restarts: "0"),
        PodTableCase(label: "failed while deleting keeps its reason", pod: pod(phase: "Failed", statuses: [status(.terminated("Error", exitCode: 1))], deleted: true),
                ready: "0/1", status: "Error", restarts: "0"),
        PodTableCase(label: "restarts without a recorded exit print no age", pod: pod(phase: "Running", statuses: [status(.running, ready: true, restarts: 2)]),
                ready: "1/1", status: "Running", restarts: "2"),
    ]

    @Test(arguments: upstreamCases)
    func podStatusMatchesUpstreamPrintPod(_ c: PodTableCase) {
        expectCells(c)
    }

    @Test(arguments: sidecarCases)
    func podWithRestartableInitContainersCountsSidecars(_ c: PodTableCase) {
        expectCells(c)
    }

    @Test(arguments: reasonCases)
    func podStatusShowsWaitingAndTerminatedReasons(_ c: PodTableCase) {
        expectCells(c)
    }

    @Test func podWithCrashLoopShowsWaitingReason() {
        let crashing = pod("web", phase: "Running", statuses: [status(.waiting("CrashLoopBackOff"), restarts: 12, lastExit: 4 * 60)])
        #expect(TableFixtures.cells(crashing)[0...3] == [.s("web"), .s("0/1"), .s("CrashLoopBackOff"), .s("12 (4m ago)")])
    }

    /// printers_test.go TestPrintPodwide: IP is the first pod IP; node, nominated node and
    /// readiness gates (true gates / all gates), `<none>` when absent.
    @Test func podWideColumnsShowIPNodeNominatedNodeAndReadinessGates() {
        var scheduled = pod("test1", containers: unnamed(2), phase: "podPhase",
                            statuses: [status(.running, ready: true, restarts: 3), status(restarts: 3)],
                            conditions: [("condition1", "False"), ("condition2", "True")])
        scheduled.spec?.nodeName = "test1"
        scheduled.spec?.readinessGates = ["condition1", "condition2", "condition3"].map { PodReadinessGate(conditionType: $0) }
        scheduled.status?.podIPs = [PodIP(ip: "1.1.1.1"), PodIP(ip: "2001:db8::")]
        scheduled.status?.nominatedNodeName = "node1"
        #expect(TableFixtures.cells(scheduled) == [.s("test1"), .s("1/2"), .s("podPhase"), .s("6"), .s("<unknown>"),
                                                    .s("1.1.1.1"), .s("test1"), .s("node1"), .s("1/3")])

        let unscheduled = pod("test2", containers: unnamed(2), phase: "podPhase", statuses: [
            status(.running, ready: true, restarts: 3), status(.waiting("ContainerWaitingReason"), restarts: 3)])
        #expect(TableFixtures.cells(unscheduled) == [.s("test2"), .s("1/2"), .s("ContainerWaitingReason"), .s("6"), .s("<unknown>"),
                                                      .s("<none>"), .s("<none>"), .s("<none>"), .s("<none>")])
    }

    @Test func podIPFallsBackToLegacyPodIPField() {
        var p = pod(phase: "Running")
        p.status?.podIP = "10.1.2.3"
        #expect(TableFixtures.cells(p)[5] == .s("10.1.2.3"))
    }

    /// printers_test.go TestPrintPodConditions: finished pods carry a `Completed` row condition.
    @Test(arguments: [("Running", [TableRow.Condition]()),
                      ("Succeeded", [PodTablePrinter.succeededCondition]),
                      ("Failed", [PodTablePrinter.failedCondition])])
    func finishedPodRowCarriesCompletedCondition(phase: String, expected: [TableRow.Condition]) {
        let p = pod(containers: unnamed(2), phase: phase, statuses: [status(.running, ready: true, restarts: 3), status(restarts: 3)])
        let row = TableFixtures.row(p)
        #expect(row.conditions == expected)
        #expect(row.cells[2] == .s(phase))
    }

    @Test func podAgeComesFromCreationTimestamp() {
        var p = pod(phase: "Running")
        p.metadata.creationTimestamp = TableFixtures.ago(3 * TableFixtures.hour + 5 * TableFixtures.minute)
        #expect(TableFixtures.cells(p)[4] == .s("3h5m"))
    }

    private func expectCells(_ c: PodTableCase, sourceLocation: SourceLocation = #_sourceLocation) {
        let cells = TableFixtures.cells(c.pod)
        #expect(cells.count == PodTablePrinter.columns.count, sourceLocation: sourceLocation)
        #expect(Array(cells[1...3]) == [.s(c.ready), .s(c.status), .s(c.restarts)], "\(c.label)", sourceLocation: sourceLocation)
        #expect(cells[4] == .s("<unknown>"), sourceLocation: sourceLocation)
    }
}
