import Testing
@testable import Resources

@Suite struct BatchRoundTripTests {
    @Test func jobDecodesToTypedValuesAndReencodesUnchanged() throws {
        let text = #"""
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"migrate","namespace":"shop"},
         "spec":{"parallelism":2,"completions":4,"activeDeadlineSeconds":3600,"backoffLimit":2,
                 "backoffLimitPerIndex":1,"maxFailedIndexes":2,"completionMode":"Indexed","suspend":false,
                 "manualSelector":true,"selector":{"matchLabels":{"job":"migrate"}},"ttlSecondsAfterFinished":600,
                 "podReplacementPolicy":"Failed",
                 "podFailurePolicy":{"rules":[
                    {"action":"FailJob","onExitCodes":{"containerName":"main","operator":"In","values":[42,43]}},
                    {"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget","status":"True"}]}]},
                 "successPolicy":{"rules":[{"succeededIndexes":"0-1","succeededCount":1}]},
                 "template":{"metadata":{"labels":{"job":"migrate"}},
                             "spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"migrate:2"}]}}},
         "status":{"startTime":"2024-05-01T12:00:00Z","completionTime":"2024-05-01T12:10:00Z",
                   "active":1,"succeeded":2,"failed":1,"terminating":0,"ready":1,
                   "completedIndexes":"0,2","failedIndexes":"3",
                   "uncountedTerminatedPods":{"succeeded":["uid-a"],"failed":["uid-b"]},
                   "conditions":[{"type":"Complete","status":"True","reason":"CompletionsReached",
                                  "lastProbeTime":"2024-05-01T12:10:00Z","lastTransitionTime":"2024-05-01T12:10:00Z"}]}}
        """#
        let job = try JSONValue.parse(text).decode(Job.self)
        let spec = try #require(job.spec)
        #expect(spec.parallelism == 2)
        #expect(spec.completions == 4)
        #expect(spec.activeDeadlineSeconds == 3600)
        #expect(spec.backoffLimitPerIndex == 1)
        #expect(spec.maxFailedIndexes == 2)
        #expect(spec.completionMode == "Indexed")
        #expect(spec.manualSelector == true)
        #expect(spec.ttlSecondsAfterFinished == 600)
        #expect(spec.podFailurePolicy?.rules.first?.onExitCodes?.values == [42, 43])
        #expect(spec.podFailurePolicy?.rules.last?.onPodConditions.first?.type == "DisruptionTarget")
        #expect(spec.successPolicy?.rules.first?.succeededIndexes == "0-1")
        let status = try #require(job.status)
        #expect(status.startTime == Time(rfc3339: "2024-05-01T12:00:00Z"))
        #expect(status.succeeded == 2)
        #expect(status.terminating == 0)
        #expect(status.completedIndexes == "0,2")
        #expect(status.failedIndexes == "3")
        #expect(status.uncountedTerminatedPods?.failed == ["uid-b"])
        #expect(status.conditions.first?.lastProbeTime == Time(rfc3339: "2024-05-01T12:10:00Z"))
        #expect(try JSONValue(encoding: job) == JSONValue.parse(text))
    }

    @Test func cronJobTemplateRoundTripsWithItsJobSpec() throws {
        let text = #"""
        {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"nightly-report","namespace":"shop"},
         "spec":{"schedule":"0 3 * * *","timeZone":"Europe/Paris","startingDeadlineSeconds":300,
                 "concurrencyPolicy":"Forbid","suspend":false,"successfulJobsHistoryLimit":5,"failedJobsHistoryLimit":2,
                 "jobTemplate":{"metadata":{"labels":{"report":"nightly"},"annotations":{"owner":"finance"}},
                                "spec":{"backoffLimit":1,"ttlSecondsAfterFinished":86400,
                                        "template":{"metadata":{"labels":{"report":"nightly"}},
                                                    "spec":{"restartPolicy":"OnFailure",
                                                            "containers":[{"name":"report","image":"report:1.4","args":["--since","24h"]}]}}}}},
         "status":{"active":[{"apiVersion":"batch/v1","kind":"Job","name":"nightly-report-28573140",
                              "namespace":"shop","uid":"8b1c"}],
                   "lastScheduleTime":"2024-05-01T03:00:00Z","lastSuccessfulTime":"2024-04-30T03:04:10Z"}}
        """#
        let cj = try JSONValue.parse(text).decode(CronJob.self)
        let spec = try #require(cj.spec)
        #expect(spec.schedule == "0 3 * * *")
        #expect(spec.timeZone == "Europe/Paris")
        #expect(spec.startingDeadlineSeconds == 300)
        #expect(spec.concurrencyPolicy == "Forbid")
        #expect(spec.jobTemplate?.metadata?.labels == ["report": "nightly"])
        #expect(spec.jobTemplate?.spec?.backoffLimit == 1)
        #expect(spec.jobTemplate?.spec?.ttlSecondsAfterFinished == 86400)
        #expect(spec.jobTemplate?.spec?.template?.spec?.containers.first?.args == ["--since", "24h"])
        #expect(cj.status?.active.map(\.name) == ["nightly-report-28573140"])
        #expect(cj.status?.lastSuccessfulTime == Time(rfc3339: "2024-04-30T03:04:10Z"))
        #expect(try JSONValue(encoding: cj) == JSONValue.parse(text))
    }

    @Test func batchKindsNameTheirResourceTypes() {
        #expect(Job().apiVersion == "batch/v1")
        #expect(Job.resourceType.plural == "jobs")
        #expect(CronJob().kind == "CronJob")
        #expect(CronJob.resourceType.plural == "cronjobs")
    }
}
