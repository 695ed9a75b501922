/// batch/v1 Job: runs pods until a number of them complete successfully.
@APIObject(.batch)
public struct Job: APIResource {
    public static let resourceType = ResourceType(
        group: "batch", version: "v1", kind: "Job", plural: "jobs", namespaced: true)

    public var apiVersion: String = "batch/v1"
    public var kind: String = "Job"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: JobSpec?
    public var status: JobStatus?
}

/// The desired behaviour of a `Job`; also the `spec` of a CronJob's `jobTemplate`.
@APIObject(.batch)
public struct JobSpec {
    public var parallelism: Int32?
    public var completions: Int32?
    public var activeDeadlineSeconds: Int64?
    public var podFailurePolicy: PodFailurePolicy?
    public var successPolicy: SuccessPolicy?
    public var backoffLimit: Int32?
    public var backoffLimitPerIndex: Int32?
    public var maxFailedIndexes: Int32?
    public var selector: LabelSelector?
    public var manualSelector: Bool?
    public var template: PodTemplateSpec?
    public var ttlSecondsAfterFinished: Int32?
    /// `NonIndexed` or `Indexed`.
    public var completionMode: String?
    public var suspend: Bool?
    /// `TerminatingOrFailed` or `Failed`.
    public var podReplacementPolicy: String?
    /// The controller that syncs this Job, when not the built-in one.
    public var managedBy: String?
}

/// The observed state of a `Job`, written by its controller.
@APIObject(.batch)
public struct JobStatus {
    @Patch(strategy: "merge", key: "type") @ListType("atomic")
    public var conditions: [JobCondition] = []
    public var startTime: Time?
    public var completionTime: Time?
    public var active: Int32?
    public var succeeded: Int32?
    public var failed: Int32?
    public var terminating: Int32?
    /// Indexes that completed, for an `Indexed` Job, as ranges text (`1,3-5,7`).
    public var completedIndexes: String?
    /// Indexes that failed, when `backoffLimitPerIndex` is set, as ranges text.
    public var failedIndexes: String?
    public var uncountedTerminatedPods: UncountedTerminatedPods?
    public var ready: Int32?
}

/// A condition of a `Job`: `Complete`, `Failed`, `Suspended`, `FailureTarget`, `SuccessCriteriaMet`.
@APIObject(.batch)
public struct JobCondition {
    public var type: String?
    public var status: String?
    public var lastProbeTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}

/// UIDs of finished pods the Job controller has not yet counted in its status.
@APIObject(.batch)
public struct UncountedTerminatedPods {
    @ListType("set")
    public var succeeded: [String] = []
    @ListType("set")
    public var failed: [String] = []
}
