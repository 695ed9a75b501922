import Foundation
import Resources

/// The Job decisions, with Kubernetes' semantics (pure; `now` is an input).
///
/// Finished pods are counted exactly once through the tracking finalizer: a finished pod is
/// first recorded in `status.uncountedTerminatedPods`, then its finalizer is removed, then it
/// moves into `succeeded` or `failed`. A pod being deleted before it finished counts as failed.
/// Then: a Job fails once `failed` exceeds `backoffLimit` or it has been active longer than
/// `activeDeadlineSeconds`; it completes once `completions` pods (or, for an Indexed Job,
/// every index) succeeded; otherwise it keeps up to `parallelism` pods active, waiting out the
/// failure back-off (10 s doubling to 6 min) before replacing failed ones.
enum JobPlanner {
    static let trackingFinalizer = "batch.kubernetes.io/job-tracking"
    static let completionIndexKey = "batch.kubernetes.io/job-completion-index"
    static let initialBackoff: TimeInterval = 10
    static let maximumBackoff: TimeInterval = 360

    enum Outcome: Hashable { case succeeded, failed }

    /// How a pod ended, or nil while it still runs.
    static func outcome(of pod: Pod) -> Outcome? {
        switch pod.status?.phase {
        case "Succeeded": .succeeded
        case "Failed": .failed
        default: pod.metadata.deletionTimestamp != nil ? .failed : nil
        }
    }

    static func isTracked(_ pod: Pod) -> Bool { pod.metadata.finalizers?.contains(trackingFinalizer) == true }

    static func isFinished(_ job: Job) -> Bool {
        job.status?.conditions.contains { ($0.type == "Complete" || $0.type == "Failed") && $0.status == "True" } == true
    }

    static func isIndexed(_ job: Job) -> Bool { job.spec?.completionMode == "Indexed" }

    /// The completion index a pod of an Indexed Job carries, when valid.
    static func index(of pod: Pod) -> Int32? {
        let text = pod.metadata.annotations?[completionIndexKey] ?? pod.metadata.labels?[completionIndexKey]
        return text.flatMap { Int32($0) }.flatMap { $0 >= 0 ? $0 : nil }
    }

    // MARK: Tracking finished pods

    /// Step one: the status with every finished, still-tracked pod not yet recorded added to
    /// `uncountedTerminatedPods` (and a succeeded index to `completedIndexes`); nil when there
    /// is nothing new.
    static func recordingFinished(_ job: Job, pods: [Pod]) -> JobStatus? {
        var status = job.status ?? JobStatus()
        var uncounted = status.uncountedTerminatedPods ?? UncountedTerminatedPods()
        let known = Set(uncounted.succeeded + uncounted.failed)
        var completed = CompletionIndexes(parsing: status.completedIndexes)
        let completions = job.spec?.completions ?? 0
        var changed = false
        for pod in pods where isTracked(pod) {
            guard let uid = pod.metadata.uid, !known.contains(uid), let outcome = outcome(of: pod) else { continue }
            changed = true
            switch outcome {
            case .succeeded:
                uncounted.succeeded.append(uid)
                if isIndexed(job), let index = index(of: pod), index < completions { completed.insert(index) }
            case .failed:
                uncounted.failed.append(uid)
            }
        }
        guard changed else { return nil }
        status.uncountedTerminatedPods = uncounted
        if isIndexed(job) { status.completedIndexes = completed.text }
        return status
    }

    /// Step two: the pods whose finalizer can go — recorded ones, and every tracked pod of a
    /// Job being deleted.
    static func untracking(_ job: Job, pods: [Pod]) -> [Pod] {
        let uncounted = job.status?.uncountedTerminatedPods ?? UncountedTerminatedPods()
        let recorded = Set(uncounted.succeeded + uncounted.failed)
        let deleting = job.metadata.deletionTimestamp != nil
        return pods.filter { isTracked($0) && (deleting || recorded.contains($0.metadata.uid ?? "")) }
    }

    /// Step three: recorded pods no longer tracked (finalizer gone, or pod gone) move into the
    /// counters. `stillTracked` are the uids whose finalizer is still on.
    static func counting(_ status: JobStatus, stillTracked: Set<String>) -> JobStatus {
        var status = status
        guard var uncounted = status.uncountedTerminatedPods else { return status }
        let succeeded = uncounted.succeeded.filter { !stillTracked.contains($0) }
        let failed = uncounted.failed.filter { !stillTracked.contains($0) }
        uncounted.succeeded.removeAll { !stillTracked.contains($0) }
        uncounted.failed.removeAll { !stillTracked.contains($0) }
        status.succeeded = (status.succeeded ?? 0) + Int32(succeeded.count)
        status.failed = (status.failed ?? 0) + Int32(failed.count)
        status.uncountedTerminatedPods = uncounted.succeeded.isEmpty && uncounted.failed.isEmpty ? nil : uncounted
        return status
    }

    // MARK: The plan

    struct Plan: Equatable {
        var status: JobStatus
        /// Pods to create: nil index for a NonIndexed Job.
        var create: [Int32?] = []
        var delete: [Pod] = []
        /// When to look again (a deadline, a back-off or a TTL), if no event comes first.
        var recheckAt: Date?
        /// Whether the Job's TTL after finishing has run out and it should be deleted.
        var expired = false
    }

    /// The next step for `job` (already counted by the tracking steps) with its owned `pods`;
    /// `caughtUp` is false while earlier creations and deletions are not yet in the cache, in
    /// which case no pods are created or deleted for scale.
    static func plan(_ job: Job, pods: [Pod], caughtUp: Bool, now: Date) -> Plan {
        let active = pods.filter(\.isActive)
        var plan = decide(job, pods: pods, active: active, caughtUp: caughtUp, now: now)
        let deleted = Set(plan.delete.compactMap(\.metadata.uid))
        let staying = active.filter { !deleted.contains($0.metadata.uid ?? "") }
        plan.status.active = Int32(staying.count + plan.create.count)
        plan.status.ready = Int32(staying.filter(\.isReady).count)
        plan.status.terminating = Int32(pods.filter(isTerminatingUnfinished).count + deleted.count)
        return plan
    }

    /// Deleted but not yet in a terminal phase.
    static func isTerminatingUnfinished(_ pod: Pod) -> Bool {
        pod.isTerminating && pod.status?.phase != "Succeeded" && pod.status?.phase != "Failed"
    }

    private static func decide(_ job: Job, pods: [Pod], active: [Pod], caughtUp: Bool, now: Date) -> Plan {
        let spec = job.spec ?? JobSpec()
        var status = job.status ?? JobStatus()
        var plan = Plan(status: status)

        if isFinished(job) {
            plan.delete = active
            if let ttl = spec.ttlSecondsAfterFinished, let finished = finishTime(of: job) {
                let expiry = finished.addingTimeInterval(TimeInterval(ttl))
                if now >= expiry { plan.expired = true } else { plan.recheckAt = expiry }
            }
            return plan
        }
        guard job.metadata.deletionTimestamp == nil else { return plan }

        if spec.suspend == true {
            plan.delete = active
            status.startTime = nil
            setCondition(&status, "Suspended", true, reason: "JobSuspended", message: "Job suspended", now: now)
            plan.status = status
            return plan
        }
        if status.conditions.contains(where: { $0.type == "Suspended" && $0.status == "True" }) {
            setCondition(&status, "Suspended", false, reason: "JobResumed", message: "Job resumed", now: now)
        }
        let start = status.startTime?.date ?? now
        status.startTime = Time(start)

        let succeeded = Int(status.succeeded ?? 0) + (status.uncountedTerminatedPods?.succeeded.count ?? 0)
        let failed = Int(status.failed ?? 0) + (status.uncountedTerminatedPods?.failed.count ?? 0)
        if failed > Int(spec.backoffLimit ?? 6) {
            fail(&status, reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit", now: now)
            plan.status = status
            plan.delete = active
            return plan
        }
        if let deadline = spec.activeDeadlineSeconds {
            let end = start.addingTimeInterval(TimeInterval(deadline))
            if now >= end {
                fail(&status, reason: "DeadlineExceeded", message: "Job was active longer than specified deadline", now: now)
                plan.status = status
                plan.delete = active
                return plan
            }
            plan.recheckAt = end
        }
        if isComplete(job, status: status, succeeded: succeeded, active: active) {
            setCondition(&status, "SuccessCriteriaMet", true, reason: "CompletionsReached", message: "Reached expected number of succeeded pods", now: now)
            setCondition(&status, "Complete", true, reason: "CompletionsReached", message: "Reached expected number of succeeded pods", now: now)
            status.completionTime = Time(now)
            plan.status = status
            plan.delete = active
            plan.recheckAt = spec.ttlSecondsAfterFinished.map { now.addingTimeInterval(TimeInterval($0)) }
            return plan
        }
        plan.status = status
        guard caughtUp else { return plan }

        let parallelism = Int(spec.parallelism ?? 1)
        var create: [Int32?]
        if isIndexed(job) {
            (create, plan.delete) = indexedChanges(job, status: status, active: active, parallelism: parallelism)
        } else {
            let wanted: Int
            if let completions = spec.completions {
                wanted = max(0, min(parallelism, Int(completions) - succeeded))
            } else {
                wanted = succeeded > 0 ? 0 : parallelism
            }
            let replaceable = active.count + (spec.podReplacementPolicy == "Failed" ? pods.filter(isTerminatingUnfinished).count : 0)
            let delta = wanted - replaceable
            create = delta > 0 ? Array(repeating: nil, count: delta) : []
            if wanted < active.count { plan.delete = ReplicaSetPlanner.podsToDelete(active, count: active.count - wanted, now: now) }
        }
        if !create.isEmpty, failed > 0, let lastFailure = lastFailureTime(pods) {
            let delay = min(maximumBackoff, initialBackoff * pow(2, Double(failed - 1)))
            let allowed = lastFailure.addingTimeInterval(delay)
            if now < allowed {
                create = []
                plan.recheckAt = min(plan.recheckAt ?? allowed, allowed)
            }
        }
        plan.create = create
        return plan
    }

    /// Indexed: the lowest indexes that neither completed nor have an active pod, up to
    /// `parallelism` active in all; active pods for a completed, out-of-range or duplicated
    /// index are deleted.
    static func indexedChanges(_ job: Job, status: JobStatus, active: [Pod], parallelism: Int) -> ([Int32?], [Pod]) {
        let completions = job.spec?.completions ?? 0
        let completed = CompletionIndexes(parsing: status.completedIndexes)
        var running = Set<Int32>()
        var delete: [Pod] = []
        for pod in active.sorted(by: { ($0.metadata.creationTimestamp?.date ?? .distantPast) < ($1.metadata.creationTimestamp?.date ?? .distantPast) }) {
            guard let index = index(of: pod), index < completions, !completed.contains(index), !running.contains(index) else {
                delete.append(pod)
                continue
            }
            running.insert(index)
        }
        let room = max(0, parallelism - running.count)
        let missing = (0..<max(0, completions)).lazy.filter { !completed.contains($0) && !running.contains($0) }
        return (Array(missing.prefix(room)).map { Optional($0) }, delete)
    }

    static func isComplete(_ job: Job, status: JobStatus, succeeded: Int, active: [Pod]) -> Bool {
        guard let completions = job.spec?.completions else { return succeeded > 0 && active.isEmpty }
        if isIndexed(job) {
            return CompletionIndexes(parsing: status.completedIndexes).count >= Int(completions)
        }
        return succeeded >= Int(completions)
    }

    /// When the Job finished: its completion time, or when its Failed condition turned true.
    static func finishTime(of job: Job) -> Date? {
        if let completed = job.status?.completionTime?.date { return completed }
        return job.status?.conditions.first { $0.type == "Failed" && $0.status == "True" }?.lastTransitionTime?.date
    }

    /// The latest time a failed pod's container finished, for the back-off.
    static func lastFailureTime(_ pods: [Pod]) -> Date? {
        pods.filter { $0.status?.phase == "Failed" }.compactMap { pod -> Date? in
            let finished = (pod.status?.containerStatuses ?? []).compactMap { $0.state?.terminated?.finishedAt?.date }.max()
            return finished ?? pod.metadata.creationTimestamp?.date
        }.max()
    }

    static func fail(_ status: inout JobStatus, reason: String, message: String, now: Date) {
        setCondition(&status, "FailureTarget", true, reason: reason, message: message, now: now)
        setCondition(&status, "Failed", true, reason: reason, message: message, now: now)
    }

    /// Sets condition `type`; an unchanged condition is left as it is, and a changed reason
    /// keeps the transition time when the status stays.
    static func setCondition(_ status: inout JobStatus, _ type: String, _ value: Bool, reason: String, message: String, now: Date) {
        let text = value ? "True" : "False"
        if let i = status.conditions.firstIndex(where: { $0.type == type }) {
            let old = status.conditions[i]
            if old.status == text, old.reason == reason, old.message == message { return }
            let same = old.status == text
            status.conditions[i] = JobCondition(type: type, status: text, lastProbeTime: Time(now),
                                                lastTransitionTime: same ? status.conditions[i].lastTransitionTime : Time(now),
                                                reason: reason, message: message)
        } else {
            status.conditions.append(JobCondition(type: type, status: text, lastProbeTime: Time(now), lastTransitionTime: Time(now),
                                                  reason: reason, message: message))
        }
    }
}
