import Client
import Foundation
import Logging
import Resources

/// Keeps each ReplicaSet's pods at `replicas`: adopts matching orphans and releases pods that
/// no longer match, creates missing pods in slow-start batches and deletes the surplus in
/// upstream's order — but only once its cache has seen its previous creations and deletions —
/// then writes the status once.
struct ReplicaSetReconciler: Reconciler {
    static let name = "replicaset"
    /// The most pods created or deleted in one pass, as upstream's burstReplicas.
    static let burst = 500

    let client: any ClusterClient
    let sets: InformerCache<ReplicaSet>
    let pods: InformerCache<Pod>
    let pending: PendingWrites
    let events: EventRecorder
    let clock: any ClusterClock

    /// The controller, wired to the shared informers.
    static func controller(_ context: ControllerContext, workers: Int = 4) -> Controller {
        let setInformer = context.informers.informer(ReplicaSet.self)
        let podInformer = context.informers.informer(Pod.self)
        let queue = context.makeQueue()
        let reconciler = ReplicaSetReconciler(client: context.client, sets: setInformer.cache, pods: podInformer.cache,
                                              pending: PendingWrites(), events: context.events, clock: context.clock)
        setInformer.addHandler { event in Task { await queue.add(event.object) } }
        podInformer.addHandler { [sets = setInformer.cache] event in
            let keys = event.controllerKeys(ownerKind: "ReplicaSet", candidates: sets, selector: \.spec?.selector)
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let set = sets.get(key) else {
            pending.forget(key)
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
        // Expectations first: pods listed after this check include every one it waited for.
        let caughtUp = pending.satisfied(for: key, now: now, pods: pods)
        let owned = try await client.claim(pods.list(namespace: key.namespace), for: set, selector: selector, adoptable: \.isActive)

        var failure: (reason: String, message: String)?
        if caughtUp, set.metadata.deletionTimestamp == nil {
            failure = await scale(set, key: key, owned: owned, now: now)
        }

        var status = ReplicaSetPlanner.status(of: set, owned: owned, now: now)
        status = ReplicaSetPlanner.withReplicaFailure(status, failure: failure, now: now)
        if status != set.status {
            var updated = set
            updated.status = status
            _ = try await client.updateStatus(updated)
        }
        if failure != nil { return .requeue }
        if let next = ReplicaSetPlanner.nextAvailability(of: set, owned: owned, now: now) {
            return .requeueAfter(.seconds(max(0.001, next.timeIntervalSince(now))))
        }
        return .done
    }

    /// Creates or deletes pods towards `replicas`; returns the failure to report, if any.
    private func scale(_ set: ReplicaSet, key: ObjectKey, owned: [Pod], now: Date) async -> (reason: String, message: String)? {
        let delta = ReplicaSetPlanner.replicaDelta(desired: set.spec?.replicas ?? 1, owned: owned)
        if delta > 0 {
            guard let template = set.spec?.template else { return nil }
            let pod = template.makePod(owner: set, generateName: "\(set.name)-")
            let result = await SlowStart.run(count: min(delta, Self.burst)) { () async throws(ClientError) in
                let created = try await client.create(pod)
                pending.created(ObjectKey(created), by: key, now: now)
            }
            if result.created > 0 {
                events.record(set, reason: "SuccessfulCreate", message: "Created \(result.created) pod\(result.created == 1 ? "" : "s")")
            }
            if let error = result.error {
                events.record(set, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error)")
                return ("FailedCreate", "\(error)")
            }
        } else if delta < 0 {
            let victims = ReplicaSetPlanner.podsToDelete(owned, count: min(-delta, Self.burst), now: now)
            var firstError: ClientError?
            await withTaskGroup(of: ClientError?.self) { group in
                for pod in victims {
                    group.addTask {
                        do {
                            _ = try await client.delete(Pod.self, name: pod.name, namespace: pod.metadata.namespace,
                                                    options: DeleteOptions(preconditionUID: pod.metadata.uid))
                            pending.deleted(ObjectKey(pod), by: key, now: now)
                            events.record(set, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
                            return nil
                        } catch let error as ClientError {
                            return error.isNotFound || error.isConflict ? nil : error
                        } catch {
                            return .transport("\(error)")
                        }
                    }
                }
                for await error in group { if let error, firstError == nil { firstError = error } }
            }
            if let firstError {
                events.record(set, type: "Warning", reason: "FailedDelete", message: "Error deleting: \(firstError)")
                return ("FailedDelete", "\(firstError)")
            }
        }
        return nil
    }
}
