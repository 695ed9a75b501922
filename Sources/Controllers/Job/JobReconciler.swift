import Client
import Foundation
import Logging
import Resources
import Synchronization

/// Runs each Job's pods to completion: counts finished pods exactly once through the tracking
/// finalizer, fails the Job past its backoff limit or active deadline, completes it once
/// enough pods succeeded, keeps up to `parallelism` pods active otherwise, and deletes it
/// `ttlSecondsAfterFinished` after it finished. The status is written once per pass, after
/// the tracking record that must precede removing a finalizer.
struct JobReconciler: Reconciler {
    static let name = "job"
    static let burst = 500

    let client: any ClusterClient
    let jobs: InformerCache<Job>
    let pods: InformerCache<Pod>
    let pending: PendingWrites
    let untracked: UntrackedPods
    let written: WrittenObjects<Job>
    let events: EventRecorder
    let clock: any ClusterClock

    static func controller(_ context: ControllerContext, workers: Int = 4) -> Controller {
        let jobInformer = context.informers.informer(Job.self)
        let podInformer = context.informers.informer(Pod.self)
        let queue = context.makeQueue()
        let reconciler = JobReconciler(client: context.client, jobs: jobInformer.cache, pods: podInformer.cache,
                                       pending: PendingWrites(), untracked: UntrackedPods(), written: WrittenObjects(), events: context.events, clock: context.clock)
        jobInformer.addHandler { event in Task { await queue.add(event.object) } }
        podInformer.addHandler { [jobs = jobInformer.cache] event in
            let keys = event.controllerKeys(ownerKind: "Job", candidates: jobs, selector: \.spec?.selector)
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let cached = jobs.get(key).map(written.current) else {
            pending.forget(key)
            written.forget(key)
            try await untrackOrphans(of: key)
            return .done
        }
        if let manager = cached.spec?.managedBy, manager != "kubernetes.io/job-controller" { return .done }
        let now = clock.now()
        let selector: Selector
        do {
            selector = try Selector(cached.spec?.selector)
        } catch {
            events.record(cached, type: "Warning", reason: "InvalidSelector", message: "\(error)")
            return .done
        }
        // Expectations first: pods listed after this check include every one it waited for.
        let caughtUp = pending.satisfied(for: key, now: now, pods: pods)
        let claimed = try await client.claim(pods.list(namespace: key.namespace), for: cached, selector: selector, adoptable: \.isActive)
        let owned = untracked.applied(to: claimed, job: key)

        var job = cached
        if let recorded = JobPlanner.recordingFinished(job, pods: owned) {
            job.status = recorded
            let updated = try await client.updateStatus(job)
            written.wrote(updated, over: job)
            job = updated
        }
        let stillTracked = await untrack(JobPlanner.untracking(job, pods: owned), job: key)
        job.status = JobPlanner.counting(job.status ?? JobStatus(), stillTracked: stillTracked)

        let plan = JobPlanner.plan(job, pods: owned, caughtUp: caughtUp, now: now)
        if plan.expired {
            do {
                _ = try await client.delete(Job.self, name: job.name, namespace: key.namespace,
                                            options: DeleteOptions(propagationPolicy: .foreground, preconditionUID: job.metadata.uid))
            } catch {
                guard error.isNotFound || error.isConflict else { throw error }
            }
            return .done
        }
        let failure = await delete(plan.delete, of: job, key: key, now: now)
        let created = await create(plan.create, for: job, key: key, now: now)
        var status = plan.status
        status.active = (status.active ?? 0) - Int32(plan.create.count - created)
        if status != cached.status {
            job.status = status
            written.wrote(try await client.updateStatus(job), over: job)
            recordFinish(of: job, was: cached)
        }
        if failure || created < plan.create.count || !stillTracked.isEmpty { return .requeue }
        if let at = plan.recheckAt { return .requeueAfter(.seconds(max(0.001, at.timeIntervalSince(now)))) }
        return .done
    }

    /// Removes the tracking finalizer from `pods`; answers the uids that keep it (the removal failed).
    private func untrack(_ pods: [Pod], job: ObjectKey) async -> Set<String> {
        var kept = Set<String>()
        for pod in pods {
            let uid = pod.metadata.uid ?? ""
            let patch: JSONValue = .object(["metadata": .object([
                "$deleteFromPrimitiveList/finalizers": .array([.string(JobPlanner.trackingFinalizer)]),
                "uid": .string(uid),
            ])])
            do {
                _ = try await client.patch(Pod.self, name: pod.name, namespace: pod.metadata.namespace, .strategic(patch))
                untracked.insert(uid, job: job)
            } catch {
                if error.isNotFound { continue }
                kept.insert(uid)
            }
        }
        return kept
    }

    /// Pods left with the tracking finalizer by a Job that no longer exists lose it, so that
    /// they can go.
    private func untrackOrphans(of key: ObjectKey) async throws {
        let orphans = pods.list(namespace: key.namespace).filter {
            JobPlanner.isTracked($0) && $0.metadata.controllerReference.map { $0.kind == "Job" && $0.name == key.name } == true
        }
        guard jobs.get(key) == nil, !orphans.isEmpty else { return }
        let kept = await untrack(orphans, job: key)
        if !kept.isEmpty { throw ClientError.transport("could not remove the tracking finalizer from \(kept.count) pods") }
    }

    private func create(_ indexes: [Int32?], for job: Job, key: ObjectKey, now: Date) async -> Int {
        guard !indexes.isEmpty, let template = job.spec?.template else { return 0 }
        let pods = indexes.prefix(Self.burst).map { JobPodTemplate.pod(for: job, template: template, index: $0) }
        let next = Mutex(0)
        let result = await SlowStart.run(count: pods.count) { () async throws(ClientError) in
            let pod = next.withLock { n in defer { n += 1 }; return pods[n] }
            let created = try await client.create(pod)
            pending.created(ObjectKey(created), by: key, now: now)
            events.record(job, reason: "SuccessfulCreate", message: "Created pod: \(created.name)")
        }
        if let error = result.error {
            events.record(job, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error)")
        }
        return result.created
    }

    /// Deletes `victims`; answers whether a deletion failed.
    private func delete(_ victims: [Pod], of job: Job, key: ObjectKey, now: Date) async -> Bool {
        var failed = false
        for pod in victims {
            do {
                _ = try await client.delete(Pod.self, name: pod.name, namespace: pod.metadata.namespace,
                                            options: DeleteOptions(preconditionUID: pod.metadata.uid))
                pending.deleted(ObjectKey(pod), by: key, now: now)
                events.record(job, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
            } catch {
                if error.isNotFound || error.isConflict { continue }
                events.record(job, type: "Warning", reason: "FailedDelete", message: "Error deleting: \(error)")
                failed = true
            }
        }
        return failed
    }

    private func recordFinish(of job: Job, was old: Job) {
        guard !JobPlanner.isFinished(old), JobPlanner.isFinished(job) else { return }
        if let failed = job.status?.conditions.first(where: { $0.type == "Failed" && $0.status == "True" }) {
            events.record(job, type: "Warning", reason: failed.reason ?? "Failed", message: failed.message ?? "")
        } else {
            events.record(job, reason: "Completed", message: "Job completed")
        }
    }
}

/// The pods whose tracking finalizer this controller removed while its cache may still show
/// it, per Job: they are treated as untracked, so that a stale cache never counts a pod twice.
final class UntrackedPods: Sendable {
    private let state = Mutex<[ObjectKey: Set<String>]>([:])

    func insert(_ uid: String, job: ObjectKey) {
        state.withLock { _ = $0[job, default: []].insert(uid) }
    }

    /// `pods` with the finalizer taken off those removed already; forgets the uids the cache
    /// has caught up with.
    func applied(to pods: [Pod], job: ObjectKey) -> [Pod] {
        state.withLock { state in
            guard let uids = state[job], !uids.isEmpty else { return pods }
            var lagging = Set<String>()
            let result = pods.map { pod -> Pod in
                guard let uid = pod.metadata.uid, uids.contains(uid), JobPlanner.isTracked(pod) else { return pod }
                lagging.insert(uid)
                var copy = pod
                copy.metadata.finalizers?.removeAll { $0 == JobPlanner.trackingFinalizer }
                return copy
            }
            state[job] = lagging.isEmpty ? nil : lagging
            return result
        }
    }
}
