import Client
import Foundation
import Logging
import Resources
import Synchronization

/// The node agent: registers its Node, renews its Lease, and runs the pods bound to it
/// through its runtime, one worker per pod at a time, reporting each pod Running with an
/// address from the node's podCIDR, and removing a pod once it has stopped after its
/// deletion. Pod events reach it through `podChanged`, from an informer on its own pods (or,
/// in the simulator, one informer shared by many agents).
public final class NodeAgent: Sendable {
    public let configuration: NodeAgentConfiguration
    private let client: any ClusterClient
    private let runtime: any ContainerRuntime
    private let clock: any ClusterClock
    private let logger: Logger
    private let queue: WorkQueue<ObjectKey>
    private let state = Mutex(State())

    private struct State: Sendable {
        var pods: [ObjectKey: Pod] = [:]
        var addresses: PodAddresses?
        /// The range `addresses` hands out from: the node's podCIDR, or the fallback.
        var podCIDR = ""
        /// Pods whose containers this agent started, by UID.
        var started: Set<String> = []
    }

    public init(configuration: NodeAgentConfiguration, client: any ClusterClient, runtime: any ContainerRuntime,
                clock: any ClusterClock = SystemClusterClock(), logger: Logger = Logger(label: "capstan.agent")) {
        self.configuration = configuration
        self.client = client
        self.runtime = runtime
        self.clock = clock
        self.logger = logger
        queue = WorkQueue(clock: clock)
    }

    /// The pod informer's events for this node's pods.
    public func podChanged(_ event: InformerEvent<Pod>) {
        let pod = event.object
        guard pod.spec?.nodeName == configuration.nodeName else { return }
        let key = ObjectKey(pod)
        state.withLock { state in
            if case .deleted = event { state.pods[key] = nil } else { state.pods[key] = pod }
        }
        Task { await queue.add(key) }
    }

    /// Registers, then heartbeats and tends pods until the calling task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            do {
                try await register()
                break
            } catch {
                logger.warning("cannot register node; retrying", metadata: ["node": "\(configuration.nodeName)", "error": "\(error)"])
                try? await clock.sleep(for: .seconds(2))
            }
        }
        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.heartbeat() }
                for _ in 0..<4 { group.addTask { await self.work() } }
            }
        } onCancel: { [queue] in
            Task { await queue.shutDown() }
        }
    }

    // MARK: Node

    /// Creates the Node with its status, or brings an existing one up to date.
    func register() async throws {
        var node = Node()
        node.metadata.name = configuration.nodeName
        node.metadata.labels = configuration.nodeLabels
        node.spec = NodeSpec(taints: configuration.taints)
        node.status = nodeStatus()
        let registered: Node
        do {
            registered = try await client.create(node)
        } catch {
            guard error.isAlreadyExists else { throw error }
            var existing = try await client.get(Node.self, name: configuration.nodeName)
            existing.metadata.labels = (existing.metadata.labels ?? [:]).merging(configuration.nodeLabels) { $1 }
            existing = try await client.update(existing)
            existing.status = nodeStatus(previous: existing.status)
            registered = try await client.updateStatus(existing)
        }
        let cidr = registered.spec?.podCIDR.flatMap { $0.isEmpty ? nil : $0 } ?? configuration.fallbackPodCIDR
        state.withLock { state in
            state.addresses = PodAddresses(cidr: cidr) ?? PodAddresses(cidr: configuration.fallbackPodCIDR)
            state.podCIDR = cidr
        }
        logger.info("node registered", metadata: ["node": "\(configuration.nodeName)", "podCIDR": "\(cidr)", "runtime": "\(runtime.name)"])
    }

    /// Takes the podCIDR the control plane assigned after registration, while no pod holds
    /// an address from the fallback range.
    func adoptPodCIDR(of node: Node) {
        guard let cidr = node.spec?.podCIDR, !cidr.isEmpty, let addresses = PodAddresses(cidr: cidr) else { return }
        let adopted = state.withLock { state -> Bool in
            guard state.podCIDR != cidr, state.addresses?.isEmpty ?? true else { return false }
            state.addresses = addresses
            state.podCIDR = cidr
            return true
        }
        if adopted { logger.info("podCIDR assigned", metadata: ["node": "\(configuration.nodeName)", "podCIDR": "\(cidr)"]) }
    }

    /// The range pod addresses come from now.
    public var podCIDR: String { state.withLock { $0.podCIDR } }

    func nodeStatus(previous: NodeStatus? = nil) -> NodeStatus {
        let now = Time(clock.now())
        var status = previous ?? NodeStatus()
        status.capacity = configuration.capacity
        status.allocatable = configuration.capacity
        func condition(_ type: String, _ value: String, reason: String, message: String) -> NodeCondition {
            let old = previous?.conditions.first { $0.type == type }
            var condition = NodeCondition()
            condition.type = type
            condition.status = value
            condition.reason = reason
            condition.message = message
            condition.lastHeartbeatTime = now
            condition.lastTransitionTime = old?.status == value ? old?.lastTransitionTime : now
            return condition
        }
        status.conditions = [
            condition("MemoryPressure", "False", reason: "KubeletHasSufficientMemory", message: "the node has sufficient memory available"),
            condition("DiskPressure", "False", reason: "KubeletHasNoDiskPressure", message: "the node has no disk pressure"),
            condition("PIDPressure", "False", reason: "KubeletHasSufficientPID", message: "the node has sufficient PID available"),
            condition("Ready", "True", reason: "KubeletReady", message: "capstan agent is posting ready status (runtime \(runtime.name))"),
        ]
        status.addresses = [NodeAddress(type: "InternalIP", address: configuration.internalIP),
                            NodeAddress(type: "Hostname", address: configuration.nodeName)]
        var info = status.nodeInfo ?? NodeSystemInfo()
        info.kubeletVersion = "v1.32.0+capstan"
        info.containerRuntimeVersion = "\(runtime.name)://capstan"
        info.operatingSystem = "linux"
        info.architecture = configuration.nodeLabels["kubernetes.io/arch"] ?? "amd64"
        status.nodeInfo = info
        return status
    }

    /// Renews the Lease every `heartbeatInterval`, and posts the node's status every
    /// `statusReportInterval`, or at once when the control plane has marked it not Ready.
    func heartbeat() async {
        var lastReport = clock.now()
        while !Task.isCancelled {
            do {
                try await renewLease()
                let node = try await client.get(Node.self, name: configuration.nodeName)
                adoptPodCIDR(of: node)
                let ready = node.status?.conditions.first { $0.type == "Ready" }?.status == "True"
                if !ready || clock.now().timeIntervalSince(lastReport) >= configuration.statusReportInterval.seconds {
                    var updated = node
                    updated.status = nodeStatus(previous: node.status)
                    _ = try await client.updateStatus(updated)
                    lastReport = clock.now()
                }
            } catch {
                logger.debug("heartbeat failed", metadata: ["node": "\(configuration.nodeName)", "error": "\(error)"])
            }
            do { try await clock.sleep(for: configuration.heartbeatInterval) } catch { return }
        }
    }

    func renewLease() async throws {
        let renew = MicroTime(Time(clock.now()))
        do {
            var lease = try await client.get(Lease.self, name: configuration.nodeName, namespace: "kube-node-lease")
            lease.spec = LeaseSpec(holderIdentity: configuration.nodeName, leaseDurationSeconds: 40, renewTime: renew)
            _ = try await client.update(lease)
        } catch {
            guard error.isNotFound else { throw error }
            var lease = Lease()
            lease.metadata.name = configuration.nodeName
            lease.metadata.namespace = "kube-node-lease"
            lease.spec = LeaseSpec(holderIdentity: configuration.nodeName, leaseDurationSeconds: 40, renewTime: renew)
            _ = try await client.create(lease)
        }
    }

    // MARK: Pods

    private func work() async {
        while let key = await queue.next() {
            do {
                try await sync(key)
                queue.forget(key)
            } catch {
                logger.debug("pod sync failed; retrying", metadata: ["pod": "\(key)", "error": "\(error)"])
                await queue.addRateLimited(key)
            }
            await queue.done(key)
        }
    }

    /// Brings one pod to what it should be: started and reported Running, or stopped and
    /// removed once it is being deleted.
    func sync(_ key: ObjectKey) async throws {
        guard let pod = state.withLock({ $0.pods[key] }) else { return }
        let uid = pod.metadata.uid ?? ""
        if pod.metadata.deletionTimestamp != nil {
            try await runtime.stop(pod, gracePeriod: pod.metadata.deletionGracePeriodSeconds ?? 30)
            state.withLock { state in
                state.started.remove(uid)
                state.addresses?.release(uid)
            }
            do {
                try await client.delete(Pod.self, name: key.name, namespace: key.namespace,
                                        options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: uid))
            } catch {
                guard error.isNotFound || error.isConflict else { throw error }
            }
            return
        }
        let phase = pod.status?.phase
        guard phase != "Succeeded", phase != "Failed" else { return }
        let running = state.withLock { $0.started.contains(uid) }
        if running && phase == "Running" { return }
        if !running {
            try await runtime.start(pod)
            state.withLock { _ = $0.started.insert(uid) }
        }
        guard let address = state.withLock({ $0.addresses?.address(for: uid) }) else {
            throw NodeAgentError.podAddressesExhausted(node: configuration.nodeName)
        }
        var updated = pod
        updated.status = PodStatusReport.running(pod, podIP: address, hostIP: configuration.internalIP, runtime: runtime.name,
                                                 now: Time(clock.now()))
        _ = try await client.updateStatus(updated)
    }
}

public enum NodeAgentError: Error, CustomStringConvertible {
    case podAddressesExhausted(node: String)

    public var description: String {
        switch self {
        case .podAddressesExhausted(let node): "no free pod address left in the podCIDR of node \(node)"
        }
    }
}
