import Foundation
import Resources

/// The StatefulSet decisions, with Kubernetes' semantics (pure; `now` is an input):
/// - each pod has an ordinal identity `SET-N`, with `hostname` `SET-N` and `subdomain` the
///   governing service, and a claim `TEMPLATE-SET-N` per volume claim template;
/// - OrderedReady creates ordinals in order, each once the ones below are Running and Ready,
///   and removes them from the highest down, one at a time; Parallel does both at once;
/// - failed pods are deleted, to be created again with the same identity;
/// - RollingUpdate replaces pods from the highest ordinal down to `partition`, one at a time,
///   each once the one above is healthy again; pods below the partition keep the current
///   revision, even when created anew; OnDelete replaces nothing;
/// - the status counters, and the current revision becoming the update revision once every
///   pod runs it and is ready.
enum StatefulSetPlanner {
    static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    static let podIndexLabel = "apps.kubernetes.io/pod-index"

    /// One step towards the desired state.
    enum Action: Equatable {
        /// Create the pod with this ordinal, from the revision named.
        case create(ordinal: Int, revision: String)
        /// Delete this pod (failed, condemned by a scale-down, or out of date).
        case delete(name: String, uid: String?, condemned: Bool)
    }

    /// The actions for one pass, given the owned pods and the two revisions' names.
    struct Plan: Equatable {
        var actions: [Action] = []
        /// Why the pass stopped early, for the log: an ordinal it waits on.
        var waitingOn: String?
    }

    static func startOrdinal(_ set: StatefulSet) -> Int { Int(set.spec?.ordinals?.start ?? 0) }

    static func podName(_ set: StatefulSet, ordinal: Int) -> String { "\(set.name)-\(ordinal)" }

    /// The ordinal of a pod named `SET-N`, or nil for any other name.
    static func ordinal(of pod: Pod, in set: StatefulSet) -> Int? {
        let prefix = set.name + "-"
        guard pod.name.hasPrefix(prefix), let ordinal = Int(pod.name.dropFirst(prefix.count)), ordinal >= 0,
              String(ordinal) == pod.name.dropFirst(prefix.count) else { return nil }
        return ordinal
    }

    static func revision(of pod: Pod) -> String? { pod.metadata.labels?[RevisionHistory.hashLabel] }

    static func isParallel(_ set: StatefulSet) -> Bool { set.spec?.podManagementPolicy == "Parallel" }

    /// The partition of a RollingUpdate, or nil under OnDelete.
    static func partition(_ set: StatefulSet) -> Int? {
        guard set.spec?.updateStrategy?.type ?? "RollingUpdate" == "RollingUpdate" else { return nil }
        return Int(max(0, set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0))
    }

    /// Running, Ready for `minReadySeconds`, and not being deleted.
    static func isHealthy(_ pod: Pod, minReadySeconds: Int32, now: Date) -> Bool {
        pod.status?.phase == "Running" && !pod.isTerminating && pod.isAvailable(minReadySeconds: minReadySeconds, now: now)
    }

    static func hasFinished(_ pod: Pod) -> Bool { pod.status?.phase == "Failed" || pod.status?.phase == "Succeeded" }

    /// Which revision a new pod with `ordinal` gets: below the partition of a rolling update,
    /// the current one; otherwise the update revision.
    static func revisionForNewPod(_ set: StatefulSet, ordinal: Int, current: String, update: String) -> String {
        if let partition = partition(set), ordinal < startOrdinal(set) + partition { return current }
        return update
    }

    /// The pass: the pods in the ordinal range first, then those past it, then the rolling
    /// update. OrderedReady stops at the first pod it must wait on.
    static func plan(_ set: StatefulSet, pods: [Pod], current: String, update: String, now: Date) -> Plan {
        let start = startOrdinal(set)
        let range = start..<(start + Int(max(0, set.spec?.replicas ?? 1)))
        let ordered = !isParallel(set)
        let minReady = set.spec?.minReadySeconds ?? 0
        var replicas: [Int: Pod] = [:]
        var condemned: [(ordinal: Int, pod: Pod)] = []
        for pod in pods {
            guard let ordinal = ordinal(of: pod, in: set) else { continue }
            if range.contains(ordinal) { replicas[ordinal] = pod } else { condemned.append((ordinal, pod)) }
        }
        condemned.sort { $0.ordinal > $1.ordinal }
        let firstUnhealthy = (range.compactMap { replicas[$0] } + condemned.reversed().map(\.pod))
            .first { !isHealthy($0, minReadySeconds: minReady, now: now) }?.name

        var plan = Plan()
        for ordinal in range {
            guard let pod = replicas[ordinal] else {
                plan.actions.append(.create(ordinal: ordinal, revision: revisionForNewPod(set, ordinal: ordinal, current: current, update: update)))
                if ordered { plan.waitingOn = podName(set, ordinal: ordinal); return plan }
                continue
            }
            if hasFinished(pod), !pod.isTerminating {
                plan.actions.append(.delete(name: pod.name, uid: pod.metadata.uid, condemned: false))
                if ordered { plan.waitingOn = pod.name; return plan }
                continue
            }
            if ordered, !isHealthy(pod, minReadySeconds: minReady, now: now) {
                plan.waitingOn = pod.name
                return plan
            }
        }
        for (_, pod) in condemned {
            if pod.isTerminating {
                if ordered { plan.waitingOn = pod.name; return plan }
                continue
            }
            if ordered, !isHealthy(pod, minReadySeconds: minReady, now: now), pod.name != firstUnhealthy {
                plan.waitingOn = firstUnhealthy
                return plan
            }
            plan.actions.append(.delete(name: pod.name, uid: pod.metadata.uid, condemned: true))
            if ordered { plan.waitingOn = pod.name; return plan }
        }
        guard let partition = partition(set), plan.actions.isEmpty else { return plan }
        for ordinal in range.reversed() where ordinal >= start + partition {
            guard let pod = replicas[ordinal] else { continue }
            if revision(of: pod) != update, !pod.isTerminating {
                plan.actions.append(.delete(name: pod.name, uid: pod.metadata.uid, condemned: false))
                plan.waitingOn = pod.name
                return plan
            }
            if !isHealthy(pod, minReadySeconds: minReady, now: now) {
                plan.waitingOn = pod.name
                return plan
            }
        }
        return plan
    }

    /// The pod with `ordinal` from `template` (a revision's), with its identity and claims.
    static func makePod(_ set: StatefulSet, ordinal: Int, template: PodTemplateSpec, revision: String) -> Pod {
        let name = podName(set, ordinal: ordinal)
        var pod = template.makePod(owner: set, generateName: "")
        pod.metadata.generateName = nil
        pod.metadata.name = name
        pod.metadata.labels = (pod.metadata.labels ?? [:]).merging([
            podNameLabel: name, podIndexLabel: String(ordinal), RevisionHistory.hashLabel: revision,
        ]) { $1 }
        var spec = pod.spec ?? PodSpec()
        spec.hostname = name
        if let service = set.spec?.serviceName, !service.isEmpty { spec.subdomain = service }
        for claim in set.spec?.volumeClaimTemplates ?? [] {
            let volumeName = claim.metadata.name ?? ""
            var volume = Volume()
            volume.name = volumeName
            volume.persistentVolumeClaim = PersistentVolumeClaimVolumeSource(claimName: claimName(claim, set: set, ordinal: ordinal))
            spec.volumes.removeAll { $0.name == volumeName }
            spec.volumes.append(volume)
        }
        pod.spec = spec
        return pod
    }

    static func claimName(_ template: PersistentVolumeClaim, set: StatefulSet, ordinal: Int) -> String {
        "\(template.metadata.name ?? "")-\(set.name)-\(ordinal)"
    }

    /// The claims the pod with `ordinal` uses: each template's spec, its labels plus the set's
    /// selector labels, and — when the set's claims are deleted with it — the set as owner.
    static func claims(_ set: StatefulSet, ordinal: Int) -> [PersistentVolumeClaim] {
        let deleteWithSet = set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted == "Delete"
        return (set.spec?.volumeClaimTemplates ?? []).map { template in
            var claim = PersistentVolumeClaim()
            claim.metadata.name = claimName(template, set: set, ordinal: ordinal)
            claim.metadata.namespace = set.metadata.namespace
            claim.metadata.labels = (template.metadata.labels ?? [:]).merging(set.spec?.selector?.matchLabels ?? [:]) { $1 }
            claim.metadata.annotations = template.metadata.annotations
            claim.spec = template.spec
            if deleteWithSet { claim.metadata.ownerReferences = [.controller(set)] }
            return claim
        }
    }

    /// The status the set reports for `pods`, with the collision count it used.
    static func status(_ set: StatefulSet, pods: [Pod], current: String, update: String, collisionCount: Int32?, now: Date) -> StatefulSetStatus {
        var status = set.status ?? StatefulSetStatus()
        let minReady = set.spec?.minReadySeconds ?? 0
        var replicas: Int32 = 0, ready: Int32 = 0, available: Int32 = 0, atCurrent: Int32 = 0, atUpdate: Int32 = 0
        for pod in pods where ordinal(of: pod, in: set) != nil {
            let created = !(pod.status?.phase ?? "").isEmpty
            if created { replicas += 1 }
            if pod.status?.phase == "Running", pod.isReady {
                ready += 1
                if pod.isAvailable(minReadySeconds: minReady, now: now) { available += 1 }
            }
            if created, !pod.isTerminating {
                if revision(of: pod) == current { atCurrent += 1 }
                if revision(of: pod) == update { atUpdate += 1 }
            }
        }
        status.observedGeneration = set.metadata.generation
        status.replicas = replicas
        status.readyReplicas = ready
        status.availableReplicas = available
        status.currentReplicas = atCurrent
        status.updatedReplicas = atUpdate
        status.currentRevision = current
        status.updateRevision = update
        status.collisionCount = collisionCount
        if partition(set) != nil, atUpdate == replicas, ready == replicas {
            status.currentRevision = update
            status.currentReplicas = atUpdate
        }
        return status
    }

    /// When the next ready pod becomes available, for a requeue.
    static func nextAvailability(_ set: StatefulSet, pods: [Pod], now: Date) -> Date? {
        let minReady = set.spec?.minReadySeconds ?? 0
        return pods.compactMap { $0.availableAt(minReadySeconds: minReady, now: now) }.min()
    }
}
