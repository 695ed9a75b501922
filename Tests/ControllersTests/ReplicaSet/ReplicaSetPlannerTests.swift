@testable import Controllers
import Foundation
import Resources
import Testing

@Suite struct ReplicaSetPlannerTests {
    static let now = Date(timeIntervalSince1970: 2_000_000)

    static func pod(_ name: String, node: String? = "n1", phase: String? = "Running", ready: Bool = true,
                    readySince: TimeInterval = 600, created: TimeInterval = 3600, restarts: Int32 = 0, deleting: Bool = false) -> Pod {
        var pod = Pod()
        pod.metadata.name = name
        pod.metadata.namespace = "default"
        pod.metadata.creationTimestamp = Time(now.addingTimeInterval(-created))
        if deleting { pod.metadata.deletionTimestamp = Time(now) }
        var spec = PodSpec()
        spec.nodeName = node
        pod.spec = spec
        var status = PodStatus()
        status.phase = phase
        status.conditions = [PodCondition(type: "Ready", status: ready ? "True" : "False",
                                          lastTransitionTime: Time(now.addingTimeInterval(-readySince)))]
        status.containerStatuses = [ContainerStatus(name: "c", ready: ready, restartCount: restarts)]
        pod.status = status
        return pod
    }

    @Test func deltaCountsOnlyActivePods() {
        let owned = [Self.pod("a"), Self.pod("b", deleting: true), Self.pod("c", phase: "Succeeded"), Self.pod("d", phase: "Failed")]
        #expect(ReplicaSetPlanner.replicaDelta(desired: 3, owned: owned) == 2)
        #expect(ReplicaSetPlanner.replicaDelta(desired: 0, owned: owned) == -1)
    }

    @Test func unscheduledPodsAreDeletedBeforeScheduledOnes() {
        let victims = ReplicaSetPlanner.podsToDelete([Self.pod("bound"), Self.pod("floating", node: nil, phase: "Pending")],
                                                     count: 1, now: Self.now)
        #expect(victims.map(\.name) == ["floating"])
    }

    @Test func pendingGoesBeforeRunningAndNotReadyBeforeReady() {
        let pods = [Self.pod("running-ready"), Self.pod("pending", phase: "Pending", ready: false),
                    Self.pod("running-unready", ready: false)]
        let order = ReplicaSetPlanner.podsToDelete(pods, count: 2, now: Self.now).map(\.name)
        #expect(order == ["pending", "running-unready"])
    }

    @Test func crowdedNodesAreThinnedFirst() {
        let pods = [Self.pod("alone", node: "n2"), Self.pod("crowd-1", node: "n1"), Self.pod("crowd-2", node: "n1")]
        let victim = ReplicaSetPlanner.podsToDelete(pods, count: 1, now: Self.now).map(\.name)
        #expect(victim.first?.hasPrefix("crowd") == true)
    }

    @Test func recentlyReadyThenMoreRestartsThenYoungestGoFirst() {
        #expect(ReplicaSetPlanner.podsToDelete([Self.pod("old-ready", readySince: 900), Self.pod("new-ready", node: "n2", readySince: 10)],
                                               count: 1, now: Self.now).map(\.name) == ["new-ready"])
        #expect(ReplicaSetPlanner.podsToDelete([Self.pod("steady"), Self.pod("flaky", node: "n2", restarts: 4)],
                                               count: 1, now: Self.now).map(\.name) == ["flaky"])
        #expect(ReplicaSetPlanner.podsToDelete([Self.pod("elder", created: 9000), Self.pod("youngster", node: "n2", created: 60)],
                                               count: 1, now: Self.now).map(\.name) == ["youngster"])
    }

    @Test func statusCountsReadyAndAvailableAfterMinReadySeconds() {
        var set = ReplicaSet()
        set.metadata.generation = 4
        var spec = ReplicaSetSpec()
        spec.minReadySeconds = 30
        set.spec = spec
        let owned = [Self.pod("long", readySince: 60), Self.pod("fresh", readySince: 5), Self.pod("unready", ready: false),
                     Self.pod("gone", deleting: true)]
        let status = ReplicaSetPlanner.status(of: set, owned: owned, now: Self.now)
        #expect(status.replicas == 3)
        #expect(status.readyReplicas == 2)
        #expect(status.availableReplicas == 1)
        #expect(status.observedGeneration == 4)
        // The fresh pod becomes available 25 s from now: the reconciler requeues for then.
        #expect(ReplicaSetPlanner.nextAvailability(of: set, owned: owned, now: Self.now) == Self.now.addingTimeInterval(25))
    }

    @Test func replicaFailureConditionKeepsItsTransitionTimeWhileTrue() {
        let first = ReplicaSetPlanner.withReplicaFailure(ReplicaSetStatus(), failure: ("FailedCreate", "quota"), now: Self.now)
        let again = ReplicaSetPlanner.withReplicaFailure(first, failure: ("FailedCreate", "quota again"),
                                                         now: Self.now.addingTimeInterval(60))
        #expect(again.conditions.count == 1)
        #expect(again.conditions[0].lastTransitionTime == Time(Self.now))
        #expect(again.conditions[0].message == "quota again")
        #expect(ReplicaSetPlanner.withReplicaFailure(again, failure: nil, now: Self.now).conditions.isEmpty)
    }
}
