import Client
import Foundation
import Logging
import Resources

/// Rolls each Deployment out through ReplicaSets, with upstream's sequence: adopt and release
/// sets; stop at the status when it is being deleted; when paused, or when only its size
/// changed, scale the sets proportionally; otherwise make sure the current template has its
/// set (the next revision number, the Deployment's annotations) and take one step of its
/// strategy — RollingUpdate grows the new set within maxSurge, then shrinks the old ones
/// within maxUnavailable; Recreate empties the old sets, waits for their pods to go, then
/// fills the new one. Complete rollouts trim history to revisionHistoryLimit. The status is
/// written once, last.
struct DeploymentReconciler: Reconciler {
    static let name = "deployment"

    let client: any ClusterClient
    let deployments: InformerCache<Deployment>
    let sets: InformerCache<ReplicaSet>
    let pods: InformerCache<Pod>
    let events: EventRecorder
    let clock: any ClusterClock

    static func controller(_ context: ControllerContext, workers: Int = 4) -> Controller {
        let deploymentInformer = context.informers.informer(Deployment.self)
        let setInformer = context.informers.informer(ReplicaSet.self)
        let podInformer = context.informers.informer(Pod.self)
        let queue = context.makeQueue()
        let reconciler = DeploymentReconciler(client: context.client, deployments: deploymentInformer.cache, sets: setInformer.cache,
                                              pods: podInformer.cache, events: context.events, clock: context.clock)
        deploymentInformer.addHandler { event in Task { await queue.add(event.object) } }
        setInformer.addHandler { [deployments = deploymentInformer.cache] event in
            var keys = event.controllerKeys(ownerKind: "Deployment")
            if event.isOrphan {
                let labels = event.object.metadata.labels ?? [:]
                for deployment in deployments.list(namespace: event.object.metadata.namespace ?? "") {
                    if let selector = try? Selector(deployment.spec?.selector), !selector.isEmpty, selector.matches(labels) {
                        keys.insert(ObjectKey(deployment))
                    }
                }
            }
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        // Recreate waits for the old pods to be gone: their deletions move it on.
        podInformer.addHandler { [sets = setInformer.cache] event in
            guard case .deleted(let pod) = event, let owner = pod.metadata.controllerReference, owner.kind == "ReplicaSet",
                  let set = sets.get(ObjectKey(namespace: pod.metadata.namespace, name: owner.name)),
                  let deployment = set.metadata.controllerReference, deployment.kind == "Deployment" else { return }
            let key = ObjectKey(namespace: pod.metadata.namespace, name: deployment.name)
            Task { await queue.add(key) }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard var deployment = deployments.get(key) else { return .done }
        let now = clock.now()
        let selector: Selector
        do {
            selector = try Selector(deployment.spec?.selector)
        } catch {
            events.record(deployment, type: "Warning", reason: "InvalidSelector", message: "\(error)")
            return .done
        }
        guard !selector.isEmpty else {
            events.record(deployment, type: "Warning", reason: "SelectingAll",
                          message: "This deployment is selecting all pods. A non-empty selector is required.")
            return .done
        }

        // 1. The sets it owns.
        var owned = try await client.claim(sets.list(namespace: key.namespace), for: deployment, selector: selector)
        let previous = deployment.status ?? DeploymentStatus()

        // 2. Being deleted: the garbage collector takes the sets; only report.
        if deployment.metadata.deletionTimestamp != nil {
            return try await writeStatus(&deployment, owned: owned, progress: .none, now: now)
        }

        // 3. Paused, or only resized: scale proportionally, no new revision.
        let progressCondition = previous.conditions.first { $0.type == "Progressing" }
        let paused = deployment.spec?.paused == true
        var progress: DeploymentStatusCalculator.Progress = .none
        if paused, progressCondition?.reason != "DeploymentPaused" { progress = .paused }
        if !paused, progressCondition?.reason == "DeploymentPaused" { progress = .resumed }
        let current = DeploymentRevisions.currentSet(of: deployment, among: owned)
        let old = owned.filter { $0.metadata.uid != current?.metadata.uid }
        if paused || isScalingEvent(deployment, owned) {
            let scaled = RolloutMath.proportionalScale(deployment, new: current, old: old)
            owned = try await apply(scaled, to: owned, for: deployment)
            if paused { try await cleanUp(deployment, old: owned.filter { $0.metadata.uid != current?.metadata.uid }) }
            return try await writeStatus(&deployment, owned: owned, progress: progress, now: now)
        }

        // 4. The current revision's set.
        let ensured: (set: ReplicaSet, created: Bool)
        do {
            guard let result = try await ensureCurrentSet(&deployment, current: current, old: old) else { return .requeue }
            ensured = result
        }
        if ensured.created {
            progress = .createdSet(ensured.set.name)
            events.record(deployment, reason: "ScalingReplicaSet",
                          message: "Scaled up replica set \(ensured.set.name) to \(RolloutMath.replicas(ensured.set)) from 0")
        }
        owned = old + [ensured.set]
        let new = ensured.set

        // 5. One step of the strategy.
        let scaled: [ReplicaSet]
        if deployment.spec?.strategy?.type == "Recreate" {
            scaled = recreateStep(deployment, new: new, old: old)
        } else {
            let target = RolloutMath.newSetReplicas(deployment, all: owned, new: new)
            if target != RolloutMath.replicas(new) {
                var grown = new
                grown.spec?.replicas = target
                scaled = old + [grown]
            } else {
                scaled = RolloutMath.scaleDownOld(deployment, new: new, old: old) + [new]
            }
        }
        let changed = scaled != owned
        owned = try await apply(scaled, to: owned, for: deployment)

        // 6. History, once the rollout is complete.
        var status = DeploymentStatusCalculator.status(deployment, current: owned.last, all: owned, progress: progress, now: now)
        if !changed, DeploymentStatusCalculator.isComplete(deployment, status) {
            try await cleanUp(deployment, old: Array(owned.dropLast()))
        }
        status = DeploymentStatusCalculator.status(deployment, current: owned.last, all: owned, progress: progress, now: now)
        return try await write(status, to: &deployment, now: now)
    }

    /// A scaling event: an active set was sized for a different replica count.
    private func isScalingEvent(_ deployment: Deployment, _ owned: [ReplicaSet]) -> Bool {
        let desired = String(deployment.spec?.replicas ?? 1)
        return owned.contains { set in
            RolloutMath.replicas(set) > 0
                && set.metadata.annotations?[DeploymentRevisions.desiredReplicasAnnotation].map { $0 != desired } == true
        }
    }

    /// Recreate: empty every old set; once their pods are gone, size the new one.
    private func recreateStep(_ deployment: Deployment, new: ReplicaSet, old: [ReplicaSet]) -> [ReplicaSet] {
        if old.contains(where: { RolloutMath.replicas($0) > 0 }) {
            return old.map { set in
                var emptied = set
                emptied.spec?.replicas = 0
                return emptied
            } + [new]
        }
        let oldPodsRunning = old.contains { set in
            pods.byIndex(Indexes.ownerUID, set.metadata.uid ?? "").contains { pod in
                pod.status?.phase != "Failed" && pod.status?.phase != "Succeeded"
            }
        }
        guard !oldPodsRunning else { return old + [new] }
        var filled = new
        filled.spec?.replicas = deployment.spec?.replicas ?? 1
        return old + [filled]
    }

    /// Finds or creates the set for the current template and brings its revision and
    /// annotations up to date; also records the revision on the Deployment. Nil when a hash
    /// collision was found (the collision count was raised; try again).
    private func ensureCurrentSet(_ deployment: inout Deployment, current: ReplicaSet?, old: [ReplicaSet]) async throws -> (set: ReplicaSet, created: Bool)? {
        let revision = DeploymentRevisions.nextRevision(old: old)
        var result: (set: ReplicaSet, created: Bool)
        if let current {
            var set = current
            if let synced = DeploymentRevisions.synced(current, for: deployment, revision: revision) {
                set = try await client.update(synced)
            }
            result = (set, false)
        } else {
            var fresh = DeploymentRevisions.makeSet(for: deployment, revision: revision, replicas: 0)
            let initial = deployment.spec?.strategy?.type == "Recreate" ? 0
                : RolloutMath.newSetReplicas(deployment, all: old + [fresh], new: fresh)
            fresh.spec?.replicas = initial
            let created: ReplicaSet?
            do {
                created = try await client.create(fresh)
            } catch {
                guard error.isAlreadyExists else { throw error }
                created = nil
            }
            if let created {
                result = (created, true)
            } else {
                let existing = try await client.get(ReplicaSet.self, name: fresh.name, namespace: fresh.metadata.namespace)
                if existing.metadata.controllerReference?.uid == deployment.metadata.uid,
                   TemplateHash.same(DeploymentRevisions.withoutHash(existing.spec?.template), DeploymentRevisions.withoutHash(deployment.spec?.template)) {
                    result = (existing, false)
                } else {
                    var status = deployment.status ?? DeploymentStatus()
                    status.collisionCount = (status.collisionCount ?? 0) + 1
                    deployment.status = status
                    _ = try await client.updateStatus(deployment)
                    return nil
                }
            }
        }
        let setRevision = result.set.metadata.annotations?[DeploymentRevisions.revisionAnnotation]
        if let setRevision, deployment.metadata.annotations?[DeploymentRevisions.revisionAnnotation] != setRevision {
            var annotated = deployment
            annotated.metadata.annotations = (deployment.metadata.annotations ?? [:]).merging(
                [DeploymentRevisions.revisionAnnotation: setRevision]) { $1 }
            let status = deployment.status
            deployment = try await client.update(annotated)
            deployment.status = status
        }
        return result
    }

    /// Writes the sizes in `scaled` that differ from `owned`; returns the sets as they now stand.
    private func apply(_ scaled: [ReplicaSet], to owned: [ReplicaSet], for deployment: Deployment) async throws -> [ReplicaSet] {
        let before = Dictionary(owned.map { ($0.metadata.uid ?? $0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [ReplicaSet] = []
        let annotations = DeploymentRevisions.replicaAnnotations(deployment)
        for set in scaled {
            let original = before[set.metadata.uid ?? set.name] ?? set
            var wanted = set
            if RolloutMath.replicas(set) != RolloutMath.replicas(original) || RolloutMath.replicas(set) > 0 {
                wanted.metadata.annotations = (set.metadata.annotations ?? [:]).merging(annotations) { $1 }
            }
            guard wanted != original else {
                result.append(original)
                continue
            }
            let written = try await client.update(wanted)
            let from = RolloutMath.replicas(original), to = RolloutMath.replicas(written)
            if from != to {
                events.record(deployment, reason: "ScalingReplicaSet",
                              message: "Scaled \(to > from ? "up" : "down") replica set \(written.name) to \(to) from \(from)")
            }
            result.append(written)
        }
        return result
    }

    private func cleanUp(_ deployment: Deployment, old: [ReplicaSet]) async throws {
        for set in DeploymentRevisions.setsToCleanUp(deployment, old: old) {
            do {
                _ = try await client.delete(ReplicaSet.self, name: set.name, namespace: set.metadata.namespace,
                                            options: DeleteOptions(preconditionUID: set.metadata.uid))
            } catch {
                guard error.isNotFound || error.isConflict else { throw error }
            }
        }
    }

    private func writeStatus(_ deployment: inout Deployment, owned: [ReplicaSet], progress: DeploymentStatusCalculator.Progress,
                             now: Date) async throws -> ReconcileResult {
        let current = DeploymentRevisions.currentSet(of: deployment, among: owned)
        let status = DeploymentStatusCalculator.status(deployment, current: current, all: owned, progress: progress, now: now)
        return try await write(status, to: &deployment, now: now)
    }

    /// Writes the status if it changed; requeues for the progress deadline when one applies.
    private func write(_ status: DeploymentStatus, to deployment: inout Deployment, now: Date) async throws -> ReconcileResult {
        if status != deployment.status {
            let wasTimedOut = deployment.status?.conditions.contains { $0.reason == "ProgressDeadlineExceeded" } ?? false
            var updated = deployment
            updated.status = status
            deployment = try await client.updateStatus(updated)
            if !wasTimedOut, status.conditions.contains(where: { $0.reason == "ProgressDeadlineExceeded" }) {
                events.record(deployment, type: "Warning", reason: "ProgressDeadlineExceeded",
                              message: status.conditions.first { $0.type == "Progressing" }?.message ?? "")
            }
        }
        if let deadline = DeploymentStatusCalculator.progressDeadline(deployment, status) {
            return .requeueAfter(.seconds(max(0.001, deadline.timeIntervalSince(now) + 0.001)))
        }
        return .done
    }
}
