import CapstanTestKit
import Resources
import Scheduler
import SchedulingFramework
import Testing

/// A volume binding in flight is seen by the next cycle from both sides.
@Suite struct SchedulerCacheVolumeTests {
    @Test func anAssumedBindingTakesTheVolumeAndBindsTheClaimUntilForgotten() {
        let cache = SchedulerCache()
        cache.upsert(Fixtures.storageClass())
        cache.upsert(Fixtures.localVolume("v1", on: "a", size: "5Gi"))
        cache.upsert(Fixtures.claim("data"))
        let claim = ObjectReference(kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: "uid-data")
        cache.assumeVolume("v1", for: claim)

        let during = cache.snapshot().volumes
        #expect(during.volumes["v1"]?.spec?.claimRef?.name == "data", "the volume is taken")
        #expect(during.claim("default", "data")?.spec?.volumeName == "v1",
                "a second pod sharing the claim follows it to the same volume instead of binding another")

        cache.forgetVolume("v1")
        let after = cache.snapshot().volumes
        #expect(after.volumes["v1"]?.spec?.claimRef == nil)
        #expect(after.claim("default", "data")?.spec?.volumeName == nil)
    }
}
