/// apps/v1 StatefulSet: pods with stable identities and per-pod persistent volumes.
@APIObject(.apps)
public struct StatefulSet: APIResource {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true)

    public var apiVersion: String = "apps/v1"
    public var kind: String = "StatefulSet"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: StatefulSetSpec?
    public var status: StatefulSetStatus?
}

/// The desired state of a `StatefulSet`.
@APIObject(.apps)
public struct StatefulSetSpec {
    public var replicas: Int32?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    /// Claims each pod gets, named `<template>-<statefulset>-<ordinal>`.
    @ListType("atomic")
    public var volumeClaimTemplates: [PersistentVolumeClaim] = []
    /// The governing headless service that gives pods their network identity.
    public var serviceName: String?
    /// `OrderedReady` or `Parallel`.
    public var podManagementPolicy: String?
    public var updateStrategy: StatefulSetUpdateStrategy?
    public var revisionHistoryLimit: Int32?
    public var minReadySeconds: Int32?
    public var persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy?
    public var ordinals: StatefulSetOrdinals?
}

/// How a `StatefulSet` updates its pods: `RollingUpdate` or `OnDelete`.
@APIObject(.apps)
public struct StatefulSetUpdateStrategy {
    public var type: String?
    public var rollingUpdate: RollingUpdateStatefulSetStrategy?
}

/// The bounds of a `StatefulSet` rolling update: only ordinals at or above `partition` update.
@APIObject(.apps)
public struct RollingUpdateStatefulSetStrategy {
    public var partition: Int32?
    public var maxUnavailable: IntOrString?
}

/// What happens to the claims from `volumeClaimTemplates` when the set is deleted or scaled
/// down: `Retain` or `Delete`.
@APIObject(.apps)
public struct StatefulSetPersistentVolumeClaimRetentionPolicy {
    public var whenDeleted: String?
    public var whenScaled: String?
}

/// The ordinal numbering of a `StatefulSet`'s pods.
@APIObject(.apps)
public struct StatefulSetOrdinals {
    /// The first ordinal; 0 when absent.
    public var start: Int32?
}

/// The observed state of a `StatefulSet`, written by its controller.
@APIObject(.apps)
public struct StatefulSetStatus {
    public var observedGeneration: Int64?
    public var replicas: Int32?
    public var readyReplicas: Int32?
    public var currentReplicas: Int32?
    public var updatedReplicas: Int32?
    public var currentRevision: String?
    public var updateRevision: String?
    public var collisionCount: Int32?
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [StatefulSetCondition] = []
    public var availableReplicas: Int32?
}

/// A condition of a `StatefulSet`.
@APIObject(.apps)
public struct StatefulSetCondition {
    public var type: String?
    public var status: String?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}
