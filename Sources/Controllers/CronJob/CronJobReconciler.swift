import Client
import Foundation
import Logging
import Resources

/// Starts each CronJob's Jobs on its schedule: keeps `status.active` to the owned Jobs still
/// running, trims finished Jobs to the history limits, and at a due scheduled time creates the
/// Job — unless suspended, past `startingDeadlineSeconds`, or, under `Forbid`, while one is
/// still active; under `Replace` the active ones are deleted first. It looks again at the
/// next scheduled time.
struct CronJobReconciler: Reconciler {
    static let name = "cronjob"

    let client: any ClusterClient
    let cronJobs: InformerCache<CronJob>
    let jobs: InformerCache<Job>
    let written: WrittenObjects<CronJob>
    let events: EventRecorder
    let clock: any ClusterClock
    let localTimeZone: TimeZone

    static func controller(_ context: ControllerContext, workers: Int = 2) -> Controller {
        let cronJobInformer = context.informers.informer(CronJob.self)
        let jobInformer = context.informers.informer(Job.self)
        let queue = context.makeQueue()
        let reconciler = CronJobReconciler(client: context.client, cronJobs: cronJobInformer.cache, jobs: jobInformer.cache,
                                           written: WrittenObjects(), events: context.events, clock: context.clock, localTimeZone: .current)
        cronJobInformer.addHandler { event in Task { await queue.add(event.object) } }
        jobInformer.addHandler { event in
            let keys = event.controllerKeys(ownerKind: "CronJob")
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let cronJob = cronJobs.get(key).map(written.current) else {
            written.forget(key)
            return .done
        }
        let now = clock.now()
        let uid = cronJob.metadata.uid ?? ""
        var owned = jobs.list(namespace: key.namespace).filter { $0.metadata.controllerReference?.uid == uid }
        var status = cronJob.status ?? CronJobStatus()

        for job in CronJobPlanner.beyondHistory(cronJob, jobs: owned) {
            do {
                _ = try await client.delete(Job.self, name: job.name, namespace: key.namespace,
                                            options: DeleteOptions(propagationPolicy: .background, preconditionUID: job.metadata.uid))
                events.record(cronJob, reason: "SuccessfulDelete", message: "Deleted job \(job.name)")
            } catch {
                guard error.isNotFound || error.isConflict else { throw error }
            }
            owned.removeAll { $0.metadata.uid == job.metadata.uid }
        }
        status.active = try await activeJobs(status.active, owned: owned, namespace: key.namespace)
        if let success = CronJobPlanner.lastSuccess(owned), success > (status.lastSuccessfulTime?.date ?? .distantPast) {
            status.lastSuccessfulTime = Time(success)
        }

        let result = try await schedule(cronJob, key: key, status: &status, now: now)
        if status != (cronJob.status ?? CronJobStatus()) {
            var updated = cronJob
            updated.status = status
            written.wrote(try await client.updateStatus(updated), over: cronJob)
        }
        return result
    }

    /// The active list: the owned Jobs still running, plus those the list names that the cache
    /// has not seen yet but the server still has running (a Job just created).
    private func activeJobs(_ listed: [ObjectReference], owned: [Job], namespace: String) async throws -> [ObjectReference] {
        var active = CronJobPlanner.active(owned)
        let known = Set(owned.compactMap(\.metadata.uid))
        for reference in listed where !known.contains(reference.uid ?? "") {
            do {
                let job = try await client.get(Job.self, name: reference.name ?? "", namespace: namespace)
                if job.metadata.uid == reference.uid, !JobPlanner.isFinished(job) { active.append(reference) }
            } catch {
                guard error.isNotFound else { throw error }
            }
        }
        return active
    }

    /// Starts the Job that is due, if one is; answers when to look again.
    private func schedule(_ cronJob: CronJob, key: ObjectKey, status: inout CronJobStatus, now: Date) async throws -> ReconcileResult {
        guard cronJob.metadata.deletionTimestamp == nil, cronJob.spec?.suspend != true else { return .done }
        let schedule: CronSchedule
        do {
            schedule = try CronSchedule(cronJob.spec?.schedule ?? "")
        } catch {
            events.record(cronJob, type: "Warning", reason: "UnparseableSchedule", message: "unparseable schedule: \(error.detail)")
            return .done
        }
        guard let timeZone = CronJobPlanner.timeZone(of: cronJob, local: localTimeZone) else {
            events.record(cronJob, type: "Warning", reason: "UnknownTimeZone", message: "invalid timeZone: \(cronJob.spec?.timeZone ?? "")")
            return .done
        }
        let due = CronJobPlanner.due(cronJob, schedule: schedule, timeZone: timeZone, now: now)
        let later: ReconcileResult = due.next.map { .requeueAfter(.seconds(max(0.001, $0.timeIntervalSince(now)))) } ?? .done
        if due.tooManyMissed {
            events.record(cronJob, type: "Warning", reason: "TooManyMissedTimes",
                          message: "too many missed start times: > \(CronJobPlanner.missedTimesReported). Set or decrease .spec.startingDeadlineSeconds or check clock skew")
        }
        guard let scheduled = due.scheduled else { return later }
        if let last = status.lastScheduleTime?.date, last >= scheduled { return later }

        switch cronJob.spec?.concurrencyPolicy ?? "Allow" {
        case "Forbid" where !status.active.isEmpty:
            events.record(cronJob, reason: "JobAlreadyActive",
                          message: "Not starting job because prior execution is running and concurrency policy is Forbid")
            return later
        case "Replace":
            for reference in status.active {
                do {
                    _ = try await client.delete(Job.self, name: reference.name ?? "", namespace: key.namespace,
                                                options: DeleteOptions(propagationPolicy: .background, preconditionUID: reference.uid))
                    events.record(cronJob, reason: "SuccessfulDelete", message: "Deleted job \(reference.name ?? "")")
                } catch {
                    guard error.isNotFound || error.isConflict else { throw error }
                }
            }
            status.active = []
        default:
            break
        }

        let job = CronJobPlanner.job(for: cronJob, scheduled: scheduled)
        let started: Job
        do {
            started = try await client.create(job)
            events.record(cronJob, reason: "SuccessfulCreate", message: "Created job \(started.name)")
        } catch {
            guard error.isAlreadyExists else {
                events.record(cronJob, type: "Warning", reason: "FailedCreate", message: "Error creating job: \(error)")
                throw error
            }
            // Created by an earlier pass whose status write was lost; not someone else's Job.
            let existing = try await client.get(Job.self, name: job.name, namespace: key.namespace)
            guard existing.metadata.controllerReference?.uid == cronJob.metadata.uid else {
                events.record(cronJob, type: "Warning", reason: "FailedCreate", message: "Job \(job.name) exists and is not owned by this CronJob")
                return later
            }
            started = existing
        }
        if !JobPlanner.isFinished(started), !status.active.contains(where: { $0.uid == started.metadata.uid }) {
            status.active.append(CronJobPlanner.reference(to: started))
        }
        status.lastScheduleTime = Time(scheduled)
        return later
    }
}
