import Client
import Foundation
import Logging
import Resources
import SchedulingFramework
import Synchronization

/// One leadership term of the scheduler: the informers feed the cache and the queue; the
/// scheduling loop takes one pod at a time through its profile; bindings run concurrently.
public final class SchedulerTerm: Sendable {
    public let cache = SchedulerCache()
    let queue: PodQueue
    public let stats = SchedulerStats()
    private let profiles: [String: Framework]
    private let client: any ClusterClient
    private let pods: Informer<Pod>
    private let events: EventRecorder
    private let clock: any ClusterClock
    private let logger: Logger
    private let bindings: AsyncStream<Binding>
    private let bindingSink: AsyncStream<Binding>.Continuation
    /// Where the next cycle starts filtering, so that every node gets its turn.
    private let nextStartNode = Mutex(0)

    /// A placement on its way to the API server.
    struct Binding: Sendable {
        var queued: QueuedPod
        var node: String
        var framework: Framework
        var state: CycleState
        var writes: [BindingWrite]
        var wait: Duration?
    }

    init(configuration: Scheduler.Configuration, client: any ClusterClient, informers: InformerFactory, events: EventRecorder,
         clock: any ClusterClock, logger: Logger) {
        var profiles: [String: Framework] = [:]
        for profile in configuration.profiles { profiles[profile.profileName] = profile }
        self.profiles = profiles
        self.client = client
        self.events = events
        self.clock = clock
        self.logger = logger
        queue = PodQueue(clock: clock)
        (bindings, bindingSink) = AsyncStream.makeStream()
        pods = informers.informer(Pod.self)
        pods.addHandler { [weak self] event in self?.podChanged(event) }
        informers.informer(Node.self).addHandler { [weak self] event in self?.nodeChanged(event) }
        informers.informer(PersistentVolumeClaim.self).addHandler { [weak self] event in
            self?.storageChanged(event, upsert: { $0.upsert($1) }, remove: { $0.remove($1) })
        }
        informers.informer(PersistentVolume.self).addHandler { [weak self] event in
            self?.storageChanged(event, upsert: { $0.upsert($1) }, remove: { $0.remove($1) })
        }
        informers.informer(StorageClass.self).addHandler { [weak self] event in
            self?.storageChanged(event, upsert: { $0.upsert($1) }, remove: { $0.remove($1) })
        }
    }

    /// How many pods wait in each part of the queue.
    public var queueCounts: (active: Int, backoff: Int, unschedulable: Int) { queue.read(\.counts) }

    // MARK: - Cluster events

    private func responsible(for pod: Pod) -> Bool {
        profiles[pod.spec?.schedulerName ?? Registry.defaultSchedulerName] != nil
    }

    private static func isBound(_ pod: Pod) -> Bool { !(pod.spec?.nodeName ?? "").isEmpty }

    func podChanged(_ event: InformerEvent<Pod>) {
        switch event {
        case .added(let pod), .updated(_, let pod):
            if Self.isBound(pod) {
                cache.upsert(boundPod: pod)
                queue.update { queue, _ in queue.delete(ObjectKey(pod)) }
                // A pod that finished frees its node's room.
                if case .updated(let old, _) = event, Self.isFinished(pod), !Self.isFinished(old) {
                    queue.update { queue, now in queue.moveAllToActiveOrBackoff(now: now) }
                }
            } else if pod.metadata.deletionTimestamp != nil || !responsible(for: pod) {
                queue.update { queue, _ in queue.delete(ObjectKey(pod)) }
            } else {
                queue.update { queue, now in queue.add(pod, now: now) }
            }
        case .deleted(let pod):
            let key = ObjectKey(pod)
            if Self.isBound(pod) {
                cache.remove(pod: key)
                queue.update { queue, now in
                    queue.delete(key)
                    queue.moveAllToActiveOrBackoff(now: now)
                }
            } else {
                queue.update { queue, _ in queue.delete(key) }
            }
        }
    }

    private static func isFinished(_ pod: Pod) -> Bool {
        pod.status?.phase == "Succeeded" || pod.status?.phase == "Failed"
    }

    func nodeChanged(_ event: InformerEvent<Node>) {
        switch event {
        case .added(let node):
            cache.upsert(node)
            queue.update { queue, now in queue.moveAllToActiveOrBackoff(now: now) }
        case .updated(let old, let node):
            cache.upsert(node)
            if Self.mayHelpScheduling(old: old, new: node) {
                queue.update { queue, now in queue.moveAllToActiveOrBackoff(now: now) }
            }
        case .deleted(let node):
            cache.remove(node: node.metadata.name ?? "")
        }
    }

    /// A claim, volume or storage class changed: the cache takes it, and pods waiting for
    /// storage get another try when something was added or changed.
    func storageChanged<T: APIResource>(
        _ event: InformerEvent<T>, upsert: (SchedulerCache, T) -> Void, remove: (SchedulerCache, T) -> Void
    ) {
        switch event {
        case .added(let object), .updated(_, let object):
            upsert(cache, object)
            queue.update { queue, now in queue.moveAllToActiveOrBackoff(now: now) }
        case .deleted(let object):
            remove(cache, object)
        }
    }

    /// Whether a node change could let a pod fit that did not: what the filters read
    /// (allocatable, labels, taints, schedulability), not heartbeats.
    static func mayHelpScheduling(old: Node, new: Node) -> Bool {
        old.status?.allocatable != new.status?.allocatable || old.status?.capacity != new.status?.capacity
            || old.metadata.labels != new.metadata.labels || old.spec?.taints != new.spec?.taints
            || old.spec?.unschedulable != new.spec?.unschedulable
            || old.status?.images != new.status?.images
    }

    // MARK: - Scheduling cycles

    /// Schedules pods one at a time until the queue closes.
    func runCycles() async {
        while let queued = await queue.next() {
            scheduleOne(queued)
        }
        bindingSink.finish()
    }

    /// One scheduling cycle: the framework picks a node, the pod is assumed there and handed
    /// to the binder, or the failure is reported and the pod waits.
    func scheduleOne(_ queued: QueuedPod) {
        let key = queued.key
        // The informer may have seen the pod bound or deleted since it was queued.
        guard let live = pods.cache.get(key), !Self.isBound(live), live.metadata.deletionTimestamp == nil,
              live.metadata.uid == queued.pod.metadata.uid,
              let framework = profiles[live.spec?.schedulerName ?? Registry.defaultSchedulerName] else {
            queue.update { queue, _ in queue.done(key) }
            return
        }
        var queued = queued
        queued.pod = live
        let snapshot = cache.snapshot()
        guard !snapshot.nodes.isEmpty else {
            fail(queued, message: "no nodes available to schedule pods")
            return
        }
        let start = nextStartNode.withLock { $0 } % snapshot.nodes.count
        let cycle = framework.run(live, snapshot: snapshot, startIndex: start, tieBreak: queue.read(\.schedulingCycle))
        nextStartNode.withLock { $0 = (start + cycle.evaluatedNodes) % snapshot.nodes.count }
        stats.attempted()
        switch cycle.outcome {
        case .node(let node, _):
            var state = cycle.state
            let reserved = framework.reserve(live, node: node, state: &state)
            guard reserved.isSuccess else {
                fail(queued, message: reserved.reasons.joined(separator: ", "))
                return
            }
            var wait: Duration?
            switch framework.permit(live, node: node, state: state) {
            case .allow: break
            case .wait(let duration): wait = duration
            case .deny(let status):
                framework.unreserve(live, node: node, state: &state)
                fail(queued, message: status.reasons.joined(separator: ", "))
                return
            }
            cache.assume(live, on: node)
            let writes = framework.bindingWrites(live, node: node, state: state)
            for case .bindClaim(let namespace, let claim, let uid, let volume) in writes {
                cache.assumeVolume(volume, for: ObjectReference(kind: "PersistentVolumeClaim", namespace: namespace, name: claim,
                                                                uid: uid, apiVersion: "v1"))
            }
            bindingSink.yield(Binding(queued: queued, node: node, framework: framework, state: state, writes: writes, wait: wait))
        case .unschedulable(let error):
            if let room = cycle.postFilter { preempt(live, room) }
            fail(queued, message: error.message)
        }
    }

    /// Reports why `queued` cannot be placed and parks it.
    private func fail(_ queued: QueuedPod, message: String) {
        stats.failed()
        events.record(queued.pod, type: "Warning", reason: "FailedScheduling", message: message)
        queue.update { queue, now in queue.requeueUnschedulable(queued, now: now) }
        setUnschedulable(queued.pod, message: message)
    }

    /// Records PodScheduled=False with the reason, once per distinct message.
    private func setUnschedulable(_ pod: Pod, message: String) {
        let current = pod.status?.conditions.first { $0.type == "PodScheduled" }
        guard current?.status != "False" || current?.message != message else { return }
        let condition: JSONValue = .object([
            "type": .string("PodScheduled"), "status": .string("False"), "reason": .string("Unschedulable"),
            "message": .string(message), "lastTransitionTime": .string(Time(clock.now()).description),
        ])
        let patch = Patch.strategic(.object(["status": .object(["conditions": .array([condition])])]))
        Task { [client, logger] in
            do {
                _ = try await client.patch(Pod.self, name: pod.name, namespace: pod.metadata.namespace, patch, subresource: "status")
            } catch {
                logger.debug("cannot record PodScheduled", metadata: ["pod": "\(ObjectKey(pod))", "error": "\(error)"])
            }
        }
    }

    /// Makes room for `pod` as the PostFilter plugins proposed: the pod is nominated to the
    /// node, and the victims are deleted gracefully with a DisruptionTarget condition.
    private func preempt(_ pod: Pod, _ room: PostFilterResult) {
        events.record(pod, reason: "Preempted", message: "Preempting \(room.victims.count) pod(s) on node \(room.nominatedNode)")
        let nominate = Patch.merge(.object(["status": .object(["nominatedNodeName": .string(room.nominatedNode)])]))
        Task { [client, events, logger, clock] in
            do {
                _ = try await client.patch(Pod.self, name: pod.name, namespace: pod.metadata.namespace, nominate, subresource: "status")
                for victim in room.victims {
                    let condition: JSONValue = .object([
                        "type": .string("DisruptionTarget"), "status": .string("True"), "reason": .string("PreemptionByScheduler"),
                        "message": .string("\(Registry.defaultSchedulerName): preempting to accommodate a higher priority pod"),
                        "lastTransitionTime": .string(Time(clock.now()).description),
                    ])
                    let patch = Patch.strategic(.object(["status": .object(["conditions": .array([condition])])]))
                    _ = try? await client.patch(Pod.self, name: victim.name, namespace: victim.metadata.namespace, patch, subresource: "status")
                    events.record(victim, reason: "Preempted",
                                  message: "Preempted by pod \(pod.metadata.uid ?? "") on node \(room.nominatedNode)")
                    _ = try await client.delete(Pod.self, name: victim.name, namespace: victim.metadata.namespace,
                                                options: DeleteOptions(preconditionUID: victim.metadata.uid))
                }
            } catch {
                logger.info("preemption incomplete", metadata: ["pod": "\(ObjectKey(pod))", "error": "\(error)"])
            }
        }
    }

    // MARK: - Binding

    /// Performs bindings as the cycles hand them over, each in its own task.
    func runBindings() async {
        await withDiscardingTaskGroup { group in
            for await binding in bindings {
                group.addTask { await self.bind(binding) }
            }
        }
    }

    func bind(_ binding: Binding) async {
        let key = binding.queued.key
        let pod = binding.queued.pod
        do {
            if let wait = binding.wait { try await clock.sleep(for: wait) }
            for write in binding.writes { try await perform(write) }
            queue.update { queue, _ in queue.done(key) }
            stats.bound(created: pod.metadata.creationTimestamp?.date, at: clock.now())
            events.record(pod, reason: "Scheduled",
                          message: "Successfully assigned \(key) to \(binding.node)")
        } catch {
            cache.forget(key)
            for case .bindClaim(_, _, _, let volume) in binding.writes { cache.forgetVolume(volume) }
            var state = binding.state
            binding.framework.unreserve(pod, node: binding.node, state: &state)
            if let clientError = error as? ClientError, clientError.isNotFound || clientError.isConflict {
                // Gone, re-created, or bound by someone else: the informer brings the news.
                queue.update { queue, _ in queue.done(key) }
                return
            }
            if error is CancellationError { return }
            stats.failed()
            events.record(pod, type: "Warning", reason: "FailedScheduling", message: "Binding rejected: \(error)")
            queue.update { queue, now in queue.requeueAfterError(binding.queued, now: now) }
        }
    }

    private func perform(_ write: BindingWrite) async throws {
        switch write {
        case .bindPod(let namespace, let name, let uid, let node):
            let body: JSONValue = .object([
                "apiVersion": .string("v1"), "kind": .string("Binding"),
                "metadata": .object(["name": .string(name), "namespace": .string(namespace), "uid": .string(uid)]),
                "target": .object(["apiVersion": .string("v1"), "kind": .string("Node"), "name": .string(node)]),
            ])
            let path = Pod.resourceType.path(namespace: namespace, name: name, subresource: "binding")
            _ = try await client.perform(ClientRequest(method: .post, path: path, body: body.serializedBytes()))
        case .bindClaim(let namespace, let claim, let uid, let volume):
            // The volume names the claim first (a claim must never point at a volume that
            // another claim may still take), then the claim names the volume; both then say
            // Bound, as the volume binder completes a binding upstream.
            // The volume is claimed by compare-and-swap, so that a volume another claim took
            // meanwhile is never taken over.
            var bound: PersistentVolume
            do {
                bound = try await client.get(PersistentVolume.self, name: volume)
                if let taken = bound.spec?.claimRef, taken.namespace != namespace || taken.name != claim {
                    throw VolumeTaken(volume: volume, by: "\(taken.namespace ?? "")/\(taken.name ?? "")")
                }
                bound.spec?.claimRef = ObjectReference(kind: "PersistentVolumeClaim", namespace: namespace, name: claim,
                                                       uid: uid, apiVersion: "v1")
                bound.metadata.annotations = (bound.metadata.annotations ?? [:])
                    .merging(["pv.kubernetes.io/bound-by-controller": "yes"]) { _, new in new }
                bound = try await client.update(bound)
            } catch let error as ClientError where error.isConflict {
                throw VolumeTaken(volume: volume, by: "a concurrent writer")
            }
            _ = try await client.patch(PersistentVolume.self, name: volume, .merge(["status": ["phase": "Bound"]]), subresource: "status")
            _ = try await client.patch(PersistentVolumeClaim.self, name: claim, namespace: namespace, .merge([
                "metadata": ["annotations": ["pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes"]],
                "spec": ["volumeName": .string(volume)],
            ]))
            var status: JSONValue = ["phase": "Bound", "accessModes": .array((bound.spec?.accessModes ?? []).map(JSONValue.string))]
            if let capacity = bound.spec?.capacity {
                status["capacity"] = .object(capacity.mapValues { .string($0.text) })
            }
            _ = try await client.patch(PersistentVolumeClaim.self, name: claim, namespace: namespace, .merge(["status": status]),
                                       subresource: "status")
        }
    }
}

/// A volume chosen for a claim was bound elsewhere before this binding reached it: the pod
/// goes back to the queue and the next cycle sees the volume taken.
struct VolumeTaken: Error, CustomStringConvertible {
    var volume: String
    var by: String
    var description: String { "persistentvolume \"\(volume)\" was bound to \(by) first" }
}

/// Counters of one term, and the creation-to-binding latencies.
public final class SchedulerStats: Sendable {
    private struct State: Sendable {
        var attempts = 0
        var failures = 0
        var bound = 0
        var latencies: [TimeInterval] = []
    }

    private let state = Mutex(State())

    func attempted() { state.withLock { $0.attempts += 1 } }
    func failed() { state.withLock { $0.failures += 1 } }
    func bound(created: Date?, at now: Date) {
        state.withLock { state in
            state.bound += 1
            if let created { state.latencies.append(now.timeIntervalSince(created)) }
        }
    }

    public var attempts: Int { state.withLock { $0.attempts } }
    public var failures: Int { state.withLock { $0.failures } }
    public var boundCount: Int { state.withLock { $0.bound } }
    public var latencies: [TimeInterval] { state.withLock { $0.latencies } }
}
