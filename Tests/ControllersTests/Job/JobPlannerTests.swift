import CapstanTestKit
import Foundation
import Resources
import Testing
@testable import Controllers

/// The pure Job decisions: counting finished pods once, when to create, fail and complete.
@Suite struct JobPlannerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func job(completions: Int32? = 3, parallelism: Int32 = 2, backoffLimit: Int32 = 6, indexed: Bool = false) -> Job {
        var job = Fixtures.job("j", completions: completions, parallelism: parallelism, backoffLimit: backoffLimit, indexed: indexed)
        job.metadata.uid = "job-uid"
        job.status = JobStatus(startTime: Time(now))
        return job
    }

    func pod(_ uid: String, phase: String, tracked: Bool = true, index: Int32? = nil, finishedAt: Date? = nil) -> Pod {
        var pod = Fixtures.pod("p-\(uid)", app: "j")
        pod.metadata.uid = uid
        pod.metadata.creationTimestamp = Time(now.addingTimeInterval(-100))
        pod.metadata.ownerReferences = [OwnerReference(apiVersion: "batch/v1", kind: "Job", name: "j", uid: "job-uid", controller: true)]
        if tracked { pod.metadata.finalizers = [JobPlanner.trackingFinalizer] }
        if let index { pod.metadata.annotations = [JobPlanner.completionIndexKey: String(index)] }
        var status = PodStatus()
        status.phase = phase
        if let finishedAt {
            var terminated = ContainerStateTerminated()
            terminated.finishedAt = Time(finishedAt)
            var container = ContainerStatus()
            container.name = "main"
            container.state = ContainerState(terminated: terminated)
            status.containerStatuses = [container]
        }
        pod.status = status
        return pod
    }

    @Test func finishedPodsAreRecordedThenCountedOnceTheirFinalizerIsGone() throws {
        var job = job()
        let pods = [pod("a", phase: "Succeeded"), pod("b", phase: "Failed"), pod("c", phase: "Running")]
        let recorded = try #require(JobPlanner.recordingFinished(job, pods: pods))
        #expect(recorded.uncountedTerminatedPods?.succeeded == ["a"])
        #expect(recorded.uncountedTerminatedPods?.failed == ["b"])
        job.status = recorded
        #expect(JobPlanner.recordingFinished(job, pods: pods) == nil, "a recorded pod is recorded again")
        #expect(Set(JobPlanner.untracking(job, pods: pods).compactMap(\.metadata.uid)) == ["a", "b"])
        let counted = JobPlanner.counting(recorded, stillTracked: ["b"])
        #expect(counted.succeeded == 1)
        #expect(counted.failed ?? 0 == 0)
        #expect(counted.uncountedTerminatedPods?.failed == ["b"])
        let all = JobPlanner.counting(counted, stillTracked: [])
        #expect(all.failed == 1)
        #expect(all.uncountedTerminatedPods == nil)
    }

    @Test func podDeletedBeforeFinishingCountsAsFailed() {
        var running = pod("a", phase: "Running")
        running.metadata.deletionTimestamp = Time(now)
        #expect(JobPlanner.outcome(of: running) == .failed)
    }

    @Test func untrackedPodsAreNeverRecorded() {
        #expect(JobPlanner.recordingFinished(job(), pods: [pod("a", phase: "Succeeded", tracked: false)]) == nil)
    }

    @Test func createsUpToParallelismBoundedByRemainingCompletions() {
        var job = job(completions: 3, parallelism: 2)
        #expect(JobPlanner.plan(job, pods: [], caughtUp: true, now: now).create.count == 2)
        job.status?.succeeded = 2
        #expect(JobPlanner.plan(job, pods: [], caughtUp: true, now: now).create.count == 1)
        #expect(JobPlanner.plan(job, pods: [], caughtUp: false, now: now).create.isEmpty)
    }

    @Test func replacementWaitsForTheDoublingBackoff() {
        var job = job(completions: 1, parallelism: 1)
        job.status?.failed = 2
        let failedAt = now.addingTimeInterval(-15)
        let plan = JobPlanner.plan(job, pods: [pod("a", phase: "Failed", tracked: false, finishedAt: failedAt)], caughtUp: true, now: now)
        #expect(plan.create.isEmpty)
        #expect(plan.recheckAt == failedAt.addingTimeInterval(20))
        let later = JobPlanner.plan(job, pods: [pod("a", phase: "Failed", tracked: false, finishedAt: failedAt)], caughtUp: true,
                                    now: failedAt.addingTimeInterval(20))
        #expect(later.create.count == 1)
    }

    @Test func failsWhenFailuresExceedTheBackoffLimitAndDeletesActivePods() {
        var job = job(completions: 2, parallelism: 2, backoffLimit: 1)
        job.status?.failed = 2
        let running = pod("r", phase: "Running", tracked: false)
        let plan = JobPlanner.plan(job, pods: [running], caughtUp: true, now: now)
        #expect(plan.status.conditions.first { $0.type == "Failed" }?.reason == "BackoffLimitExceeded")
        #expect(plan.delete.map(\.metadata.uid) == ["r"])
        #expect(plan.create.isEmpty)
        #expect(plan.status.active == 0)
    }

    @Test func completesWhenCompletionsSucceeded() {
        var job = job(completions: 2)
        job.status?.succeeded = 2
        let plan = JobPlanner.plan(job, pods: [], caughtUp: true, now: now)
        #expect(plan.status.conditions.first { $0.type == "Complete" }?.status == "True")
        #expect(plan.status.completionTime == Time(now))
    }

    @Test func jobWithoutCompletionsCompletesWhenOnePodSucceededAndNoneRun() {
        var job = job(completions: nil, parallelism: 2)
        job.status?.succeeded = 1
        let running = pod("r", phase: "Running", tracked: false)
        #expect(JobPlanner.plan(job, pods: [running], caughtUp: true, now: now).create.isEmpty)
        #expect(JobPlanner.plan(job, pods: [running], caughtUp: true, now: now).status.conditions.isEmpty)
        #expect(JobPlanner.plan(job, pods: [], caughtUp: true, now: now).status.conditions.contains { $0.type == "Complete" })
    }

    @Test func indexedJobCreatesTheLowestMissingIndexesAndDropsDuplicates() {
        var job = job(completions: 5, parallelism: 3, indexed: true)
        job.status?.completedIndexes = "0,2"
        let pods = [pod("x", phase: "Running", index: 1), pod("y", phase: "Running", index: 1), pod("z", phase: "Running", index: 2)]
        let plan = JobPlanner.plan(job, pods: pods, caughtUp: true, now: now)
        #expect(Set(plan.delete.compactMap(\.metadata.uid)).count == 2, "the duplicate of 1 and the completed 2 go")
        #expect(plan.create == [3, 4])
    }

    @Test func succeededIndexIsRecordedInCompletedIndexes() {
        let job = job(completions: 4, indexed: true)
        let status = JobPlanner.recordingFinished(job, pods: [pod("a", phase: "Succeeded", index: 3), pod("b", phase: "Succeeded", index: 1)])
        #expect(status?.completedIndexes == "1,3")
    }

    @Test func completionIndexesRoundTripAsRanges() {
        #expect(CompletionIndexes([1, 2, 3, 5, 7, 8]).text == "1-3,5,7-8")
        #expect(CompletionIndexes(parsing: "0-2,4").members == [0, 1, 2, 4])
        #expect(CompletionIndexes(parsing: "x,3-1,2").members == [2])
        #expect(CompletionIndexes([]).text == nil)
    }

    @Test func unchangedConditionIsLeftAlone() {
        var status = JobStatus()
        JobPlanner.setCondition(&status, "Suspended", true, reason: "JobSuspended", message: "Job suspended", now: now)
        let first = status
        JobPlanner.setCondition(&status, "Suspended", true, reason: "JobSuspended", message: "Job suspended", now: now.addingTimeInterval(5))
        #expect(status == first)
    }
}
