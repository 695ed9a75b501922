import Client
import Foundation
import Logging
import Resources
import Synchronization

/// Nodes with no containers behind them: they register as Ready, bind the pods no scheduler
/// has placed, report bound pods as their `behaviour` says, and remove terminating pods at
/// once; a pod goes only to a node its node selection (nodeSelector and required node
/// affinity) admits. They heartbeat through their Leases every 10 s of `clock` time, as a node agent does;
/// a silenced node stops heartbeating and tending its pods, as a node that died would. They
/// stand in for node agents where a test is about the control plane, never the product.
/// They poll the API every `interval` and stamp times from `clock`.
public final class HollowNodes: Sendable {
    /// What a hollow node does with a pod once it is bound.
    public enum Outcome: Sendable, Hashable {
        /// Running, with every container ready.
        case runReady
        /// Running, with no container ready (a failing readiness probe).
        case runNotReady
        /// Every container exited 0.
        case succeed
        /// The first container exited with this code.
        case fail(exitCode: Int32)
        /// Never started (e.g. an image that cannot be pulled).
        case stayPending
    }

    public let names: [String]
    private let client: any ClusterClient
    private let clock: any ClusterClock
    private let interval: Duration
    private let bindsPods: Bool
    private let behaviour: @Sendable (Pod) -> Outcome
    private let logger: Logger
    private let heartbeats = Heartbeats()
    static let heartbeatInterval: TimeInterval = 10

    public init(count: Int = 3, client: any ClusterClient, clock: any ClusterClock = SystemClusterClock(),
                interval: Duration = .milliseconds(20), bindsPods: Bool = true,
                logger: Logger = Logger(label: "capstan.hollow-nodes"),
                behaviour: @escaping @Sendable (Pod) -> Outcome = { _ in .runReady }) {
        self.names = (0..<count).map { "hollow-\($0)" }
        self.client = client
        self.clock = clock
        self.interval = interval
        self.bindsPods = bindsPods
        self.behaviour = behaviour
        self.logger = logger
    }

    /// Registers the nodes, then tends their pods until the calling task is cancelled.
    public func run() async {
        do {
            try await register()
        } catch {
            logger.error("hollow nodes cannot register", metadata: ["error": "\(error)"])
            return
        }
        var next = 0
        while !Task.isCancelled {
            do {
                next = try await tend(nextNode: next)
            } catch {
                logger.debug("hollow nodes pass failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// Creates (or refreshes) every node, Ready and schedulable.
    public func register() async throws {
        for (index, name) in names.enumerated() {
            var node = Node()
            node.metadata.name = name
            node.metadata.labels = labels(of: name)
            node.spec = NodeSpec(podCIDR: "10.42.\(index).0/24", podCIDRs: ["10.42.\(index).0/24"])
            var created: Node?
            do {
                created = try await client.create(node)
            } catch {
                guard error.isAlreadyExists else { throw error }
            }
            // Another writer (the node lifecycle controller) may touch the node meanwhile.
            for attempt in 0..<5 {
                if created == nil || attempt > 0 { created = try await client.get(Node.self, name: name) }
                guard var ready = created else { break }
                ready.status = status(index: index)
                do {
                    _ = try await client.updateStatus(ready)
                    break
                } catch {
                    guard error.isConflict, attempt < 4 else { throw error }
                }
            }
        }
    }

    /// The node as registered: its name and labels.
    private func node(named name: String) -> Node {
        var node = Node()
        node.metadata.name = name
        node.metadata.labels = labels(of: name)
        return node
    }

    private func labels(of name: String) -> [String: String] {
        ["kubernetes.io/hostname": name, "kubernetes.io/os": "linux"]
    }

    private func status(index: Int) -> NodeStatus {
        let now = Time(clock.now())
        var status = NodeStatus()
        var capacity: [String: Quantity] = [:]
        capacity["cpu"] = Quantity("8")
        capacity["memory"] = Quantity("32Gi")
        capacity["pods"] = Quantity("110")
        status.capacity = capacity
        status.allocatable = status.capacity
        var ready = NodeCondition()
        ready.type = "Ready"
        ready.status = "True"
        ready.lastHeartbeatTime = now
        ready.lastTransitionTime = now
        ready.reason = "KubeletReady"
        ready.message = "hollow node is ready"
        status.conditions = [ready]
        var internalIP = NodeAddress()
        internalIP.type = "InternalIP"
        internalIP.address = "127.0.1.\(index + 1)"
        var host = NodeAddress()
        host.type = "Hostname"
        host.address = names[index]
        status.addresses = [internalIP, host]
        return status
    }

    /// Stops `node` heartbeating, binding and tending pods, from now on.
    public func silence(_ node: String) async {
        await heartbeats.silence(node)
    }

    /// Renews the Lease of every live node whose last renewal is `heartbeatInterval` old.
    func heartbeat() async throws {
        let now = clock.now()
        let due = await heartbeats.due(names, now: now, interval: Self.heartbeatInterval)
        for name in due {
            var lease = Lease()
            lease.metadata.name = name
            lease.metadata.namespace = "kube-node-lease"
            lease.spec = LeaseSpec(holderIdentity: name, leaseDurationSeconds: 40, renewTime: MicroTime(Time(now)))
            do {
                var current = try await client.get(Lease.self, name: name, namespace: "kube-node-lease")
                current.spec = lease.spec
                _ = try await client.update(current)
            } catch {
                guard error.isNotFound else { throw error }
                _ = try await client.create(lease)
            }
            await heartbeats.renewed(name, at: now)
            try await reportReady(name)
        }
    }

    /// Posts the node's status again when it is not Ready, as a node agent back from an
    /// outage does.
    private func reportReady(_ name: String) async throws {
        guard let index = names.firstIndex(of: name) else { return }
        var node = try await client.get(Node.self, name: name)
        guard node.status?.conditions.first(where: { $0.type == "Ready" })?.status != "True" else { return }
        node.status = status(index: index)
        do {
            _ = try await client.updateStatus(node)
        } catch {
            // Another writer got there first; the next heartbeat reports again.
            guard error.isConflict else { throw error }
            await heartbeats.renewed(name, at: nil)
        }
    }

    /// One pass over every pod; returns the round-robin position for the next unbound pod.
    func tend(nextNode: Int) async throws -> Int {
        try await heartbeat()
        var next = nextNode
        let silenced = await heartbeats.silenced
        let live = names.filter { !silenced.contains($0) }
        let pods = try await client.list(Pod.self).items
        for pod in pods {
            let nodeName = pod.spec?.nodeName ?? ""
            if nodeName.isEmpty {
                guard bindsPods, pod.metadata.deletionTimestamp == nil else { continue }
                // Round robin over the live nodes the pod's node selection admits.
                let fitting = live.filter { (pod.spec ?? PodSpec()).nodeSelectionMatches(node(named: $0)) }
                guard !fitting.isEmpty else { continue }
                try? await bind(pod, to: fitting[next % fitting.count])
                next += 1
                continue
            }
            guard !silenced.contains(nodeName), let index = names.firstIndex(of: nodeName) else { continue }
            if pod.metadata.deletionTimestamp != nil {
                _ = try? await client.delete(Pod.self, name: pod.metadata.name ?? "", namespace: pod.metadata.namespace,
                                             options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: pod.metadata.uid))
                continue
            }
            let phase = pod.status?.phase ?? ""
            guard phase.isEmpty || phase == PodStatus.Phase.pending.rawValue else { continue }
            let outcome = behaviour(pod)
            let conditions: [PodCondition] = pod.status?.conditions ?? []
            let reported = conditions.contains { $0.type == "PodScheduled" }
            if outcome == .stayPending, reported { continue }
            var updated = pod
            updated.status = report(pod, outcome: outcome, nodeIndex: index)
            _ = try? await client.updateStatus(updated)
        }
        return next
    }

    private func bind(_ pod: Pod, to node: String) async throws {
        let binding: JSONValue = .object([
            "apiVersion": .string("v1"), "kind": .string("Binding"),
            "metadata": .object(["name": .string(pod.metadata.name ?? ""), "uid": .string(pod.metadata.uid ?? "")]),
            "target": .object(["apiVersion": .string("v1"), "kind": .string("Node"), "name": .string(node)]),
        ])
        let path = Pod.resourceType.path(namespace: pod.metadata.namespace, name: pod.metadata.name, subresource: "binding")
        _ = try await client.perform(ClientRequest(method: .post, path: path, body: binding.serializedBytes()))
    }

    /// The status a node agent would report for `pod` after acting out `outcome`.
    func report(_ pod: Pod, outcome: Outcome, nodeIndex: Int) -> PodStatus {
        let now = Time(clock.now())
        var status = pod.status ?? PodStatus()
        let containers = pod.spec?.containers ?? []
        let running = outcome == .runReady || outcome == .runNotReady
        let ready = outcome == .runReady
        status.hostIP = "127.0.1.\(nodeIndex + 1)"
        status.hostIPs = [HostIP(ip: status.hostIP ?? "")]
        status.startTime = status.startTime ?? now
        status.qosClass = status.qosClass ?? "BestEffort"
        func condition(_ type: String, _ value: Bool, reason: String? = nil) -> PodCondition {
            var condition = PodCondition()
            condition.type = type
            condition.status = value ? "True" : "False"
            condition.lastTransitionTime = now
            condition.reason = value ? nil : reason
            return condition
        }
        let notReadyReason = running ? "ContainersNotReady" : "PodCompleted"
        var conditions: [PodCondition] = [condition("PodScheduled", true), condition("Initialized", true)]
        var statuses: [ContainerStatus] = []
        switch outcome {
        case .stayPending:
            status.phase = PodStatus.Phase.pending.rawValue
            conditions.append(condition("ContainersReady", false, reason: "ContainersNotReady"))
            conditions.append(condition("Ready", false, reason: "ContainersNotReady"))
            for container in containers {
                var one = ContainerStatus()
                one.name = container.name
                one.image = container.image ?? ""
                var state = ContainerState()
                var waiting = ContainerStateWaiting()
                waiting.reason = "ImagePullBackOff"
                state.waiting = waiting
                one.state = state
                statuses.append(one)
            }
            status.conditions = conditions
            status.containerStatuses = statuses
            return status
        case .runReady, .runNotReady:
            status.phase = PodStatus.Phase.running.rawValue
            let uid: String = pod.metadata.uid ?? ""
            var sum: UInt32 = 0
            for byte in uid.utf8 { sum = sum &* 31 &+ UInt32(byte) }
            let address = "10.42.\(nodeIndex).\(Int(sum % 250) + 2)"
            status.podIP = address
            status.podIPs = [PodIP(ip: address)]
        case .succeed:
            status.phase = PodStatus.Phase.succeeded.rawValue
        case .fail:
            status.phase = PodStatus.Phase.failed.rawValue
        }
        conditions.append(condition("ContainersReady", ready, reason: notReadyReason))
        conditions.append(condition("Ready", ready, reason: notReadyReason))
        for (position, container) in containers.enumerated() {
            var state = ContainerState()
            var exitCode: Int32?
            switch outcome {
            case .succeed: exitCode = 0
            case .fail(let code): exitCode = position == 0 ? code : 0
            default: break
            }
            if let exitCode {
                var terminated = ContainerStateTerminated()
                terminated.exitCode = exitCode
                terminated.reason = exitCode == 0 ? "Completed" : "Error"
                terminated.startedAt = now
                terminated.finishedAt = now
                state.terminated = terminated
            } else {
                var runningState = ContainerStateRunning()
                runningState.startedAt = now
                state.running = runningState
            }
            var one = ContainerStatus()
            one.name = container.name
            one.state = state
            one.ready = ready
            one.image = container.image ?? ""
            one.imageID = "sha256:hollow"
            one.containerID = "hollow://" + uid(of: pod) + "/" + container.name
            one.started = running
            statuses.append(one)
        }
        status.conditions = conditions
        status.containerStatuses = statuses
        return status
    }

    private func uid(of pod: Pod) -> String { pod.metadata.uid ?? "" }
}

/// Which hollow nodes are silenced and when each last renewed its Lease.
private actor Heartbeats {
    private(set) var silenced: Set<String> = []
    private var renewals: [String: Date] = [:]

    func silence(_ node: String) { silenced.insert(node) }

    func renewed(_ node: String, at date: Date?) { renewals[node] = date }

    /// The live nodes whose last renewal is at least `interval` old.
    func due(_ nodes: [String], now: Date, interval: TimeInterval) -> [String] {
        nodes.filter { !silenced.contains($0) && now.timeIntervalSince(renewals[$0] ?? .distantPast) >= interval }
    }
}
