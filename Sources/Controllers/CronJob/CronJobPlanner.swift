import Foundation
import Resources

/// The CronJob decisions, with Kubernetes' semantics (pure; `now` is an input):
/// which scheduled time is due (the most recent one missed since the last run, within
/// `startingDeadlineSeconds`), the Job it creates under a name that is the same for the same
/// scheduled time (so a retry never starts it twice), which Jobs are still active, and which
/// finished Jobs fall outside the history limits.
enum CronJobPlanner {
    static let scheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp"
    /// More missed start times than this are reported: the controller was down or the clock jumped.
    static let missedTimesReported = 100

    struct Due: Equatable {
        /// The most recent scheduled time at or before now, if any since the earliest.
        var scheduled: Date?
        /// The next scheduled time after now.
        var next: Date?
        var tooManyMissed = false
    }

    /// The time zone a CronJob's schedule is read in: its `timeZone`, or `local` without one;
    /// nil for an unknown zone.
    static func timeZone(of cronJob: CronJob, local: TimeZone) -> TimeZone? {
        guard let name = cronJob.spec?.timeZone else { return local }
        return TimeZone(identifier: name)
    }

    /// The schedule times due at `now`: counting from the last scheduled time (or creation),
    /// but no earlier than `startingDeadlineSeconds` ago.
    static func due(_ cronJob: CronJob, schedule: CronSchedule, timeZone: TimeZone, now: Date) -> Due {
        var earliest = cronJob.status?.lastScheduleTime?.date ?? cronJob.metadata.creationTimestamp?.date ?? now
        if let deadline = cronJob.spec?.startingDeadlineSeconds {
            earliest = max(earliest, now.addingTimeInterval(-TimeInterval(deadline)))
        }
        var due = Due()
        var missed = 0
        var cursor = earliest
        while let t = schedule.next(after: cursor, in: timeZone) {
            guard t <= now else {
                due.next = t
                break
            }
            due.scheduled = t
            missed += 1
            cursor = t
            if missed > missedTimesReported {
                // Jump to the last one without walking every minute of a long outage.
                due.tooManyMissed = true
                due.scheduled = lastTime(schedule, timeZone: timeZone, before: now, after: t) ?? t
                due.next = schedule.next(after: now, in: timeZone)
                break
            }
        }
        return due
    }

    /// The latest fire time in (`after`, `before`], searching back from `before` in widening steps.
    private static func lastTime(_ schedule: CronSchedule, timeZone: TimeZone, before: Date, after: Date) -> Date? {
        var window: TimeInterval = 3600
        while true {
            let start = max(after, before.addingTimeInterval(-window))
            var last: Date?
            var cursor = start
            while let t = schedule.next(after: cursor, in: timeZone), t <= before {
                last = t
                cursor = t
            }
            if last != nil || start == after { return last }
            window *= 24
        }
    }

    /// The name of the Job for `scheduled`: the CronJob's name and the time in minutes.
    static func jobName(_ cronJob: CronJob, scheduled: Date) -> String {
        "\(cronJob.name)-\(Int64(scheduled.timeIntervalSince1970) / 60)"
    }

    /// The Job to create for `scheduled`, from the job template, controlled by the CronJob.
    static func job(for cronJob: CronJob, scheduled: Date) -> Job {
        let template = cronJob.spec?.jobTemplate
        var job = Job()
        job.metadata.name = jobName(cronJob, scheduled: scheduled)
        job.metadata.namespace = cronJob.metadata.namespace
        job.metadata.labels = template?.metadata?.labels
        var annotations = template?.metadata?.annotations ?? [:]
        annotations[scheduledTimestampAnnotation] = Time(scheduled).rfc3339
        job.metadata.annotations = annotations
        job.metadata.ownerReferences = [.controller(cronJob)]
        job.spec = template?.spec
        return job
    }

    static func reference(to job: Job) -> ObjectReference {
        ObjectReference(kind: "Job", namespace: job.metadata.namespace, name: job.name, uid: job.metadata.uid,
                        apiVersion: "batch/v1", resourceVersion: job.metadata.resourceVersion)
    }

    /// The active list: the owned Jobs that have not finished, in creation order.
    static func active(_ jobs: [Job]) -> [ObjectReference] {
        jobs.filter { !JobPlanner.isFinished($0) && $0.metadata.deletionTimestamp == nil }
            .sorted { created($0) < created($1) }
            .map(reference(to:))
    }

    /// The finished Jobs beyond `successfulJobsHistoryLimit` and `failedJobsHistoryLimit`, oldest first.
    static func beyondHistory(_ cronJob: CronJob, jobs: [Job]) -> [Job] {
        let finished = jobs.filter { JobPlanner.isFinished($0) && $0.metadata.deletionTimestamp == nil }.sorted { created($0) < created($1) }
        let failed = finished.filter { $0.status?.conditions.contains { $0.type == "Failed" && $0.status == "True" } == true }
        let succeeded = finished.filter { job in !failed.contains { $0.metadata.uid == job.metadata.uid } }
        func excess(_ jobs: [Job], limit: Int32?) -> [Job] {
            guard let limit else { return [] }
            return Array(jobs.dropLast(max(0, Int(limit))))
        }
        return excess(succeeded, limit: cronJob.spec?.successfulJobsHistoryLimit) + excess(failed, limit: cronJob.spec?.failedJobsHistoryLimit)
    }

    /// The latest completion time of a succeeded Job, for `lastSuccessfulTime`.
    static func lastSuccess(_ jobs: [Job]) -> Date? {
        jobs.filter { $0.status?.conditions.contains { $0.type == "Complete" && $0.status == "True" } == true }
            .compactMap { $0.status?.completionTime?.date }.max()
    }

    private static func created(_ job: Job) -> Date { job.metadata.creationTimestamp?.date ?? .distantPast }
}
