import Resources

/// The status an agent reports for a pod whose containers it started: Running, with every
/// container running, started and ready (a runtime without probes), init containers
/// completed, the pod's IP and its node's. Pure: the time is an input.
public enum PodStatusReport {
    public static func running(_ pod: Pod, podIP: String, hostIP: String, runtime: String, now: Time) -> PodStatus {
        var status = pod.status ?? PodStatus()
        status.phase = PodStatus.Phase.running.rawValue
        status.hostIP = hostIP
        status.hostIPs = [HostIP(ip: hostIP)]
        status.podIP = podIP
        status.podIPs = [PodIP(ip: podIP)]
        status.startTime = status.startTime ?? now
        let uid = pod.metadata.uid ?? ""
        func condition(_ type: String) -> PodCondition {
            let existing = status.conditions.first { $0.type == type }
            var condition = PodCondition()
            condition.type = type
            condition.status = "True"
            condition.lastTransitionTime = existing?.status == "True" ? existing?.lastTransitionTime : now
            return condition
        }
        let scheduled = status.conditions.first { $0.type == "PodScheduled" } ?? condition("PodScheduled")
        status.conditions = [condition("PodReadyToStartContainers"), condition("Initialized"), condition("ContainersReady"),
                             condition("Ready"), scheduled]
        func containerStatus(_ container: Container, state: ContainerState, ready: Bool) -> ContainerStatus {
            var one = ContainerStatus()
            one.name = container.name
            one.image = container.image ?? ""
            one.imageID = "\(runtime)://\(container.image ?? "")"
            one.containerID = "\(runtime)://\(uid)/\(container.name)"
            one.state = state
            one.ready = ready
            one.started = ready
            one.restartCount = 0
            return one
        }
        status.initContainerStatuses = (pod.spec?.initContainers ?? []).map { container in
            var terminated = ContainerStateTerminated()
            terminated.exitCode = 0
            terminated.reason = "Completed"
            terminated.startedAt = now
            terminated.finishedAt = now
            return containerStatus(container, state: ContainerState(terminated: terminated), ready: false)
        }
        status.containerStatuses = (pod.spec?.containers ?? []).map { container in
            let previous = status.containerStatuses.first { $0.name == container.name }?.state?.running?.startedAt
            return containerStatus(container, state: ContainerState(running: ContainerStateRunning(startedAt: previous ?? now)), ready: true)
        }
        return status
    }
}
