import Foundation
import Resources

/// Pods: `NAME READY STATUS RESTARTS AGE`, wide `IP NODE NOMINATED NODE READINESS GATES`
/// (upstream `printPod`).
///
/// STATUS starts from the phase (or `status.reason`, or `SchedulingGated`), is overridden by the
/// first init container still initializing (`Init:N/M`, `Init:<reason>`, `Init:ExitCode:N`,
/// `Init:Signal:N`), otherwise by the waiting/terminated reasons of the regular containers (the
/// first container in the list wins), turns back to `Running`/`NotReady` when a container still
/// runs beside a `Completed` one, and ends as `Terminating` (or `Unknown` for a node-lost pod)
/// while a deletion is pending. RESTARTS adds `(<age> ago)` of the latest container exit.
enum PodTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        TableColumn("Status", "The aggregate status of the containers in this pod."),
        TableColumn("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        .age,
        .wide("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
        .wide("Node", "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename"),
        .wide("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled."),
        .wide("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates"),
    ]

    /// `node.NodeUnreachablePodReason`: the node controller marks pods of a lost node with it.
    static let nodeUnreachablePodReason = "NodeLost"
    static let succeededCondition = TableRow.Condition.completed(reason: "Succeeded", message: "The pod has completed successfully.")
    static let failedCondition = TableRow.Condition.completed(reason: "Failed", message: "The pod failed.")

    static func row(for pod: Pod, now: Date) -> TableRow {
        let spec = pod.spec ?? PodSpec()
        let status = pod.status ?? PodStatus()
        let phase = status.phase ?? ""

        var restarts = 0
        var restartableInitContainerRestarts = 0
        var totalContainers = spec.containers.count
        var readyContainers = 0
        var lastRestart: Time?
        var lastRestartableInitContainerRestart: Time?

        var reason = phase
        if let podReason = status.reason, !podReason.isEmpty { reason = podReason }
        if status.conditions.contains(where: { $0.type == "PodScheduled" && $0.reason == "SchedulingGated" }) {
            reason = "SchedulingGated"
        }

        var conditions: [TableRow.Condition] = []
        switch phase {
        case "Succeeded": conditions = [succeededCondition]
        case "Failed": conditions = [failedCondition]
        default: break
        }

        var initContainers: [String: Container] = [:]
        for container in spec.initContainers {
            initContainers[container.name] = container
            if isRestartable(container) { totalContainers += 1 }
        }

        var initializing = false
        for (index, container) in status.initContainerStatuses.enumerated() {
            restarts += Int(container.restartCount)
            lastRestart = later(lastRestart, container.lastState?.terminated?.finishedAt)
            let restartable = initContainers[container.name].map(isRestartable) ?? false
            if restartable {
                restartableInitContainerRestarts += Int(container.restartCount)
                lastRestartableInitContainerRestart = later(lastRestartableInitContainerRestart,
                                                            container.lastState?.terminated?.finishedAt)
            }
            if let terminated = container.state?.terminated, terminated.exitCode == 0 {
                continue
            }
            if restartable && container.started == true {
                if container.ready { readyContainers += 1 }
                continue
            }
            if let terminated = container.state?.terminated {
                if let terminatedReason = terminated.reason, !terminatedReason.isEmpty {
                    reason = "Init:" + terminatedReason
                } else if let signal = terminated.signal, signal != 0 {
                    reason = "Init:Signal:\(signal)"
                } else {
                    reason = "Init:ExitCode:\(terminated.exitCode)"
                }
            } else if let waitingReason = container.state?.waiting?.reason, !waitingReason.isEmpty,
                      waitingReason != "PodInitializing" {
                reason = "Init:" + waitingReason
            } else {
                reason = "Init:\(index)/\(spec.initContainers.count)"
            }
            initializing = true
            break
        }

        if !initializing || isInitialized(status) {
            restarts = restartableInitContainerRestarts
            lastRestart = lastRestartableInitContainerRestart
            var hasRunning = false
            for container in status.containerStatuses.reversed() {
                restarts += Int(container.restartCount)
                lastRestart = later(lastRestart, container.lastState?.terminated?.finishedAt)
                let state = container.state
                if let waitingReason = state?.waiting?.reason, !waitingReason.isEmpty {
                    reason = waitingReason
                } else if let terminated = state?.terminated {
                    if let terminatedReason = terminated.reason, !terminatedReason.isEmpty {
                        reason = terminatedReason
                    } else if let signal = terminated.signal, signal != 0 {
                        reason = "Signal:\(signal)"
                    } else {
                        reason = "ExitCode:\(terminated.exitCode)"
                    }
                } else if container.ready && state?.running != nil {
                    hasRunning = true
                    readyContainers += 1
                }
            }
            // A container still running beside a completed one: the pod is not done.
            if reason == "Completed" && hasRunning {
                let ready = status.conditions.contains { $0.type == "Ready" && $0.status == "True" }
                reason = ready ? "Running" : "NotReady"
            }
        }

        if pod.metadata.deletionTimestamp != nil && status.reason == nodeUnreachablePodReason {
            reason = "Unknown"
        } else if pod.metadata.deletionTimestamp != nil && phase != "Succeeded" && phase != "Failed" {
            reason = "Terminating"
        }

        var restartsText = String(restarts)
        if restarts != 0, let lastRestart {
            restartsText = "\(restarts) (\(TableCellFormat.age(since: lastRestart, now: now)) ago)"
        }

        let podIP = status.podIPs.first?.ip ?? status.podIP ?? ""
        let nodeName = spec.nodeName ?? ""
        let nominatedNodeName = status.nominatedNodeName ?? ""
        var readinessGates = TableCellFormat.none
        if !spec.readinessGates.isEmpty {
            let trueConditions = spec.readinessGates.filter { gate in
                status.conditions.first { $0.type == gate.conditionType }?.status == "True"
            }.count
            readinessGates = "\(trueConditions)/\(spec.readinessGates.count)"
        }

        let cells: [JSONValue] = [
            .string(pod.name),
            .string("\(readyContainers)/\(totalContainers)"),
            .string(reason),
            .string(restartsText),
            .string(TableCellFormat.age(since: pod.metadata.creationTimestamp, now: now)),
            .string(podIP.isEmpty ? TableCellFormat.none : podIP),
            .string(nodeName.isEmpty ? TableCellFormat.none : nodeName),
            .string(nominatedNodeName.isEmpty ? TableCellFormat.none : nominatedNodeName),
            .string(readinessGates),
        ]
        return TableRow(cells: cells, conditions: conditions)
    }

    /// `podutil.IsRestartableInitContainer`: a sidecar (`restartPolicy: Always`).
    private static func isRestartable(_ container: Container) -> Bool {
        container.restartPolicy == "Always"
    }

    /// `isPodInitializedConditionTrue`: the first `Initialized` condition is `True`.
    private static func isInitialized(_ status: PodStatus) -> Bool {
        status.conditions.first { $0.type == "Initialized" }?.status == "True"
    }

    /// The later of two optional times (a missing time is upstream's zero time).
    private static func later(_ a: Time?, _ b: Time?) -> Time? {
        guard let b else { return a }
        guard let a else { return b }
        return a < b ? b : a
    }
}
