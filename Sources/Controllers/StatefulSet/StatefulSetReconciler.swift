import Client
import Foundation
import Logging
import Resources

/// Keeps each StatefulSet's ordinal pods: adopts and releases pods and revisions by selector,
/// records its template as the update ControllerRevision, makes each pod's claims before the
/// pod, performs what `StatefulSetPlanner` decides once its cache has seen its previous
/// writes, writes the status, and lets go of revisions past the history limit.
struct StatefulSetReconciler: Reconciler {
    static let name = "statefulset"

    let client: any ClusterClient
    let sets: InformerCache<StatefulSet>
    let pods: InformerCache<Pod>
    let revisions: InformerCache<ControllerRevision>
    let claims: InformerCache<PersistentVolumeClaim>
    let pending: PendingWrites
    let written: WrittenObjects<StatefulSet>
    let events: EventRecorder
    let clock: any ClusterClock
    let logger: Logger

    static func controller(_ context: ControllerContext, workers: Int = 2) -> Controller {
        let setInformer = context.informers.informer(StatefulSet.self)
        let podInformer = context.informers.informer(Pod.self)
        let revisionInformer = context.informers.informer(ControllerRevision.self)
        let queue = context.makeQueue()
        let reconciler = StatefulSetReconciler(
            client: context.client, sets: setInformer.cache, pods: podInformer.cache, revisions: revisionInformer.cache,
            claims: context.informers.cache(PersistentVolumeClaim.self), pending: PendingWrites(), written: WrittenObjects(),
            events: context.events, clock: context.clock, logger: context.logger)
        setInformer.addHandler { event in Task { await queue.add(event.object) } }
        podInformer.addHandler { [sets = setInformer.cache] event in
            let keys = event.controllerKeys(ownerKind: "StatefulSet", candidates: sets, selector: \.spec?.selector)
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        revisionInformer.addHandler { event in
            let keys = event.controllerKeys(ownerKind: "StatefulSet")
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let set = sets.get(key).map(written.current) else {
            pending.forget(key)
            written.forget(key)
            return .done
        }
        let now = clock.now()
        let selector: Selector
        do {
            selector = try Selector(set.spec?.selector)
        } catch {
            events.record(set, type: "Warning", reason: "InvalidSelector", message: "\(error)")
            return .done
        }
        let caughtUp = pending.satisfied(for: key, now: now, pods: pods)
        let owned = try await client.claim(pods.list(namespace: key.namespace), for: set, selector: selector, adoptable: \.isActive)
        let ownedRevisions = try await client.claim(revisions.list(namespace: key.namespace), for: set, selector: selector)

        let template = set.spec?.template ?? PodTemplateSpec()
        let (update, collisionCount) = try await client.updateRevision(
            of: set, template: template, collisionCount: set.status?.collisionCount, revisions: ownedRevisions)
        let known = ownedRevisions.filter { $0.name != update.name } + [update]
        let current = known.first { $0.name == set.status?.currentRevision } ?? update

        var plan = StatefulSetPlanner.Plan()
        if caughtUp, set.metadata.deletionTimestamp == nil {
            plan = StatefulSetPlanner.plan(set, pods: owned, current: current.name, update: update.name, now: now)
            try await perform(plan, set: set, key: key, revisions: [current, update], now: now)
        }

        let status = StatefulSetPlanner.status(set, pods: owned, current: current.name, update: update.name,
                                               collisionCount: collisionCount, now: now)
        if status != set.status {
            var updated = set
            updated.status = status
            written.wrote(try await client.updateStatus(updated), over: set)
        }
        let live = Set([status.currentRevision, status.updateRevision].compactMap { $0 } + owned.compactMap(StatefulSetPlanner.revision(of:)))
        try await client.pruneRevisions(known, limit: set.spec?.revisionHistoryLimit ?? 10, live: live)

        if let next = StatefulSetPlanner.nextAvailability(set, pods: owned, now: now) {
            return .requeueAfter(.seconds(max(0.001, next.timeIntervalSince(now))))
        }
        return .done
    }

    /// Creates (claims first) and deletes pods as planned.
    private func perform(_ plan: StatefulSetPlanner.Plan, set: StatefulSet, key: ObjectKey,
                         revisions: [ControllerRevision], now: Date) async throws {
        for action in plan.actions {
            switch action {
            case .create(let ordinal, let revisionName):
                guard let template = revisions.first(where: { $0.name == revisionName }).flatMap(RevisionHistory.template(of:))
                        ?? set.spec?.template else { continue }
                try await createClaims(set, ordinal: ordinal)
                let pod = StatefulSetPlanner.makePod(set, ordinal: ordinal, template: template, revision: revisionName)
                do {
                    let created = try await client.create(pod)
                    pending.created(ObjectKey(created), by: key, now: now)
                    events.record(set, reason: "SuccessfulCreate", message: "create Pod \(pod.name) in StatefulSet \(set.name) successful")
                } catch {
                    // The previous pod of that name is still going away; its deletion requeues the set.
                    guard error.isAlreadyExists else {
                        events.record(set, type: "Warning", reason: "FailedCreate",
                                      message: "create Pod \(pod.name) in StatefulSet \(set.name) failed error: \(error)")
                        throw error
                    }
                }
            case .delete(let name, let uid, let condemned):
                if condemned, set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled == "Delete",
                   let pod = pods.get(ObjectKey(namespace: key.namespace, name: name)) {
                    try await handOverClaims(of: pod, set: set)
                }
                do {
                    _ = try await client.delete(Pod.self, name: name, namespace: key.namespace, options: DeleteOptions(preconditionUID: uid))
                    pending.deleted(ObjectKey(namespace: key.namespace, name: name), by: key, now: now)
                    events.record(set, reason: "SuccessfulDelete", message: "delete Pod \(name) in StatefulSet \(set.name) successful")
                } catch {
                    guard error.isNotFound || error.isConflict else {
                        events.record(set, type: "Warning", reason: "FailedDelete",
                                      message: "delete Pod \(name) in StatefulSet \(set.name) failed error: \(error)")
                        throw error
                    }
                }
            }
        }
        if let waiting = plan.waitingOn, plan.actions.isEmpty {
            logger.debug("statefulset waits", metadata: ["set": "\(key)", "pod": "\(waiting)"])
        }
    }

    /// Creates the claims of the pod with `ordinal` that do not exist yet.
    private func createClaims(_ set: StatefulSet, ordinal: Int) async throws {
        for claim in StatefulSetPlanner.claims(set, ordinal: ordinal) where claims.get(ObjectKey(claim)) == nil {
            do {
                _ = try await client.create(claim)
            } catch {
                guard error.isAlreadyExists else {
                    events.record(set, type: "Warning", reason: "FailedCreate",
                                  message: "create Claim \(claim.name) for StatefulSet \(set.name) failed error: \(error)")
                    throw error
                }
            }
        }
    }

    /// Makes a condemned pod the owner of its claims, so they go with it (`whenScaled: Delete`).
    private func handOverClaims(of pod: Pod, set: StatefulSet) async throws {
        guard let ordinal = StatefulSetPlanner.ordinal(of: pod, in: set) else { return }
        for claim in StatefulSetPlanner.claims(set, ordinal: ordinal) {
            var reference = OwnerReference.controller(pod)
            reference.controller = false
            let patch: JSONValue = .object(["metadata": .object(["ownerReferences": .array([try JSONValue(encoding: reference)])])])
            do {
                _ = try await client.patch(PersistentVolumeClaim.self, name: claim.name, namespace: claim.metadata.namespace, .strategic(patch))
            } catch {
                guard error.isNotFound else { throw error }
            }
        }
    }
}
