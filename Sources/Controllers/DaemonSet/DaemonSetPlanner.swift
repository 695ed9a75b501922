import Foundation
import Resources

/// The DaemonSet decisions, with Kubernetes' semantics (pure; `now` is an input):
/// - a node should run the daemon pod when it matches the pod's node selection and every
///   NoSchedule and NoExecute taint is tolerated; a pod already there may stay unless an
///   untolerated NoExecute taint (or node selection) says otherwise;
/// - daemon pods tolerate the node-condition taints (not-ready, unreachable, pressure,
///   unschedulable), and are pinned to their node by required node affinity on
///   `metadata.name`, for the scheduler to bind;
/// - per node: create the missing pod, delete failed ones and duplicates (the oldest stays),
///   except that a node whose daemon pod failed recently is held back: its failed pod stays
///   and nothing new starts there until the back-off runs out;
///   delete pods on nodes that should not run them;
/// - RollingUpdate replaces out-of-date pods within `maxUnavailable` (an unavailable old pod
///   is replaced for free), or with `maxSurge` starts the new pod beside the old one and
///   deletes the old one once the new one is available; OnDelete replaces nothing;
/// - the status counters.
enum DaemonSetPlanner {
    static let generationLabel = "pod-template-generation"

    /// Whether a node should run the daemon pod, and whether a pod already there may stay.
    struct Placement: Equatable {
        var shouldRun: Bool
        var shouldContinueRunning: Bool
    }

    /// The tolerations every daemon pod gets (upstream's AddOrUpdateDaemonPodTolerations).
    static func daemonTolerations(hostNetwork: Bool) -> [Toleration] {
        var tolerations = [
            Toleration(key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute"),
            Toleration(key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute"),
            Toleration(key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule"),
            Toleration(key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule"),
            Toleration(key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule"),
            Toleration(key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule"),
        ]
        if hostNetwork {
            tolerations.append(Toleration(key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule"))
        }
        return tolerations
    }

    /// The template's tolerations plus the daemon ones it lacks.
    static func tolerations(_ spec: PodSpec?) -> [Toleration] {
        var tolerations = spec?.tolerations ?? []
        for toleration in daemonTolerations(hostNetwork: spec?.hostNetwork ?? false)
        where !tolerations.contains(where: { $0.key == toleration.key && $0.effect == toleration.effect }) {
            tolerations.append(toleration)
        }
        return tolerations
    }

    static func placement(_ set: DaemonSet, on node: Node) -> Placement {
        let spec = set.spec?.template?.spec ?? PodSpec()
        guard spec.nodeSelectionMatches(node) else { return Placement(shouldRun: false, shouldContinueRunning: false) }
        let tolerations = tolerations(spec)
        var placement = Placement(shouldRun: true, shouldContinueRunning: true)
        for taint in node.spec?.taints ?? [] where !tolerations.contains(where: { $0.tolerates(taint) }) {
            switch taint.effect {
            case "NoExecute": return Placement(shouldRun: false, shouldContinueRunning: false)
            case "NoSchedule": placement.shouldRun = false
            default: break
            }
        }
        return placement
    }

    /// The node a daemon pod is for: its `nodeName`, or the name its node affinity pins.
    static func targetNode(of pod: Pod) -> String? {
        if let node = pod.spec?.nodeName, !node.isEmpty { return node }
        let terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
        for term in terms {
            for field in term.matchFields where field.key == "metadata.name" && field.operator == "In" && field.values.count == 1 {
                return field.values[0]
            }
        }
        return nil
    }

    /// A daemon pod for `node` from the set's template at `hash`.
    static func makePod(_ set: DaemonSet, node: String, hash: String) -> Pod {
        var pod = (set.spec?.template ?? PodTemplateSpec()).makePod(owner: set, generateName: "\(set.name)-")
        var labels = pod.metadata.labels ?? [:]
        labels[RevisionHistory.hashLabel] = hash
        if let generation = set.metadata.generation { labels[generationLabel] = String(generation) }
        pod.metadata.labels = labels
        var spec = pod.spec ?? PodSpec()
        spec.tolerations = tolerations(spec)
        var affinity = spec.affinity ?? Affinity()
        var nodeAffinity = affinity.nodeAffinity ?? NodeAffinity()
        let pin = NodeSelectorTerm(matchFields: [NodeSelectorRequirement(key: "metadata.name", operator: "In", values: [node])])
        nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = NodeSelector(nodeSelectorTerms: [pin])
        affinity.nodeAffinity = nodeAffinity
        spec.affinity = affinity
        pod.spec = spec
        return pod
    }

    /// Oldest first; the name breaks ties.
    static func creationOrder(_ a: Pod, _ b: Pod) -> Bool {
        let createdA = a.metadata.creationTimestamp?.date ?? .distantFuture
        let createdB = b.metadata.creationTimestamp?.date ?? .distantFuture
        return createdA != createdB ? createdA < createdB : a.name < b.name
    }

    /// The set's live (not terminating) pods, oldest first, per target node.
    static func podsByNode(_ pods: [Pod]) -> [String: [Pod]] {
        var byNode: [String: [Pod]] = [:]
        for pod in pods where !pod.isTerminating {
            if let node = targetNode(of: pod) { byNode[node, default: []].append(pod) }
        }
        return byNode.mapValues { $0.sorted(by: creationOrder) }
    }

    static func revisionHash(of pod: Pod) -> String? { pod.metadata.labels?[RevisionHistory.hashLabel] }

    /// What one pass does: nodes to create a pod on, pods to delete.
    struct Plan: Equatable {
        var create: [String] = []
        var delete: [String] = []
        /// Nodes whose failed pods this pass deletes, for the back-off.
        var failedOn: [String] = []
    }

    static func surge(_ set: DaemonSet, desired: Int32) -> Int32 {
        guard set.spec?.updateStrategy?.type ?? "RollingUpdate" == "RollingUpdate" else { return 0 }
        return RolloutMath.resolve(set.spec?.updateStrategy?.rollingUpdate?.maxSurge, total: desired, roundUp: true)
    }

    /// `maxUnavailable` resolved against the desired count (rounded down, as upstream), and at
    /// least 1 when there is no surge.
    static func maxUnavailable(_ set: DaemonSet, desired: Int32) -> Int32 {
        let value = RolloutMath.resolve(set.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? .int(1), total: desired, roundUp: false)
        return value == 0 && surge(set, desired: desired) == 0 ? 1 : value
    }

    /// The pass; `heldBack` names the nodes still in their failure back-off.
    static func plan(_ set: DaemonSet, nodes: [Node], pods: [Pod], hash: String, heldBack: Set<String> = [], now: Date) -> Plan {
        let minReady = set.spec?.minReadySeconds ?? 0
        let byNode = podsByNode(pods)
        let desired = Int32(nodes.filter { placement(set, on: $0).shouldRun }.count)
        let surge = surge(set, desired: desired)
        var plan = Plan()
        var eligible: [(node: String, pods: [Pod])] = []
        for node in nodes.sorted(by: { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }) {
            let name = node.metadata.name ?? ""
            let placement = placement(set, on: node)
            var onNode = byNode[name] ?? []
            guard placement.shouldContinueRunning else {
                plan.delete += onNode.map(\.name)
                continue
            }
            let failed = onNode.filter { $0.status?.phase == "Failed" }
            onNode.removeAll { $0.status?.phase == "Failed" }
            let held = !failed.isEmpty && heldBack.contains(name)
            if !failed.isEmpty, !held {
                plan.delete += failed.map(\.name)
                plan.failedOn.append(name)
            }
            if onNode.isEmpty {
                if placement.shouldRun, !held { plan.create.append(name) }
                continue
            }
            if onNode.count > 1 {
                if surge > 0 {
                    // An old pod may stay beside its replacement while the old one is ready.
                    let oldestNew = onNode.first { revisionHash(of: $0) == hash }
                    let oldestOld = onNode.first { revisionHash(of: $0) != hash }
                    let kept = [oldestOld, oldestNew].compactMap { $0 }
                    plan.delete += onNode.filter { pod in !kept.contains { $0.name == pod.name } }.map(\.name)
                    if let oldestOld, oldestNew != nil, !oldestOld.isReady {
                        plan.delete.append(oldestOld.name)
                        onNode = [oldestNew].compactMap { $0 }
                    } else {
                        onNode = kept
                    }
                } else {
                    plan.delete += onNode.dropFirst().map(\.name)
                    onNode = [onNode[0]]
                }
            }
            if placement.shouldRun { eligible.append((name, onNode)) }
        }
        guard set.spec?.updateStrategy?.type ?? "RollingUpdate" == "RollingUpdate" else { return plan }
        if surge > 0 {
            rollWithSurge(eligible, hash: hash, surge: surge, minReady: minReady, now: now, into: &plan)
        } else {
            rollWithoutSurge(eligible, hash: hash, budget: maxUnavailable(set, desired: desired),
                             missing: plan.create.count, minReady: minReady, now: now, into: &plan)
        }
        return plan
    }

    /// Deletes old pods: unavailable ones at once, available ones while fewer than `budget`
    /// nodes are without an available pod.
    private static func rollWithoutSurge(_ eligible: [(node: String, pods: [Pod])], hash: String, budget: Int32, missing: Int,
                                         minReady: Int32, now: Date, into plan: inout Plan) {
        var unavailable = Int32(missing) + Int32(eligible.filter { !$0.pods[0].isAvailable(minReadySeconds: minReady, now: now) }.count)
        for (_, pods) in eligible {
            let pod = pods[0]
            guard revisionHash(of: pod) != hash, !plan.delete.contains(pod.name) else { continue }
            if !pod.isAvailable(minReadySeconds: minReady, now: now) {
                plan.delete.append(pod.name)
            } else if unavailable < budget {
                plan.delete.append(pod.name)
                unavailable += 1
            }
        }
    }

    /// Starts new pods beside old ones, within `surge` at a time (at once where the old pod is
    /// unavailable), and deletes each old pod once its replacement is available.
    private static func rollWithSurge(_ eligible: [(node: String, pods: [Pod])], hash: String, surge: Int32,
                                      minReady: Int32, now: Date, into plan: inout Plan) {
        var surging = Int32(eligible.filter { $0.pods.count > 1 }.count)
        for (node, pods) in eligible {
            let old = pods.first { revisionHash(of: $0) != hash }
            let new = pods.first { revisionHash(of: $0) == hash }
            guard let old else { continue }
            if let new {
                if new.isAvailable(minReadySeconds: minReady, now: now) { plan.delete.append(old.name) }
            } else if !old.isAvailable(minReadySeconds: minReady, now: now) {
                plan.create.append(node)
            } else if surging < surge {
                plan.create.append(node)
                surging += 1
            }
        }
    }

    static func status(_ set: DaemonSet, nodes: [Node], pods: [Pod], hash: String, collisionCount: Int32?, now: Date) -> DaemonSetStatus {
        var status = set.status ?? DaemonSetStatus()
        let minReady = set.spec?.minReadySeconds ?? 0
        let byNode = podsByNode(pods)
        var desired: Int32 = 0, current: Int32 = 0, misscheduled: Int32 = 0, ready: Int32 = 0, available: Int32 = 0, updated: Int32 = 0
        for node in nodes {
            let onNode = byNode[node.metadata.name ?? ""] ?? []
            if placement(set, on: node).shouldRun {
                desired += 1
                guard let pod = onNode.first else { continue }
                current += 1
                if pod.isReady {
                    ready += 1
                    if pod.isAvailable(minReadySeconds: minReady, now: now) { available += 1 }
                }
                if revisionHash(of: pod) == hash { updated += 1 }
            } else if !onNode.isEmpty {
                misscheduled += 1
            }
        }
        status.desiredNumberScheduled = desired
        status.currentNumberScheduled = current
        status.numberMisscheduled = misscheduled
        status.numberReady = ready
        status.numberAvailable = available
        status.numberUnavailable = desired - available
        status.updatedNumberScheduled = updated
        status.observedGeneration = set.metadata.generation
        status.collisionCount = collisionCount
        return status
    }

    /// When the next ready pod becomes available, for a requeue.
    static func nextAvailability(_ set: DaemonSet, pods: [Pod], now: Date) -> Date? {
        let minReady = set.spec?.minReadySeconds ?? 0
        return pods.compactMap { $0.availableAt(minReadySeconds: minReady, now: now) }.min()
    }
}
