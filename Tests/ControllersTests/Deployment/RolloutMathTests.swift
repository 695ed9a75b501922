import CapstanTestKit
@testable import Controllers
import Foundation
import Resources
import Testing

@Suite struct RolloutMathTests {
    static func deployment(replicas: Int32 = 10, surge: IntOrString? = nil, unavailable: IntOrString? = nil,
                           recreate: Bool = false) -> Deployment {
        var deployment = Deployment()
        var spec = DeploymentSpec()
        spec.replicas = replicas
        var strategy = DeploymentStrategy()
        strategy.type = recreate ? "Recreate" : "RollingUpdate"
        if !recreate { strategy.rollingUpdate = RollingUpdateDeployment(maxUnavailable: unavailable, maxSurge: surge) }
        spec.strategy = strategy
        deployment.spec = spec
        return deployment
    }

    static func set(_ name: String, replicas: Int32, available: Int32, age: TimeInterval = 0) -> ReplicaSet {
        var set = ReplicaSet()
        set.metadata.name = name
        set.metadata.creationTimestamp = Time(secondsSince1970: 1_000_000 - age)
        var spec = ReplicaSetSpec()
        spec.replicas = replicas
        set.spec = spec
        var status = ReplicaSetStatus()
        status.replicas = replicas
        status.availableReplicas = available
        set.status = status
        return set
    }

    @Test func percentagesRoundSurgeUpAndUnavailabilityDown() {
        #expect(RolloutMath.resolve("25%", total: 10, roundUp: true) == 3)
        #expect(RolloutMath.resolve("25%", total: 10, roundUp: false) == 2)
        #expect(RolloutMath.resolve(4, total: 10, roundUp: false) == 4)
        #expect(RolloutMath.resolve("bogus", total: 10, roundUp: true) == 0)
    }

    @Test func zeroSurgeAndZeroUnavailabilityStillAllowOnePodDown() {
        let bounds = RolloutMath.fenceposts(RollingUpdateDeployment(maxUnavailable: 0, maxSurge: 0), desired: 3)
        #expect(bounds.surge == 0)
        #expect(bounds.unavailable == 1)
    }

    @Test func newSetGrowsOnlyAsFarAsTheSurgeAllows() {
        let deployment = Self.deployment(replicas: 10)
        let old = Self.set("old", replicas: 10, available: 10, age: 100)
        let new = Self.set("new", replicas: 0, available: 0)
        #expect(RolloutMath.newSetReplicas(deployment, all: [old, new], new: new) == 3)
        let grown = Self.set("new", replicas: 3, available: 0)
        #expect(RolloutMath.newSetReplicas(deployment, all: [old, grown], new: grown) == 3, "no room above desired + surge")
        #expect(RolloutMath.newSetReplicas(Self.deployment(replicas: 10, recreate: true), all: [old, new], new: new) == 10)
    }

    @Test func oldSetsShrinkOnlyWhileEnoughPodsStayAvailable() {
        let deployment = Self.deployment(replicas: 10)
        let old = Self.set("old", replicas: 10, available: 10, age: 100)
        // The new set holds 3 unready pods: 8 must stay available, so 2 old pods may go.
        let step = RolloutMath.scaleDownOld(deployment, new: Self.set("new", replicas: 3, available: 0), old: [old])
        #expect(step.map { $0.spec?.replicas } == [8])
        // With the new pods available, the old set may go as low as availability allows.
        let later = RolloutMath.scaleDownOld(deployment, new: Self.set("new", replicas: 5, available: 5), old: [Self.set("old", replicas: 8, available: 8, age: 100)])
        #expect(later.map { $0.spec?.replicas } == [3])
    }

    @Test func unavailableOldPodsAreShedBeforeAvailableOnes() {
        let deployment = Self.deployment(replicas: 4, surge: 1, unavailable: 0)
        let broken = Self.set("broken", replicas: 2, available: 0, age: 200)
        let healthy = Self.set("healthy", replicas: 3, available: 3, age: 100)
        let new = Self.set("new", replicas: 0, available: 0)
        let step = RolloutMath.scaleDownOld(deployment, new: new, old: [broken, healthy])
        #expect(step.map { $0.spec?.replicas } == [1, 3], "one unavailable pod fits the budget; no available pod may go")
    }

    @Test func resizingMidRolloutSharesTheChangeInProportion() {
        let deployment = Self.deployment(replicas: 20)
        let old = Self.set("old", replicas: 8, available: 8, age: 100)
        let new = Self.set("new", replicas: 5, available: 5)
        let scaled = RolloutMath.proportionalScale(deployment, new: new, old: [old])
        // desired 20 + surge 5 = 25 allowed; 12 more shared 8:5, the rounding remainder to the larger set.
        #expect(scaled.map { $0.spec?.replicas } == [16, 9])
    }

    @Test func resizingWithOneActiveSetGivesItTheDesiredSize() {
        let scaled = RolloutMath.proportionalScale(Self.deployment(replicas: 7), new: Self.set("new", replicas: 3, available: 3),
                                                   old: [Self.set("old", replicas: 0, available: 0, age: 10)])
        #expect(scaled.map { $0.spec?.replicas } == [0, 7])
    }
}

/// Templates compared as Kubernetes' typed comparison does.
@Suite struct TemplateSemanticsTests {
    @Test func emptyResourcesAndAbsentResourcesAreTheSameTemplateAndHash() {
        let bare = Fixtures.podTemplate(app: "web", image: "registry.local/web:v1")
        var typed = bare
        typed.spec?.containers[0].resources = ResourceRequirements()
        #expect(TemplateHash.same(bare, typed))
        #expect(TemplateHash.hash(bare, collisionCount: nil) == TemplateHash.hash(typed, collisionCount: nil))
        var other = bare
        other.spec?.containers[0].image = "registry.local/web:v2"
        #expect(!TemplateHash.same(bare, other))
        #expect(TemplateHash.hash(bare, collisionCount: nil) != TemplateHash.hash(other, collisionCount: nil))
    }
}
