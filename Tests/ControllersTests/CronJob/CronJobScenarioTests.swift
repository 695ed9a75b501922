import CapstanTestKit
import Client
import Controllers
import Foundation
import Resources
import Synchronization
import Testing

/// The CronJob and Job controllers against the in-process API server, with hollow nodes whose
/// pods run until the test ends them, on a manual clock that the test moves through minutes.
@Suite(.timeLimit(.minutes(2))) struct CronJobScenarioTests {
    static func cronJob(_ name: String, schedule: String = "* * * * *", policy: String) -> CronJob {
        var cronJob = CronJob()
        cronJob.metadata.name = name
        cronJob.metadata.namespace = "default"
        var spec = CronJobSpec()
        spec.schedule = schedule
        spec.timeZone = "Etc/UTC"
        spec.concurrencyPolicy = policy
        let job = Fixtures.job(name)
        spec.jobTemplate = JobTemplateSpec(metadata: ObjectMeta(labels: ["cron": name]), spec: job.spec)
        cronJob.spec = spec
        return cronJob
    }

    static func jobs(_ cluster: InProcessCluster, _ name: String) async -> [Job] {
        (try? await cluster.client.list(Job.self, namespace: "default", options: ListOptions(labelSelector: "cron=\(name)")).items) ?? []
    }

    static func running(_ jobs: [Job]) -> [Job] {
        jobs.filter { job in
            job.metadata.deletionTimestamp == nil
                && !(job.status?.conditions.contains { ($0.type == "Complete" || $0.type == "Failed") && $0.status == "True" } ?? false)
        }
    }

    /// Moves `clock` forward five seconds every 25 ms, until cancelled.
    /// Far beyond the minutes these tests move the clock through, so that a hollow node
    /// whose heartbeat lags the racing clock is not taken for dead.
    static let grace: Duration = .seconds(86_400)

    static func ticking(_ clock: ManualClock) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(25))
                clock.advance(by: .seconds(5))
            }
        }
    }

    /// Marks every running pod of the CronJob's Jobs Succeeded, as a node agent would.
    static func finishPods(_ cluster: InProcessCluster) async throws {
        for var pod in try await cluster.client.list(Pod.self, namespace: "default").items where pod.status?.phase == "Running" {
            pod.status?.phase = "Succeeded"
            _ = try await cluster.client.updateStatus(pod)
        }
    }

    @Test func forbidNeverOverlapsAndStartsTheNextRunOnceThePriorOneFinished() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Self.cronJob("nightly", policy: "Forbid"))
        let peak = Mutex((running: 0, samples: 0))
        let sampler = Task {
            while !Task.isCancelled {
                let running = Self.running(await Self.jobs(cluster, "nightly")).count
                peak.withLock { $0 = (max($0.running, running), $0.samples + 1) }
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        let ticker = Self.ticking(clock)
        defer { ticker.cancel() }
        #expect(await eventually { await Self.jobs(cluster, "nightly").count == 1 })
        // Several scheduled minutes pass while the first run still runs.
        let start = clock.now()
        #expect(await eventually { clock.now().timeIntervalSince(start) >= 240 })
        #expect(await Self.jobs(cluster, "nightly").count == 1)
        try await Self.finishPods(cluster)
        #expect(await eventually { await Self.jobs(cluster, "nightly").count == 2 })
        sampler.cancel()
        _ = await sampler.value
        let seen = peak.withLock { $0 }
        #expect(seen.samples > 10)
        #expect(seen.running == 1, "two runs of a Forbid CronJob were active at once")
        let cronJob = try await cluster.client.get(CronJob.self, name: "nightly", namespace: "default")
        #expect(cronJob.status?.active.count == 1)
        #expect(cronJob.status?.lastSuccessfulTime != nil)
    }

    @Test func allowStartsARunEveryScheduledTimeEvenWhileOthersRun() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Self.cronJob("often", policy: "Allow"))
        let ticker = Self.ticking(clock)
        defer { ticker.cancel() }
        #expect(await eventually { Self.running(await Self.jobs(cluster, "often")).count >= 3 })
        let names = await Self.jobs(cluster, "often").map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.hasPrefix("often-") && Int($0.dropFirst("often-".count)) != nil })
    }

    @Test func replaceDeletesTheRunningJobBeforeStartingTheNext() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Self.cronJob("fresh", policy: "Replace"))
        clock.advance(by: .seconds(61))
        #expect(await eventually { await Self.jobs(cluster, "fresh").count == 1 })
        let first = try #require(await Self.jobs(cluster, "fresh").first)
        try await Task.sleep(for: .milliseconds(100))
        clock.advance(by: .seconds(60))
        #expect(await eventually {
            let jobs = Self.running(await Self.jobs(cluster, "fresh"))
            return jobs.count == 1 && jobs.first?.metadata.uid != first.metadata.uid
        })
        #expect(await eventually { await Self.jobs(cluster, "fresh").allSatisfy { $0.metadata.uid != first.metadata.uid } })
    }

    @Test func finishedJobsBeyondTheHistoryLimitAreDeleted() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 1) { _ in .succeed }
        defer { Task { await cluster.stop() } }
        var cronJob = Self.cronJob("trim", policy: "Allow")
        cronJob.spec?.successfulJobsHistoryLimit = 2
        _ = try await cluster.client.create(cronJob)
        let ticker = Self.ticking(clock)
        let start = clock.now()
        #expect(await eventually { clock.now().timeIntervalSince(start) >= 300 })
        ticker.cancel()
        #expect(await eventually {
            let jobs = await Self.jobs(cluster, "trim")
            return jobs.count == 2 && Self.running(jobs).isEmpty
        })
        let status = try await cluster.client.get(CronJob.self, name: "trim", namespace: "default").status
        #expect(status?.lastScheduleTime != nil)
        #expect(status?.active.isEmpty == true)
    }

    @Test func suspendedCronJobStartsNothing() async throws {
        let clock = ManualClock()
        let cluster = try await InProcessCluster.start(clock: clock, nodeMonitorGracePeriod: Self.grace, hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        var cronJob = Self.cronJob("held", policy: "Allow")
        cronJob.spec?.suspend = true
        _ = try await cluster.client.create(cronJob)
        for _ in 0..<5 {
            clock.advance(by: .seconds(60))
            try await Task.sleep(for: .milliseconds(60))
        }
        #expect(await Self.jobs(cluster, "held").isEmpty)
    }
}
