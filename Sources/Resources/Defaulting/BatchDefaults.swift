// Defaulting of batch/v1 objects, as the Kubernetes API server applies it on create and update
// (pkg/apis/batch/v1/defaults.go, with today's default feature gates). Each function fills only
// what is unset and is idempotent; pod templates get the core PodSpec defaults. Where upstream
// tests a Go string (not a pointer) against "", absent and "" both count as unset here.

extension Job: Defaultable {
    /// Fills unset fields: parallelism and completions 1 when both are unset (else parallelism 1),
    /// a backoff limit of 6 (unlimited with a per-index limit), `NonIndexed` completion, not
    /// suspended, no manual selector, the pod replacement policy, the Job's labels from its
    /// pod template's when it has none, and the pod template's defaults.
    public mutating func applyDefaults() {
        var spec = self.spec ?? JobSpec()
        if spec.completions == nil && spec.parallelism == nil { spec.completions = 1 }
        if spec.parallelism == nil { spec.parallelism = 1 }
        if spec.backoffLimit == nil { spec.backoffLimit = spec.backoffLimitPerIndex == nil ? 6 : Int32.max }
        if let labels = spec.template?.metadata.labels, (metadata.labels ?? [:]).isEmpty {
            metadata.labels = labels
        }
        if spec.completionMode == nil { spec.completionMode = "NonIndexed" }
        if spec.suspend == nil { spec.suspend = false }
        spec.podFailurePolicy?.applyDefaults()
        if spec.podReplacementPolicy == nil {
            spec.podReplacementPolicy = spec.podFailurePolicy == nil ? "TerminatingOrFailed" : "Failed"
        }
        if spec.manualSelector == nil { spec.manualSelector = false }
        spec.template?.applyDefaults()
        self.spec = spec
    }
}

extension CronJob: Defaultable {
    /// Fills unset fields: `Allow` concurrency, not suspended, 3 successful and 1 failed Jobs
    /// kept, and the defaults of the job template's pod failure policy and pod template.
    /// As upstream, the rest of the job template's spec is not defaulted here: the Job gets
    /// its defaults when the controller creates it.
    public mutating func applyDefaults() {
        var spec = self.spec ?? CronJobSpec()
        if spec.concurrencyPolicy == nil || spec.concurrencyPolicy == "" { spec.concurrencyPolicy = "Allow" }
        if spec.suspend == nil { spec.suspend = false }
        if spec.successfulJobsHistoryLimit == nil { spec.successfulJobsHistoryLimit = 3 }
        if spec.failedJobsHistoryLimit == nil { spec.failedJobsHistoryLimit = 1 }
        spec.jobTemplate?.spec?.podFailurePolicy?.applyDefaults()
        spec.jobTemplate?.spec?.template?.applyDefaults()
        self.spec = spec
    }
}

extension PodFailurePolicy: Defaultable {
    /// Fills unset fields: pod condition patterns match status `True`.
    public mutating func applyDefaults() {
        for r in rules.indices {
            for p in rules[r].onPodConditions.indices where (rules[r].onPodConditions[p].status ?? "").isEmpty {
                rules[r].onPodConditions[p].status = "True"
            }
        }
    }
}
