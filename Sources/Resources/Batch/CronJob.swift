/// batch/v1 CronJob: creates Jobs from a template on a cron schedule.
@APIObject(.batch)
public struct CronJob: APIResource {
    public static let resourceType = ResourceType(
        group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", namespaced: true)

    public var apiVersion: String = "batch/v1"
    public var kind: String = "CronJob"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: CronJobSpec?
    public var status: CronJobStatus?
}

/// The schedule of a `CronJob` and the Job it creates.
@APIObject(.batch)
public struct CronJobSpec {
    /// Cron syntax (`*/5 * * * *`) or a macro such as `@hourly`.
    public var schedule: String?
    /// An IANA time zone name such as `Europe/Paris`; the controller's zone when absent.
    public var timeZone: String?
    public var startingDeadlineSeconds: Int64?
    /// `Allow`, `Forbid` or `Replace`.
    public var concurrencyPolicy: String?
    public var suspend: Bool?
    public var jobTemplate: JobTemplateSpec?
    public var successfulJobsHistoryLimit: Int32?
    public var failedJobsHistoryLimit: Int32?
}

/// The Job a `CronJob` creates: metadata and spec, as a Job would have them.
@APIObject(.batch)
public struct JobTemplateSpec {
    public var metadata: ObjectMeta?
    public var spec: JobSpec?
}

/// The observed state of a `CronJob`, written by its controller.
@APIObject(.batch)
public struct CronJobStatus {
    /// The Jobs it created that are still running.
    @ListType("atomic")
    public var active: [ObjectReference] = []
    public var lastScheduleTime: Time?
    public var lastSuccessfulTime: Time?
}
