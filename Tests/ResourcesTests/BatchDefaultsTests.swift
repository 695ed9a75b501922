import Testing
@testable import Resources

@Suite struct BatchDefaultsTests {
    static func minimalJob() throws -> Job {
        try JSONValue.parse(#"""
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi"},
             "spec":{"template":{"metadata":{"labels":{"app":"pi"}},
                                 "spec":{"restartPolicy":"Never","containers":[{"name":"pi","image":"perl"}]}}}}
            """#).decode(Job.self)
    }

    @Test func minimalJobGetsTheDocumentedDefaults() throws {
        var job = try Self.minimalJob()
        job.applyDefaults()
        let spec = try #require(job.spec)
        #expect(spec.parallelism == 1)
        #expect(spec.completions == 1)
        #expect(spec.backoffLimit == 6)
        #expect(spec.completionMode == "NonIndexed")
        #expect(spec.suspend == false)
        #expect(spec.manualSelector == false)
        #expect(spec.podReplacementPolicy == "TerminatingOrFailed")
    }

    @Test func jobPodTemplateGetsTheCorePodSpecDefaultsButKeepsItsRestartPolicy() throws {
        var job = try Self.minimalJob()
        job.applyDefaults()
        #expect(job.spec?.template?.spec?.restartPolicy == "Never")
        #expect(job.spec?.template?.spec?.dnsPolicy == "ClusterFirst")
        #expect(job.spec?.template?.spec?.terminationGracePeriodSeconds == 30)
    }

    @Test func jobTakesItsPodTemplateLabelsWhenItHasNone() throws {
        var job = try Self.minimalJob()
        job.applyDefaults()
        #expect(job.metadata.labels == ["app": "pi"])

        var labelled = try Self.minimalJob()
        labelled.metadata.labels = ["team": "math"]
        labelled.applyDefaults()
        #expect(labelled.metadata.labels == ["team": "math"])
    }

    @Test func completionsStayUnsetWhenOnlyParallelismIsSet() throws {
        var job = try Self.minimalJob()
        job.spec?.parallelism = 4
        job.applyDefaults()
        #expect(job.spec?.parallelism == 4)
        #expect(job.spec?.completions == nil)
    }

    @Test func perIndexBackoffMakesTheGlobalLimitUnbounded() throws {
        var job = try Self.minimalJob()
        job.spec?.backoffLimitPerIndex = 2
        job.applyDefaults()
        #expect(job.spec?.backoffLimit == Int32.max)
    }

    @Test func podFailurePolicyDefaultsConditionStatusAndReplacementPolicy() throws {
        var job = try Self.minimalJob()
        job.spec?.podFailurePolicy = PodFailurePolicy(rules: [
            PodFailurePolicyRule(action: "Ignore", onPodConditions: [PodFailurePolicyOnPodConditionsPattern(type: "DisruptionTarget")]),
        ])
        job.applyDefaults()
        #expect(job.spec?.podFailurePolicy?.rules.first?.onPodConditions.first?.status == "True")
        #expect(job.spec?.podReplacementPolicy == "Failed")
    }

    @Test func minimalCronJobGetsTheDocumentedDefaults() throws {
        var cj = try JSONValue.parse(#"""
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"tick"},
             "spec":{"schedule":"*/5 * * * *",
                     "jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure",
                                                               "containers":[{"name":"tick","image":"busybox"}]}}}}}}
            """#).decode(CronJob.self)
        cj.applyDefaults()
        let spec = try #require(cj.spec)
        #expect(spec.concurrencyPolicy == "Allow")
        #expect(spec.suspend == false)
        #expect(spec.successfulJobsHistoryLimit == 3)
        #expect(spec.failedJobsHistoryLimit == 1)
        #expect(spec.jobTemplate?.spec?.template?.spec?.schedulerName == "default-scheduler")
        #expect(spec.jobTemplate?.spec?.template?.spec?.restartPolicy == "OnFailure")
        // The Job gets its own defaults when the controller creates it.
        #expect(spec.jobTemplate?.spec?.backoffLimit == nil)
    }
}
