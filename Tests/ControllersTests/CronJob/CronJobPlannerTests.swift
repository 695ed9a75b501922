import CapstanTestKit
import Foundation
import Resources
import Testing
@testable import Controllers

/// The pure CronJob decisions: which scheduled time is due, the Job's name, the history.
@Suite struct CronJobPlannerTests {
    let utc = TimeZone(identifier: "UTC")!
    /// 2026-01-01T00:00:00Z.
    let midnight = Date(timeIntervalSince1970: 1_767_225_600)

    func cronJob(schedule: String = "*/10 * * * *", created: Date, last: Date? = nil, deadline: Int64? = nil) -> CronJob {
        var cronJob = CronJob()
        cronJob.metadata.name = "report"
        cronJob.metadata.namespace = "default"
        cronJob.metadata.uid = "cron-uid"
        cronJob.metadata.creationTimestamp = Time(created)
        cronJob.spec = CronJobSpec(schedule: schedule, startingDeadlineSeconds: deadline,
                                   jobTemplate: JobTemplateSpec(spec: Fixtures.job("report").spec),
                                   successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 1)
        if let last { cronJob.status = CronJobStatus(lastScheduleTime: Time(last)) }
        return cronJob
    }

    @Test func mostRecentMissedTimeIsDueAndTheNextIsAfterNow() throws {
        let cronJob = cronJob(created: midnight)
        let now = midnight.addingTimeInterval(35 * 60)
        let due = CronJobPlanner.due(cronJob, schedule: try CronSchedule("*/10 * * * *"), timeZone: utc, now: now)
        #expect(due.scheduled == midnight.addingTimeInterval(30 * 60))
        #expect(due.next == midnight.addingTimeInterval(40 * 60))
        #expect(!due.tooManyMissed)
    }

    @Test func nothingIsDueBeforeTheFirstScheduledTime() throws {
        let due = CronJobPlanner.due(cronJob(created: midnight), schedule: try CronSchedule("*/10 * * * *"), timeZone: utc,
                                     now: midnight.addingTimeInterval(5 * 60))
        #expect(due.scheduled == nil)
        #expect(due.next == midnight.addingTimeInterval(10 * 60))
    }

    @Test func timesOlderThanTheStartingDeadlineAreNotDue() throws {
        let cronJob = cronJob(schedule: "0 * * * *", created: midnight, deadline: 60)
        let due = CronJobPlanner.due(cronJob, schedule: try CronSchedule("0 * * * *"), timeZone: utc,
                                     now: midnight.addingTimeInterval(3600 + 120))
        #expect(due.scheduled == nil, "the 01:00 run is more than 60 s late")
    }

    @Test func longOutageReportsTooManyMissedTimesAndStillRunsTheLatest() throws {
        let cronJob = cronJob(schedule: "* * * * *", created: midnight)
        let now = midnight.addingTimeInterval(3 * 86400 + 30)
        let due = CronJobPlanner.due(cronJob, schedule: try CronSchedule("* * * * *"), timeZone: utc, now: now)
        #expect(due.tooManyMissed)
        #expect(due.scheduled == midnight.addingTimeInterval(3 * 86400))
        #expect(due.next == midnight.addingTimeInterval(3 * 86400 + 60))
    }

    @Test func scheduleIsReadInTheCronJobsTimeZone() throws {
        var cronJob = cronJob(schedule: "0 9 * * *", created: midnight.addingTimeInterval(-60))
        cronJob.spec?.timeZone = "Asia/Tokyo"
        let zone = try #require(CronJobPlanner.timeZone(of: cronJob, local: utc))
        let due = CronJobPlanner.due(cronJob, schedule: try CronSchedule("0 9 * * *"), timeZone: zone, now: midnight.addingTimeInterval(3600))
        #expect(due.scheduled == midnight, "09:00 in Tokyo is 00:00 UTC")
        cronJob.spec?.timeZone = "Mars/Olympus"
        #expect(CronJobPlanner.timeZone(of: cronJob, local: utc) == nil)
    }

    @Test func jobForAScheduledTimeHasAStableNameAndTheScheduledTimestamp() {
        let scheduled = midnight.addingTimeInterval(600)
        let job = CronJobPlanner.job(for: cronJob(created: midnight), scheduled: scheduled)
        #expect(job.name == "report-\(Int64(scheduled.timeIntervalSince1970) / 60)")
        #expect(job.metadata.annotations?[CronJobPlanner.scheduledTimestampAnnotation] == "2026-01-01T00:10:00Z")
        #expect(job.metadata.ownerReferences?.first?.uid == "cron-uid")
        #expect(job.metadata.ownerReferences?.first?.controller == true)
    }

    @Test func oldestFinishedJobsBeyondTheLimitsGo() {
        func job(_ name: String, _ minute: Double, _ condition: String?) -> Job {
            var job = Job()
            job.metadata.name = name
            job.metadata.uid = name
            job.metadata.creationTimestamp = Time(midnight.addingTimeInterval(minute * 60))
            if let condition { job.status = JobStatus(conditions: [JobCondition(type: condition, status: "True")]) }
            return job
        }
        let jobs = [job("ok1", 1, "Complete"), job("ok2", 2, "Complete"), job("bad1", 3, "Failed"), job("bad2", 4, "Failed"), job("run", 5, nil)]
        let gone = CronJobPlanner.beyondHistory(cronJob(created: midnight), jobs: jobs).map(\.name)
        #expect(gone == ["ok1", "bad1"])
        #expect(CronJobPlanner.active(jobs).map(\.name) == ["run"])
    }
}
