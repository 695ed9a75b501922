import Client
import Foundation
import Logging
import Resources

/// Keeps one pod of each DaemonSet on every node that should run it: adopts and releases pods
/// and revisions by selector, records the template as the update ControllerRevision (its
/// hash labels the pods), performs what `DaemonSetPlanner` decides once its cache has seen
/// its previous writes, writes the status, and lets go of revisions past the history limit.
struct DaemonSetReconciler: Reconciler {
    static let name = "daemonset"
    /// The most pods created or deleted in one pass, as upstream's burstReplicas.
    static let burst = 250

    let client: any ClusterClient
    let sets: InformerCache<DaemonSet>
    let pods: InformerCache<Pod>
    let nodes: InformerCache<Node>
    let revisions: InformerCache<ControllerRevision>
    let pending: PendingWrites
    let backoff: FailureBackoff
    let written: WrittenObjects<DaemonSet>
    let events: EventRecorder
    let clock: any ClusterClock

    static func controller(_ context: ControllerContext, workers: Int = 2) -> Controller {
        let setInformer = context.informers.informer(DaemonSet.self)
        let podInformer = context.informers.informer(Pod.self)
        let nodeInformer = context.informers.informer(Node.self)
        let revisionInformer = context.informers.informer(ControllerRevision.self)
        let queue = context.makeQueue()
        let reconciler = DaemonSetReconciler(
            client: context.client, sets: setInformer.cache, pods: podInformer.cache, nodes: nodeInformer.cache,
            revisions: revisionInformer.cache, pending: PendingWrites(), backoff: FailureBackoff(), written: WrittenObjects(),
            events: context.events, clock: context.clock)
        setInformer.addHandler { event in Task { await queue.add(event.object) } }
        podInformer.addHandler { [sets = setInformer.cache] event in
            let keys = event.controllerKeys(ownerKind: "DaemonSet", candidates: sets, selector: \.spec?.selector)
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        revisionInformer.addHandler { event in
            let keys = event.controllerKeys(ownerKind: "DaemonSet")
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        // A node that comes, goes, or changes its labels or taints may change where daemons run.
        nodeInformer.addHandler { [sets = setInformer.cache] event in
            if case .updated(let old, let new) = event,
               old.metadata.labels == new.metadata.labels, old.spec?.taints == new.spec?.taints { return }
            let keys = sets.list().map(ObjectKey.init)
            Task { for key in keys { await queue.add(key) } }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let set = sets.get(key).map(written.current) else {
            pending.forget(key)
            written.forget(key)
            backoff.forget(set: key)
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
        let allNodes = nodes.list()

        let (update, collisionCount) = try await client.updateRevision(
            of: set, template: set.spec?.template ?? PodTemplateSpec(), collisionCount: set.status?.collisionCount,
            revisions: ownedRevisions)
        let hash = update.metadata.labels?[RevisionHistory.hashLabel] ?? ""

        backoff.recovered(set: key, nodes: owned.filter(\.isReady).compactMap(DaemonSetPlanner.targetNode(of:)))
        var failure: ClientError?
        if caughtUp, set.metadata.deletionTimestamp == nil {
            let plan = DaemonSetPlanner.plan(set, nodes: allNodes, pods: owned, hash: hash,
                                             heldBack: backoff.heldBack(set: key, now: now), now: now)
            for node in plan.failedOn {
                backoff.failed(set: key, node: node, now: now)
                events.record(set, type: "Warning", reason: "FailedDaemonPod",
                              message: "Found failed daemon pod on node \(node), will try to kill it")
            }
            failure = await perform(plan, set: set, key: key, hash: hash, now: now)
        }

        let status = DaemonSetPlanner.status(set, nodes: allNodes, pods: owned, hash: hash, collisionCount: collisionCount, now: now)
        if status != set.status {
            var updated = set
            updated.status = status
            written.wrote(try await client.updateStatus(updated), over: set)
        }
        let known = ownedRevisions.filter { $0.name != update.name } + [update]
        let running = Set(owned.compactMap(DaemonSetPlanner.revisionHash(of:)))
        let live = Set(known.filter { running.contains($0.metadata.labels?[RevisionHistory.hashLabel] ?? "") }.map(\.name) + [update.name])
        try await client.pruneRevisions(known, limit: set.spec?.revisionHistoryLimit ?? 10, live: live)

        if let failure { throw failure }
        let next = [DaemonSetPlanner.nextAvailability(set, pods: owned, now: now), backoff.nextRelease(set: key, now: now)]
            .compactMap { $0 }.min()
        if let next {
            return .requeueAfter(.seconds(max(0.001, next.timeIntervalSince(now))))
        }
        return .done
    }

    /// Creates and deletes pods as planned, each kind concurrently; returns the first failure.
    private func perform(_ plan: DaemonSetPlanner.Plan, set: DaemonSet, key: ObjectKey, hash: String, now: Date) async -> ClientError? {
        let outcomes = await withTaskGroup(of: ClientError?.self, returning: [ClientError?].self) { group in
            for node in plan.create.prefix(Self.burst) {
                group.addTask {
                    do throws(ClientError) {
                        let created = try await client.create(DaemonSetPlanner.makePod(set, node: node, hash: hash))
                        pending.created(ObjectKey(created), by: key, now: now)
                        events.record(set, reason: "SuccessfulCreate", message: "Created pod: \(created.name)")
                        return nil
                    } catch {
                        events.record(set, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error)")
                        return error
                    }
                }
            }
            for name in plan.delete.prefix(Self.burst) {
                group.addTask {
                    let pod = pods.get(ObjectKey(namespace: key.namespace, name: name))
                    do throws(ClientError) {
                        _ = try await client.delete(Pod.self, name: name, namespace: key.namespace,
                                                    options: DeleteOptions(preconditionUID: pod?.metadata.uid))
                        pending.deleted(ObjectKey(namespace: key.namespace, name: name), by: key, now: now)
                        events.record(set, reason: "SuccessfulDelete", message: "Deleted pod: \(name)")
                        return nil
                    } catch {
                        guard error.isNotFound || error.isConflict else {
                            events.record(set, type: "Warning", reason: "FailedDelete", message: "Error deleting: \(error)")
                            return error
                        }
                        return nil
                    }
                }
            }
            var outcomes: [ClientError?] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        return outcomes.compactMap { $0 }.first
    }
}
