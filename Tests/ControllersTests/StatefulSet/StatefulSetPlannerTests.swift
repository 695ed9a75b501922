import CapstanTestKit
@testable import Controllers
import Foundation
import Resources
import Testing

@Suite struct StatefulSetPlannerTests {
    static let now = Date(timeIntervalSince1970: 2_000_000)

    static func set(replicas: Int32, parallel: Bool = false, partition: Int32? = nil, onDelete: Bool = false) -> StatefulSet {
        var set = Fixtures.statefulSet("db", replicas: replicas, podManagementPolicy: parallel ? "Parallel" : "OrderedReady",
                                       partition: partition, claims: true)
        if onDelete { set.spec?.updateStrategy = StatefulSetUpdateStrategy(type: "OnDelete") }
        return set
    }

    static func pod(_ ordinal: Int, revision: String = "db-v1", phase: String = "Running", ready: Bool = true,
                    deleting: Bool = false) -> Pod {
        var pod = StatefulSetPlanner.makePod(set(replicas: 1), ordinal: ordinal, template: Fixtures.podTemplate(app: "db", image: "db:1"),
                                             revision: revision)
        if deleting { pod.metadata.deletionTimestamp = Time(now) }
        var status = PodStatus()
        status.phase = phase
        status.conditions = [PodCondition(type: "Ready", status: ready ? "True" : "False",
                                          lastTransitionTime: Time(now.addingTimeInterval(-60)))]
        pod.status = status
        return pod
    }

    static func plan(_ set: StatefulSet, _ pods: [Pod], current: String = "db-v1", update: String = "db-v1") -> [StatefulSetPlanner.Action] {
        StatefulSetPlanner.plan(set, pods: pods, current: current, update: update, now: now).actions
    }

    @Test func orderedReadyCreatesTheNextOrdinalOnlyOnceTheOnesBelowAreReady() {
        let set = Self.set(replicas: 3)
        #expect(Self.plan(set, []) == [.create(ordinal: 0, revision: "db-v1")])
        #expect(Self.plan(set, [Self.pod(0, ready: false)]).isEmpty, "waits for db-0 to be ready")
        #expect(Self.plan(set, [Self.pod(0, phase: "Pending", ready: false)]).isEmpty)
        #expect(Self.plan(set, [Self.pod(0)]) == [.create(ordinal: 1, revision: "db-v1")])
        #expect(Self.plan(set, [Self.pod(0), Self.pod(1)]) == [.create(ordinal: 2, revision: "db-v1")])
        #expect(Self.plan(set, [Self.pod(0), Self.pod(1), Self.pod(2)]).isEmpty)
    }

    @Test func parallelCreatesEveryMissingOrdinalAtOnce() {
        let set = Self.set(replicas: 3, parallel: true)
        #expect(Self.plan(set, [Self.pod(1, ready: false)]) == [.create(ordinal: 0, revision: "db-v1"), .create(ordinal: 2, revision: "db-v1")])
    }

    @Test func scaleDownRemovesTheHighestOrdinalFirstOneAtATime() {
        let set = Self.set(replicas: 1)
        let pods = [Self.pod(0), Self.pod(1), Self.pod(2)]
        #expect(Self.plan(set, pods) == [.delete(name: "db-2", uid: nil, condemned: true)])
        #expect(Self.plan(set, [Self.pod(0), Self.pod(1), Self.pod(2, deleting: true)]).isEmpty, "waits for db-2 to go")
        #expect(Self.plan(Self.set(replicas: 1, parallel: true), pods)
            == [.delete(name: "db-2", uid: nil, condemned: true), .delete(name: "db-1", uid: nil, condemned: true)])
    }

    @Test func aFailedPodIsDeletedToBeCreatedAgainWithItsIdentity() {
        let set = Self.set(replicas: 2)
        #expect(Self.plan(set, [Self.pod(0, phase: "Failed", ready: false), Self.pod(1)]) == [.delete(name: "db-0", uid: nil, condemned: false)])
        #expect(Self.plan(set, [Self.pod(1)]) == [.create(ordinal: 0, revision: "db-v1")])
    }

    @Test func rollingUpdateReplacesFromTheHighestOrdinalDownToThePartition() {
        let set = Self.set(replicas: 3, partition: 1)
        let old = [Self.pod(0), Self.pod(1), Self.pod(2)]
        #expect(Self.plan(set, old, update: "db-v2") == [.delete(name: "db-2", uid: nil, condemned: false)])
        #expect(Self.plan(set, [Self.pod(0), Self.pod(1), Self.pod(2, revision: "db-v2", ready: false)], update: "db-v2").isEmpty,
                "waits for the replaced pod to be ready")
        #expect(Self.plan(set, [Self.pod(0), Self.pod(1), Self.pod(2, revision: "db-v2")], update: "db-v2")
            == [.delete(name: "db-1", uid: nil, condemned: false)])
        #expect(Self.plan(set, [Self.pod(0), Self.pod(1, revision: "db-v2"), Self.pod(2, revision: "db-v2")], update: "db-v2").isEmpty,
                "the partition keeps db-0 at the current revision")
    }

    @Test func podsBelowThePartitionAreCreatedAtTheCurrentRevision() {
        let set = Self.set(replicas: 2, partition: 1, onDelete: false)
        #expect(Self.plan(set, [Self.pod(1, revision: "db-v2")], update: "db-v2") == [.create(ordinal: 0, revision: "db-v1")])
        #expect(Self.plan(set, [Self.pod(0)], update: "db-v2") == [.create(ordinal: 1, revision: "db-v2")])
    }

    @Test func onDeleteReplacesNothingButCreatesAtTheUpdateRevision() {
        let set = Self.set(replicas: 2, onDelete: true)
        #expect(Self.plan(set, [Self.pod(0), Self.pod(1)], update: "db-v2").isEmpty)
        #expect(Self.plan(set, [Self.pod(0)], update: "db-v2") == [.create(ordinal: 1, revision: "db-v2")])
    }

    @Test func podsHaveStableIdentitiesAndTheirClaims() {
        let set = Self.set(replicas: 3)
        let pod = StatefulSetPlanner.makePod(set, ordinal: 2, template: set.spec!.template!, revision: "db-v1")
        #expect(pod.name == "db-2")
        #expect(pod.spec?.hostname == "db-2")
        #expect(pod.spec?.subdomain == "db")
        #expect(pod.metadata.labels?["statefulset.kubernetes.io/pod-name"] == "db-2")
        #expect(pod.metadata.labels?["apps.kubernetes.io/pod-index"] == "2")
        #expect(pod.metadata.labels?["controller-revision-hash"] == "db-v1")
        #expect(pod.spec?.volumes.first { $0.name == "data" }?.persistentVolumeClaim?.claimName == "data-db-2")
        let claims = StatefulSetPlanner.claims(set, ordinal: 2)
        #expect(claims.map(\.name) == ["data-db-2"])
        #expect(claims.first?.metadata.labels?["app"] == "db")
        #expect(claims.first?.metadata.ownerReferences == nil, "claims are retained by default")
    }

    @Test func theCurrentRevisionCatchesUpOnceEveryPodRunsTheUpdateAndIsReady() {
        let set = Self.set(replicas: 2)
        let rolling = StatefulSetPlanner.status(set, pods: [Self.pod(0), Self.pod(1, revision: "db-v2")],
                                                current: "db-v1", update: "db-v2", collisionCount: nil, now: Self.now)
        #expect(rolling.currentRevision == "db-v1")
        #expect(rolling.currentReplicas == 1)
        #expect(rolling.updatedReplicas == 1)
        #expect(rolling.readyReplicas == 2)
        let done = StatefulSetPlanner.status(set, pods: [Self.pod(0, revision: "db-v2"), Self.pod(1, revision: "db-v2")],
                                             current: "db-v1", update: "db-v2", collisionCount: nil, now: Self.now)
        #expect(done.currentRevision == "db-v2")
        #expect(done.currentReplicas == 2)
    }

    @Test func revisionsRestoreTheirTemplateAndTheOldestUnusedArePruned() {
        let set = Self.set(replicas: 1)
        var template = set.spec!.template!
        let first = RevisionHistory.makeRevision(owner: set, template: template, number: 1, collisionCount: nil)
        template.spec?.containers[0].image = "db:2"
        let second = RevisionHistory.makeRevision(owner: set, template: template, number: 2, collisionCount: nil)
        #expect(first.name != second.name)
        #expect(first.metadata.labels?["app"] == "db", "found by the owner's selector")
        #expect(RevisionHistory.template(of: second)?.spec?.containers.first?.image == "db:2")
        #expect(RevisionHistory.matching(set.spec?.template, among: [first, second])?.name == first.name)
        let third = RevisionHistory.makeRevision(owner: set, template: Fixtures.podTemplate(app: "db", image: "db:3"), number: 3, collisionCount: nil)
        #expect(RevisionHistory.toPrune([first, second, third], limit: 1, live: [third.name]).map(\.name) == [first.name])
    }
}
