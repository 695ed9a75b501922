import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Synchronization
import Testing

/// The Job controller against the in-process API server, with hollow nodes that succeed or
/// fail every pod, on a manual clock where back-offs, deadlines and TTLs matter.
@Suite(.timeLimit(.minutes(2))) struct JobScenarioTests {
    static func job(_ cluster: InProcessCluster, _ name: String) async -> Job? {
        try? await cluster.client.get(Job.self, name: name, namespace: "default")
    }

    static func pods(_ cluster: InProcessCluster, _ name: String) async throws -> [Pod] {
        try await cluster.client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "job-name=\(name)")).items
    }

    static func condition(_ job: Job?, _ type: String) -> JobCondition? {
        job?.status?.conditions.first { $0.type == type && $0.status == "True" }
    }

    /// Moves `clock` forward by `step` every few milliseconds until cancelled.
    /// Far beyond the minutes these tests move the clock through, so that a hollow node
    /// whose heartbeat lags the racing clock is not taken for dead.
    static let grace: Duration = .seconds(86_400)

    static func ticking(_ clock: ManualClock, step: Duration) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(25))
                clock.advance(by: step)
            }
        }
    }

    @Test func jobWithBackoffLimitTwoFailsAfterThreeFailedPods() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 2) { _ in .fail(exitCode: 1) }
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.job("flaky", backoffLimit: 2))
        let ticker = Self.ticking(clock, step: .seconds(5))
        defer { ticker.cancel() }
        #expect(await eventually(timeout: .seconds(60)) { Self.condition(await Self.job(cluster, "flaky"), "Failed") != nil })
        let job = await Self.job(cluster, "flaky")
        #expect(Self.condition(job, "Failed")?.reason == "BackoffLimitExceeded")
        #expect(job?.status?.failed == 3)
        #expect(job?.status?.succeeded ?? 0 == 0)
        #expect(job?.status?.active ?? 0 == 0)
        #expect(job?.status?.uncountedTerminatedPods == nil)
        // No fourth pod comes after the Job failed, and every pod was counted and released.
        try await Task.sleep(for: .milliseconds(300))
        let pods = try await Self.pods(cluster, "flaky")
        #expect(pods.count == 3)
        #expect(pods.allSatisfy { $0.status?.phase == "Failed" && !($0.metadata.finalizers ?? []).contains("batch.kubernetes.io/job-tracking") })
    }

    @Test func failedPodIsReplacedOnlyAfterTheBackoff() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 1) { _ in .fail(exitCode: 2) }
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.job("retry", backoffLimit: 5))
        #expect(await eventually { await Self.job(cluster, "retry")?.status?.failed == 1 })
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await Self.pods(cluster, "retry").count == 1, "a replacement came before the 10 s back-off")
        clock.advance(by: .seconds(11))
        #expect(await eventually { (try? await Self.pods(cluster, "retry").count) == 2 })
    }

    @Test func completionsAreReachedWithAtMostParallelismPodsActive() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 3) { _ in .succeed }
        defer { Task { await cluster.stop() } }
        let peak = Mutex(0)
        let sampler = Task {
            while !Task.isCancelled {
                if let pods = try? await Self.pods(cluster, "batch") {
                    let active = pods.filter(\.isActive).count
                    peak.withLock { $0 = max($0, active) }
                }
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
        _ = try await cluster.client.create(Fixtures.job("batch", completions: 5, parallelism: 2))
        let completed = await eventually(timeout: .seconds(30)) { Self.condition(await Self.job(cluster, "batch"), "Complete") != nil }
        sampler.cancel()
        _ = await sampler.value
        #expect(completed)
        let job = await Self.job(cluster, "batch")
        #expect(job?.status?.succeeded == 5)
        #expect(job?.status?.completionTime != nil)
        #expect(try await Self.pods(cluster, "batch").count == 5)
        #expect(peak.withLock { $0 } <= 2)
    }

    @Test func jobActiveLongerThanItsDeadlineFailsAndItsPodsAreDeleted() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        var spec = Fixtures.job("slow", parallelism: 2)
        spec.spec?.completions = 2
        spec.spec?.activeDeadlineSeconds = 60
        _ = try await cluster.client.create(spec)
        #expect(await eventually { (try? await Self.pods(cluster, "slow").filter(\.isReady).count) == 2 })
        clock.advance(by: .seconds(61))
        #expect(await eventually { Self.condition(await Self.job(cluster, "slow"), "Failed")?.reason == "DeadlineExceeded" })
        #expect(await eventually { (try? await Self.pods(cluster, "slow").isEmpty) == true })
    }

    @Test func indexedJobRunsEachIndexOnceAndRecordsThem() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 2) { _ in .succeed }
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.job("shards", completions: 3, parallelism: 3, indexed: true))
        #expect(await eventually { Self.condition(await Self.job(cluster, "shards"), "Complete") != nil })
        let job = await Self.job(cluster, "shards")
        #expect(job?.status?.completedIndexes == "0-2")
        #expect(job?.status?.succeeded == 3)
        let pods = try await Self.pods(cluster, "shards")
        let indexes = pods.compactMap { $0.metadata.annotations?["batch.kubernetes.io/job-completion-index"] }.sorted()
        #expect(indexes == ["0", "1", "2"])
        #expect(Set(pods.compactMap(\.spec?.hostname)) == ["shards-0", "shards-1", "shards-2"])
        #expect(pods.allSatisfy { $0.spec?.containers.first?.env.contains { $0.name == "JOB_COMPLETION_INDEX" } == true })
    }

    @Test func finishedJobIsDeletedWithItsPodsAfterItsTTL() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 1) { _ in .succeed }
        defer { Task { await cluster.stop() } }
        var job = Fixtures.job("once")
        job.spec?.ttlSecondsAfterFinished = 100
        _ = try await cluster.client.create(job)
        #expect(await eventually { Self.condition(await Self.job(cluster, "once"), "Complete") != nil })
        try await Task.sleep(for: .milliseconds(200))
        #expect(await Self.job(cluster, "once") != nil, "deleted before its TTL")
        clock.advance(by: .seconds(101))
        #expect(await eventually { await Self.job(cluster, "once") == nil })
        #expect(await eventually { (try? await Self.pods(cluster, "once").isEmpty) == true })
    }

    @Test func suspendedJobKeepsNoPodsAndResumes() async throws {
        let cluster = try await InProcessCluster.start(hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        var job = Fixtures.job("paused")
        job.spec?.suspend = true
        _ = try await cluster.client.create(job)
        #expect(await eventually { Self.condition(await Self.job(cluster, "paused"), "Suspended") != nil })
        #expect(try await Self.pods(cluster, "paused").isEmpty)
        _ = try await cluster.client.patch(Job.self, name: "paused", namespace: "default", .merge(["spec": ["suspend": false]]))
        #expect(await eventually { (try? await Self.pods(cluster, "paused").count) == 1 })
        #expect(await eventually { await Self.job(cluster, "paused")?.status?.conditions.first { $0.type == "Suspended" }?.reason == "JobResumed" })
    }
}
