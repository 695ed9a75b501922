import Testing
@testable import Resources

@Suite struct AppsRoundTripTests {
    static let deploymentText = #"""
    {
      "apiVersion": "apps/v1",
      "kind": "Deployment",
      "metadata": {"name": "web", "namespace": "shop", "generation": 3, "labels": {"app": "web"}},
      "spec": {
        "replicas": 3,
        "selector": {"matchLabels": {"app": "web"},
                     "matchExpressions": [{"key": "tier", "operator": "In", "values": ["frontend"]}]},
        "template": {
          "metadata": {"labels": {"app": "web", "tier": "frontend"}},
          "spec": {
            "containers": [{"name": "web", "image": "nginx:1.27", "ports": [{"containerPort": 80}],
                            "futureContainerField": "kept"}],
            "futurePodField": {"enabled": true}
          }
        },
        "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": "50%"}},
        "minReadySeconds": 5,
        "revisionHistoryLimit": 4,
        "paused": false,
        "progressDeadlineSeconds": 120
      },
      "status": {
        "observedGeneration": 3,
        "replicas": 3,
        "updatedReplicas": 3,
        "readyReplicas": 2,
        "availableReplicas": 2,
        "unavailableReplicas": 1,
        "collisionCount": 1,
        "conditions": [
          {"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable",
           "message": "Deployment does not have minimum availability.",
           "lastUpdateTime": "2024-05-01T12:00:00Z", "lastTransitionTime": "2024-05-01T11:59:00Z"},
          {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable",
           "lastUpdateTime": "2024-05-01T12:00:05Z", "lastTransitionTime": "2024-05-01T11:58:00Z"}
        ]
      }
    }
    """#

    @Test func deploymentDecodesToTypedValuesAndReencodesUnchanged() throws {
        let d = try JSONValue.parse(Self.deploymentText).decode(Deployment.self)
        let spec = try #require(d.spec)
        #expect(spec.replicas == 3)
        #expect(spec.selector?.matchLabels == ["app": "web"])
        #expect(spec.selector?.matchExpressions?.first?.values == ["frontend"])
        #expect(spec.template?.metadata.labels == ["app": "web", "tier": "frontend"])
        #expect(spec.strategy?.type == "RollingUpdate")
        #expect(spec.minReadySeconds == 5)
        #expect(spec.revisionHistoryLimit == 4)
        #expect(spec.paused == false)
        #expect(spec.progressDeadlineSeconds == 120)
        let status = try #require(d.status)
        #expect(status.observedGeneration == 3)
        #expect(status.readyReplicas == 2)
        #expect(status.unavailableReplicas == 1)
        #expect(status.collisionCount == 1)
        #expect(status.conditions.map(\.type) == ["Available", "Progressing"])
        #expect(status.conditions[0].lastUpdateTime == Time(rfc3339: "2024-05-01T12:00:00Z"))
        #expect(status.conditions[1].lastTransitionTime == Time(rfc3339: "2024-05-01T11:58:00Z"))
        #expect(try JSONValue(encoding: d) == JSONValue.parse(Self.deploymentText))
    }

    @Test func rollingUpdateBoundsDecodeAsIntegerOrPercent() throws {
        let d = try JSONValue.parse(Self.deploymentText).decode(Deployment.self)
        #expect(d.spec?.strategy?.rollingUpdate?.maxUnavailable == .int(0))
        #expect(d.spec?.strategy?.rollingUpdate?.maxSurge == .string("50%"))
        let encoded = try JSONValue(encoding: d)
        #expect(encoded["spec"]?["strategy"]?["rollingUpdate"]?["maxUnavailable"] == 0)
        #expect(encoded["spec"]?["strategy"]?["rollingUpdate"]?["maxSurge"] == "50%")
    }

    @Test func unknownFieldsInsideThePodTemplateSurvive() throws {
        let d = try JSONValue.parse(Self.deploymentText).decode(Deployment.self)
        let podSpec = try JSONValue(encoding: d)["spec"]?["template"]?["spec"]
        #expect(podSpec?["futurePodField"] == ["enabled": true])
        #expect(podSpec?["containers"]?.arrayValue?.first?["futureContainerField"] == "kept")
    }

    @Test func replicaSetRoundTrips() throws {
        let text = #"""
        {"apiVersion":"apps/v1","kind":"ReplicaSet",
         "metadata":{"name":"web-5d8f9c","namespace":"shop",
                     "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"u-1","controller":true}]},
         "spec":{"replicas":2,"minReadySeconds":3,"selector":{"matchLabels":{"app":"web","pod-template-hash":"5d8f9c"}},
                 "template":{"metadata":{"labels":{"app":"web","pod-template-hash":"5d8f9c"}},
                             "spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}},
         "status":{"replicas":2,"fullyLabeledReplicas":2,"readyReplicas":1,"availableReplicas":1,"observedGeneration":1,
                   "conditions":[{"type":"ReplicaFailure","status":"True","reason":"FailedCreate",
                                  "message":"quota exceeded","lastTransitionTime":"2024-05-01T12:00:00Z"}]}}
        """#
        let rs = try JSONValue.parse(text).decode(ReplicaSet.self)
        #expect(rs.spec?.replicas == 2)
        #expect(rs.spec?.minReadySeconds == 3)
        #expect(rs.status?.fullyLabeledReplicas == 2)
        #expect(rs.status?.conditions.first?.reason == "FailedCreate")
        #expect(try JSONValue(encoding: rs) == JSONValue.parse(text))
    }

    @Test func statefulSetRoundTripsWithClaimTemplatesAndOrdinals() throws {
        let text = #"""
        {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","namespace":"shop"},
         "spec":{"serviceName":"db","replicas":3,"selector":{"matchLabels":{"app":"db"}},
                 "template":{"metadata":{"labels":{"app":"db"}},
                             "spec":{"containers":[{"name":"postgres","image":"postgres:16"}]}},
                 "volumeClaimTemplates":[{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},
                     "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"10Gi"}}}}],
                 "podManagementPolicy":"Parallel",
                 "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1,"maxUnavailable":"50%"}},
                 "revisionHistoryLimit":5,"minReadySeconds":10,
                 "persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Delete","whenScaled":"Retain"},
                 "ordinals":{"start":1}},
         "status":{"observedGeneration":2,"replicas":3,"readyReplicas":3,"currentReplicas":2,"updatedReplicas":1,
                   "currentRevision":"db-6f7d","updateRevision":"db-8a9b","collisionCount":0,"availableReplicas":3,
                   "conditions":[{"type":"Healthy","status":"True","lastTransitionTime":"2024-05-01T12:00:00Z"}]}}
        """#
        let sts = try JSONValue.parse(text).decode(StatefulSet.self)
        let spec = try #require(sts.spec)
        #expect(spec.serviceName == "db")
        #expect(spec.volumeClaimTemplates.map(\.metadata.name) == ["data"])
        #expect(spec.podManagementPolicy == "Parallel")
        #expect(spec.updateStrategy?.rollingUpdate?.partition == 1)
        #expect(spec.updateStrategy?.rollingUpdate?.maxUnavailable == "50%")
        #expect(spec.persistentVolumeClaimRetentionPolicy?.whenDeleted == "Delete")
        #expect(spec.ordinals?.start == 1)
        #expect(sts.status?.currentRevision == "db-6f7d")
        #expect(sts.status?.updateRevision == "db-8a9b")
        #expect(sts.status?.collisionCount == 0)
        #expect(try JSONValue(encoding: sts) == JSONValue.parse(text))
    }

    @Test func daemonSetRoundTrips() throws {
        let text = #"""
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"node-exporter","namespace":"monitoring"},
         "spec":{"selector":{"matchLabels":{"app":"node-exporter"}},
                 "template":{"metadata":{"labels":{"app":"node-exporter"}},
                             "spec":{"hostNetwork":true,"containers":[{"name":"exporter","image":"prom/node-exporter:v1.8.0"}]}},
                 "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"10%","maxSurge":1}},
                 "minReadySeconds":2,"revisionHistoryLimit":3},
         "status":{"currentNumberScheduled":4,"numberMisscheduled":0,"desiredNumberScheduled":4,"numberReady":3,
                   "observedGeneration":1,"updatedNumberScheduled":4,"numberAvailable":3,"numberUnavailable":1,
                   "collisionCount":2}}
        """#
        let ds = try JSONValue.parse(text).decode(DaemonSet.self)
        #expect(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable == .string("10%"))
        #expect(ds.spec?.updateStrategy?.rollingUpdate?.maxSurge == .int(1))
        #expect(ds.status?.desiredNumberScheduled == 4)
        #expect(ds.status?.numberUnavailable == 1)
        #expect(ds.status?.numberMisscheduled == 0)
        #expect(try JSONValue(encoding: ds) == JSONValue.parse(text))
    }

    @Test func appsKindsNameTheirResourceTypes() {
        #expect(Deployment().apiVersion == Deployment.resourceType.apiVersion)
        #expect(Deployment().kind == Deployment.resourceType.kind)
        #expect(ReplicaSet.resourceType.description == "replicasets.apps/v1")
        #expect(StatefulSet.resourceType.plural == "statefulsets")
        #expect(DaemonSet.resourceType.plural == "daemonsets")
        #expect(ControllerRevision.resourceType.plural == "controllerrevisions")
        let types = [Deployment.resourceType, ReplicaSet.resourceType, StatefulSet.resourceType,
                     DaemonSet.resourceType, ControllerRevision.resourceType]
        #expect(types.filter { !$0.namespaced } == [])
    }
}
