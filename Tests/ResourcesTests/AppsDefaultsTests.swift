import Testing
@testable import Resources

@Suite struct AppsDefaultsTests {
    static func minimal<T: APIResource>(_ type: T.Type, _ kind: String) throws -> T {
        try JSONValue.parse("""
            {"apiVersion":"apps/v1","kind":"\(kind)","metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},
                                 "spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
            """).decode(T.self)
    }

    @Test func minimalDeploymentGetsTheDocumentedDefaults() throws {
        var d = try Self.minimal(Deployment.self, "Deployment")
        d.applyDefaults()
        let spec = try #require(d.spec)
        #expect(spec.replicas == 1)
        #expect(spec.strategy?.type == "RollingUpdate")
        #expect(spec.strategy?.rollingUpdate?.maxUnavailable == .string("25%"))
        #expect(spec.strategy?.rollingUpdate?.maxSurge == .string("25%"))
        #expect(spec.revisionHistoryLimit == 10)
        #expect(spec.progressDeadlineSeconds == 600)
        #expect(spec.paused == nil)
    }

    @Test func podTemplateGetsTheCorePodSpecDefaults() throws {
        var d = try Self.minimal(Deployment.self, "Deployment")
        d.applyDefaults()
        let pod = try #require(d.spec?.template?.spec)
        #expect(pod.restartPolicy == "Always")
        #expect(pod.dnsPolicy == "ClusterFirst")
        #expect(pod.schedulerName == "default-scheduler")
        #expect(pod.terminationGracePeriodSeconds == 30)
        #expect(pod.containers.first?.imagePullPolicy == "Always")
    }

    @Test func deploymentDefaultingKeepsWhatIsSet() throws {
        var d = try Self.minimal(Deployment.self, "Deployment")
        d.spec?.replicas = 0
        d.spec?.strategy = DeploymentStrategy(rollingUpdate: RollingUpdateDeployment(maxSurge: 2))
        d.spec?.revisionHistoryLimit = 0
        d.applyDefaults()
        #expect(d.spec?.replicas == 0)
        #expect(d.spec?.revisionHistoryLimit == 0)
        #expect(d.spec?.strategy?.type == "RollingUpdate")
        #expect(d.spec?.strategy?.rollingUpdate?.maxSurge == .int(2))
        #expect(d.spec?.strategy?.rollingUpdate?.maxUnavailable == .string("25%"))
    }

    @Test func recreateDeploymentGetsNoRollingUpdateBounds() throws {
        var d = try Self.minimal(Deployment.self, "Deployment")
        d.spec?.strategy = DeploymentStrategy(type: "Recreate")
        d.applyDefaults()
        #expect(d.spec?.strategy?.rollingUpdate == nil)
    }

    @Test func defaultingIsIdempotent() throws {
        var once = try Self.minimal(Deployment.self, "Deployment")
        once.applyDefaults()
        var twice = once
        twice.applyDefaults()
        #expect(once == twice)
    }

    @Test func minimalReplicaSetGetsOneReplica() throws {
        var rs = try Self.minimal(ReplicaSet.self, "ReplicaSet")
        rs.applyDefaults()
        #expect(rs.spec?.replicas == 1)
    }

    @Test func minimalStatefulSetGetsTheDocumentedDefaults() throws {
        var sts = try Self.minimal(StatefulSet.self, "StatefulSet")
        sts.applyDefaults()
        let spec = try #require(sts.spec)
        #expect(spec.replicas == 1)
        #expect(spec.podManagementPolicy == "OrderedReady")
        #expect(spec.updateStrategy == StatefulSetUpdateStrategy(
            type: "RollingUpdate", rollingUpdate: RollingUpdateStatefulSetStrategy(partition: 0)))
        #expect(spec.revisionHistoryLimit == 10)
        #expect(spec.persistentVolumeClaimRetentionPolicy == StatefulSetPersistentVolumeClaimRetentionPolicy(
            whenDeleted: "Retain", whenScaled: "Retain"))
    }

    @Test func statefulSetClaimTemplatesGetTheClaimDefaults() throws {
        var sts = try Self.minimal(StatefulSet.self, "StatefulSet")
        sts.spec?.volumeClaimTemplates = [PersistentVolumeClaim(metadata: ObjectMeta(name: "data"))]
        sts.applyDefaults()
        #expect(sts.spec?.volumeClaimTemplates.first?.spec?.volumeMode == "Filesystem")
        #expect(sts.spec?.volumeClaimTemplates.first?.status?.phase == "Pending")
        #expect(sts.spec?.template?.spec?.restartPolicy == "Always")
    }

    @Test func statefulSetOnDeleteStrategyGetsNoPartition() throws {
        var sts = try Self.minimal(StatefulSet.self, "StatefulSet")
        sts.spec?.updateStrategy = StatefulSetUpdateStrategy(type: "OnDelete")
        sts.applyDefaults()
        #expect(sts.spec?.updateStrategy == StatefulSetUpdateStrategy(type: "OnDelete"))
    }

    @Test func minimalDaemonSetGetsTheDocumentedDefaults() throws {
        var ds = try Self.minimal(DaemonSet.self, "DaemonSet")
        ds.applyDefaults()
        let spec = try #require(ds.spec)
        #expect(spec.updateStrategy?.type == "RollingUpdate")
        #expect(spec.updateStrategy?.rollingUpdate?.maxUnavailable == .int(1))
        #expect(spec.updateStrategy?.rollingUpdate?.maxSurge == .int(0))
        #expect(spec.revisionHistoryLimit == 10)
    }
}
