// apps/v1 messages, with the field numbers of upstream's k8s.io/api/apps/v1/generated.proto.

extension ControllerRevision: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "metadata": 1, "data": 2, "revision": .keepsZero(3)
    ]
}

extension DaemonSet: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension DaemonSetSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "selector": 1, "template": 2, "updateStrategy": 3, "minReadySeconds": 4,
        "revisionHistoryLimit": .keepsZero(6)
    ]
}

extension DaemonSetUpdateStrategy: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["type": 1, "rollingUpdate": 2]
}

extension RollingUpdateDaemonSet: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["maxUnavailable": 1, "maxSurge": 2]
}

extension DaemonSetStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "currentNumberScheduled": .keepsZero(1), "numberMisscheduled": .keepsZero(2),
        "desiredNumberScheduled": .keepsZero(3), "numberReady": .keepsZero(4),
        "observedGeneration": 5, "updatedNumberScheduled": 6, "numberAvailable": 7,
        "numberUnavailable": 8, "collisionCount": .keepsZero(9), "conditions": 10
    ]
}

extension DaemonSetCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "lastTransitionTime": 3, "reason": 4,
        "message": 5
    ]
}

extension Deployment: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension DeploymentSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "replicas": .keepsZero(1), "selector": 2, "template": 3, "strategy": 4,
        "minReadySeconds": 5, "revisionHistoryLimit": .keepsZero(6), "paused": 7,
        "progressDeadlineSeconds": .keepsZero(9)
    ]
}

extension DeploymentStrategy: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["type": 1, "rollingUpdate": 2]
}

extension RollingUpdateDeployment: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["maxUnavailable": 1, "maxSurge": 2]
}

extension DeploymentStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "observedGeneration": 1, "replicas": 2, "updatedReplicas": 3, "availableReplicas": 4,
        "unavailableReplicas": 5, "conditions": 6, "readyReplicas": 7,
        "collisionCount": .keepsZero(8)
    ]
}

extension DeploymentCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "reason": 4, "message": 5,
        "lastUpdateTime": 6, "lastTransitionTime": 7
    ]
}

extension ReplicaSet: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension ReplicaSetSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "replicas": .keepsZero(1), "selector": 2, "template": 3, "minReadySeconds": 4
    ]
}

extension ReplicaSetStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "replicas": .keepsZero(1), "fullyLabeledReplicas": 2, "observedGeneration": 3,
        "readyReplicas": 4, "availableReplicas": 5, "conditions": 6
    ]
}

extension ReplicaSetCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "lastTransitionTime": 3, "reason": 4,
        "message": 5
    ]
}

extension StatefulSet: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension StatefulSetSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "replicas": .keepsZero(1), "selector": 2, "template": 3, "volumeClaimTemplates": 4,
        "serviceName": .keepsZero(5), "podManagementPolicy": 6, "updateStrategy": 7,
        "revisionHistoryLimit": .keepsZero(8), "minReadySeconds": 9,
        "persistentVolumeClaimRetentionPolicy": 10, "ordinals": 11
    ]
}

extension StatefulSetUpdateStrategy: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["type": 1, "rollingUpdate": 2]
}

extension RollingUpdateStatefulSetStrategy: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "partition": .keepsZero(1), "maxUnavailable": 2
    ]
}

extension StatefulSetPersistentVolumeClaimRetentionPolicy: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["whenDeleted": 1, "whenScaled": 2]
}

extension StatefulSetOrdinals: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["start": .keepsZero(1)]
}

extension StatefulSetStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "observedGeneration": 1, "replicas": .keepsZero(2), "readyReplicas": 3,
        "currentReplicas": 4, "updatedReplicas": 5, "currentRevision": 6, "updateRevision": 7,
        "collisionCount": .keepsZero(9), "conditions": 10, "availableReplicas": .keepsZero(11)
    ]
}

extension StatefulSetCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "lastTransitionTime": 3, "reason": 4,
        "message": 5
    ]
}
