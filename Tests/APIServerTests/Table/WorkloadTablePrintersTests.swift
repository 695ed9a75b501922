import Foundation
import Resources
import Testing
@testable import APIServer

/// Deployments, ReplicaSets, StatefulSets, DaemonSets, ControllerRevisions, Jobs and CronJobs.
@Suite struct WorkloadTablePrintersTests {
    typealias F = TableFixtures

    static let template = PodTemplateSpec(spec: PodSpec(containers: [
        Container(name: "fake-container1", image: "fake-image1"), Container(name: "fake-container2", image: "fake-image2")]))
    static let selector = LabelSelector(matchLabels: ["foo": "bar"])

    /// printers_test.go TestPrintDeployment.
    @Test func deploymentShowsReadyOfDesiredUpToDateAvailableAndWideColumns() {
        let deployment = Deployment(
            metadata: F.meta("test1", created: F.ago(10 * F.year)),
            spec: DeploymentSpec(replicas: 5, selector: Self.selector, template: Self.template),
            status: DeploymentStatus(replicas: 10, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1, unavailableReplicas: 4))
        #expect(F.cells(deployment) == [.s("test1"), .s("1/5"), .integer(2), .integer(1), .s("10y"),
                                        .s("fake-container1,fake-container2"), .s("fake-image1,fake-image2"), .s("foo=bar")])
    }

    @Test func deploymentWithoutSelectorPrintsEmptySelector() {
        #expect(F.cells(Deployment(metadata: F.meta("d"), spec: DeploymentSpec(replicas: 0)))[1...7] ==
                [.s("0/0"), .integer(0), .integer(0), .s("<unknown>"), .s(""), .s(""), .s("")])
    }

    /// printers_test.go TestPrintReplicaSet.
    @Test func replicaSetShowsDesiredCurrentReady() {
        let rs = ReplicaSet(metadata: F.meta("test1", created: F.ago(10 * F.year)),
                            spec: ReplicaSetSpec(replicas: 5, selector: Self.selector, template: Self.template),
                            status: ReplicaSetStatus(replicas: 5, readyReplicas: 2))
        #expect(F.cells(rs) == [.s("test1"), .integer(5), .integer(5), .integer(2), .s("10y"),
                                .s("fake-container1,fake-container2"), .s("fake-image1,fake-image2"), .s("foo=bar")])
    }

    /// printers_test.go TestPrintStatefulSet.
    @Test func statefulSetShowsReadyOfDesired() {
        let sts = StatefulSet(metadata: F.meta("test1", created: F.ago(10 * F.year)),
                              spec: StatefulSetSpec(replicas: 5, template: Self.template),
                              status: StatefulSetStatus(replicas: 5, readyReplicas: 2))
        #expect(F.cells(sts) == [.s("test1"), .s("2/5"), .s("10y"),
                                 .s("fake-container1,fake-container2"), .s("fake-image1,fake-image2")])
    }

    /// printers_test.go TestPrintDaemonSet.
    @Test func daemonSetShowsCountsAndNodeSelector() {
        var template = Self.template
        template.spec?.nodeSelector = ["kubernetes.io/os": "linux"]
        let ds = DaemonSet(metadata: F.meta("test1", created: F.ago(3 * F.minute)),
                           spec: DaemonSetSpec(selector: Self.selector, template: template),
                           status: DaemonSetStatus(currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1,
                                                   updatedNumberScheduled: 2, numberAvailable: 0))
        #expect(F.cells(ds) == [.s("test1"), .integer(3), .integer(2), .integer(1), .integer(2), .integer(0),
                                .s("kubernetes.io/os=linux"), .s("3m"),
                                .s("fake-container1,fake-container2"), .s("fake-image1,fake-image2"), .s("foo=bar")])
        #expect(F.cells(DaemonSet(metadata: F.meta("bare")))[6] == .s("<none>"))
    }

    /// printers_test.go TestPrintControllerRevision.
    @Test(arguments: [
        (OwnerReference(apiVersion: "apps/v1", kind: "DaemonSet", name: "foo", controller: true), "daemonset.apps/foo"),
        (OwnerReference(apiVersion: "v1", kind: "ReplicationController", name: "rc", controller: true), "replicationcontroller/rc"),
        (OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: "web", controller: false), "<none>"),
    ])
    func controllerRevisionShowsControllingOwner(owner: OwnerReference, expected: String) {
        let revision = ControllerRevision(metadata: F.meta("test1", owners: [owner]), revision: 1)
        #expect(F.cells(revision) == [.s("test1"), .s(expected), .integer(1), .s("<unknown>")])
    }

    private func job(completions: Int32? = nil, parallelism: Int32? = nil, succeeded: Int32? = nil,
                     started: TimeInterval? = nil, completed: TimeInterval? = nil,
                     conditions: [(String, String)] = [], deleting: Bool = false) -> Job {
        Job(metadata: F.meta("job1", created: F.ago(F.day), deleted: deleting ? F.ago(1) : nil),
            spec: JobSpec(parallelism: parallelism, completions: completions, selector: Self.selector, template: Self.template),
            status: JobStatus(conditions: conditions.map { JobCondition(type: $0.0, status: $0.1) },
                              startTime: started.map(F.ago), completionTime: completed.map(F.ago), succeeded: succeeded))
    }

    /// printers_test.go TestPrintJob: completions, duration and the v1.32 STATUS column.
    @Test func jobShowsStatusCompletionsDurationAndWideColumns() {
        #expect(F.cells(job(completions: 2, succeeded: 1, started: 20 * F.minute)) ==
                [.s("job1"), .s("Running"), .s("1/2"), .s("20m"), .s("24h"),
                 .s("fake-container1,fake-container2"), .s("fake-image1,fake-image2"), .s("foo=bar")])
        #expect(Array(F.cells(job(succeeded: 0))[1...3]) == [.s("Running"), .s("0/1"), .s("")])
        #expect(F.cells(job(parallelism: 2, succeeded: 1))[2] == .s("1/1 of 2"))
        #expect(Array(F.cells(job(completions: 2, succeeded: 2, started: 3 * F.hour, completed: 3 * F.hour - 31 * F.minute,
                                  conditions: [("Complete", "True")]))[1...3]) == [.s("Complete"), .s("2/2"), .s("31m")])
    }

    @Test(arguments: [
        ([("Complete", "True")], false, "Complete"),
        ([("Failed", "True")], true, "Failed"),
        ([("Complete", "False"), ("Suspended", "True")], true, "Terminating"),
        ([("Suspended", "True")], false, "Suspended"),
        ([("FailureTarget", "True")], false, "FailureTarget"),
        ([("Suspended", "False")], false, "Running"),
    ])
    func jobStatusFollowsConditionPrecedence(conditions: [(String, String)], deleting: Bool, expected: String) {
        #expect(F.cells(job(conditions: conditions, deleting: deleting))[1] == .s(expected))
    }

    /// printers_test.go TestPrintCronJob.
    @Test func cronJobShowsScheduleTimezoneSuspendActiveAndLastSchedule() {
        let jobTemplate = JobTemplateSpec(spec: JobSpec(template: Self.template))
        let cronJob = CronJob(metadata: F.meta("cron1", created: F.ago(F.year)),
                              spec: CronJobSpec(schedule: "0/5 * * * ?", suspend: false, jobTemplate: jobTemplate),
                              status: CronJobStatus(lastScheduleTime: F.ago(30)))
        #expect(F.cells(cronJob) == [.s("cron1"), .s("0/5 * * * ?"), .s("<none>"), .s("False"), .integer(0), .s("30s"),
                                     .s("365d"), .s("fake-container1,fake-container2"), .s("fake-image1,fake-image2"), .s("<none>")])
        let bare = CronJob(metadata: F.meta("cron2"), spec: CronJobSpec(schedule: "@daily", timeZone: "Europe/Berlin"),
                           status: CronJobStatus(active: [ObjectReference(name: "j1")]))
        #expect(Array(F.cells(bare)[2...5]) == [.s("Europe/Berlin"), .s("<unset>"), .integer(1), .s("<none>")])
    }
}
