// Defaulting of apps/v1 objects, as the Kubernetes API server applies it on create and update
// (pkg/apis/apps/v1/defaults.go, with today's default feature gates). Each function fills only
// what is unset and is idempotent; the pod template gets the core PodSpec defaults. Where
// upstream tests a Go string (not a pointer) against "", absent and "" both count as unset here.

extension Deployment: Defaultable {
    /// Fills unset fields: 1 replica, a `RollingUpdate` strategy of 25% unavailable and 25% surge,
    /// 10 kept revisions, a 600-second progress deadline, and the pod template's defaults.
    public mutating func applyDefaults() {
        var spec = self.spec ?? DeploymentSpec()
        if spec.replicas == nil { spec.replicas = 1 }
        var strategy = spec.strategy ?? DeploymentStrategy()
        if strategy.type == nil || strategy.type == "" { strategy.type = "RollingUpdate" }
        if strategy.type == "RollingUpdate" {
            var rollingUpdate = strategy.rollingUpdate ?? RollingUpdateDeployment()
            if rollingUpdate.maxUnavailable == nil { rollingUpdate.maxUnavailable = "25%" }
            if rollingUpdate.maxSurge == nil { rollingUpdate.maxSurge = "25%" }
            strategy.rollingUpdate = rollingUpdate
        }
        spec.strategy = strategy
        if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
        if spec.progressDeadlineSeconds == nil { spec.progressDeadlineSeconds = 600 }
        spec.template?.applyDefaults()
        self.spec = spec
    }
}

extension ReplicaSet: Defaultable {
    /// Fills unset fields: 1 replica, and the pod template's defaults.
    public mutating func applyDefaults() {
        var spec = self.spec ?? ReplicaSetSpec()
        if spec.replicas == nil { spec.replicas = 1 }
        spec.template?.applyDefaults()
        self.spec = spec
    }
}

extension StatefulSet: Defaultable {
    /// Fills unset fields: 1 replica, `OrderedReady` pod management, a `RollingUpdate` strategy
    /// from partition 0, 10 kept revisions, claims retained on deletion and on scale-down,
    /// and the defaults of the pod template and of the claim templates (which, as upstream,
    /// include a `Pending` status phase).
    public mutating func applyDefaults() {
        var spec = self.spec ?? StatefulSetSpec()
        if spec.podManagementPolicy == nil || spec.podManagementPolicy == "" {
            spec.podManagementPolicy = "OrderedReady"
        }
        var strategy = spec.updateStrategy ?? StatefulSetUpdateStrategy()
        if strategy.type == nil || strategy.type == "" {
            strategy.type = "RollingUpdate"
            if strategy.rollingUpdate == nil { strategy.rollingUpdate = RollingUpdateStatefulSetStrategy() }
        }
        // As upstream: an explicit `RollingUpdate` without `rollingUpdate` stays without it.
        // `maxUnavailable` is defaulted only under the MaxUnavailableStatefulSet gate, off by default.
        if strategy.type == "RollingUpdate", strategy.rollingUpdate != nil, strategy.rollingUpdate?.partition == nil {
            strategy.rollingUpdate?.partition = 0
        }
        spec.updateStrategy = strategy
        var retention = spec.persistentVolumeClaimRetentionPolicy ?? StatefulSetPersistentVolumeClaimRetentionPolicy()
        if retention.whenDeleted == nil || retention.whenDeleted == "" { retention.whenDeleted = "Retain" }
        if retention.whenScaled == nil || retention.whenScaled == "" { retention.whenScaled = "Retain" }
        spec.persistentVolumeClaimRetentionPolicy = retention
        if spec.replicas == nil { spec.replicas = 1 }
        if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
        spec.template?.applyDefaults()
        for i in spec.volumeClaimTemplates.indices { spec.volumeClaimTemplates[i].applyDefaults() }
        self.spec = spec
    }
}

extension DaemonSet: Defaultable {
    /// Fills unset fields: a `RollingUpdate` strategy of 1 unavailable and 0 surge, 10 kept
    /// revisions, and the pod template's defaults.
    public mutating func applyDefaults() {
        var spec = self.spec ?? DaemonSetSpec()
        var strategy = spec.updateStrategy ?? DaemonSetUpdateStrategy()
        if strategy.type == nil || strategy.type == "" { strategy.type = "RollingUpdate" }
        if strategy.type == "RollingUpdate" {
            var rollingUpdate = strategy.rollingUpdate ?? RollingUpdateDaemonSet()
            if rollingUpdate.maxUnavailable == nil { rollingUpdate.maxUnavailable = 1 }
            if rollingUpdate.maxSurge == nil { rollingUpdate.maxSurge = 0 }
            strategy.rollingUpdate = rollingUpdate
        }
        spec.updateStrategy = strategy
        if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
        spec.template?.applyDefaults()
        self.spec = spec
    }
}
