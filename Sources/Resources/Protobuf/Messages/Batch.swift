// batch/v1 messages, with the field numbers of upstream's k8s.io/api/batch/v1/generated.proto.

extension CronJob: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension CronJobSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "schedule": .keepsZero(1), "startingDeadlineSeconds": .keepsZero(2),
        "concurrencyPolicy": 3, "suspend": .keepsZero(4), "jobTemplate": 5,
        "successfulJobsHistoryLimit": .keepsZero(6), "failedJobsHistoryLimit": .keepsZero(7),
        "timeZone": .keepsZero(8)
    ]
}

extension JobTemplateSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2]
}

extension CronJobStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "active": 1, "lastScheduleTime": 4, "lastSuccessfulTime": 5
    ]
}

extension Job: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension JobSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "parallelism": .keepsZero(1), "completions": .keepsZero(2),
        "activeDeadlineSeconds": .keepsZero(3), "selector": 4, "manualSelector": .keepsZero(5),
        "template": 6, "backoffLimit": .keepsZero(7), "ttlSecondsAfterFinished": .keepsZero(8),
        "completionMode": .keepsZero(9), "suspend": .keepsZero(10), "podFailurePolicy": 11,
        "backoffLimitPerIndex": .keepsZero(12), "maxFailedIndexes": .keepsZero(13),
        "podReplacementPolicy": .keepsZero(14), "managedBy": .keepsZero(15), "successPolicy": 16
    ]
}

extension JobStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "conditions": 1, "startTime": 2, "completionTime": 3, "active": 4, "succeeded": 5,
        "failed": 6, "completedIndexes": 7, "uncountedTerminatedPods": 8, "ready": .keepsZero(9),
        "failedIndexes": .keepsZero(10), "terminating": .keepsZero(11)
    ]
}

extension JobCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "lastProbeTime": 3,
        "lastTransitionTime": 4, "reason": 5, "message": 6
    ]
}

extension UncountedTerminatedPods: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["succeeded": 1, "failed": 2]
}

extension PodFailurePolicy: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["rules": 1]
}

extension PodFailurePolicyRule: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "action": .keepsZero(1), "onExitCodes": 2, "onPodConditions": 3
    ]
}

extension PodFailurePolicyOnExitCodesRequirement: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "containerName": .keepsZero(1), "operator": .keepsZero(2), "values": 3
    ]
}

extension PodFailurePolicyOnPodConditionsPattern: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2)
    ]
}

extension SuccessPolicy: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["rules": 1]
}

extension SuccessPolicyRule: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "succeededIndexes": .keepsZero(1), "succeededCount": .keepsZero(2)
    ]
}
