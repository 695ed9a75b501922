import Client
import Foundation
import Resources
@testable import Scheduler
import Testing

@Suite struct SchedulingQueueTests {
    static let start = Date(timeIntervalSince1970: 1_000_000)

    static func pod(_ name: String, priority: Int32? = nil, cpu: String? = nil) -> Pod {
        var pod = Pod()
        pod.metadata.name = name
        pod.metadata.namespace = "default"
        pod.metadata.uid = "uid-\(name)"
        var container = Container()
        container.name = "main"
        if let cpu { container.resources = ResourceRequirements(requests: ["cpu": Quantity(cpu)]) }
        var spec = PodSpec()
        spec.containers = [container]
        spec.priority = priority
        pod.spec = spec
        return pod
    }

    static func take(_ queue: inout SchedulingQueue, now: Date) throws -> QueuedPod {
        let popped = queue.pop(now: now)
        return try #require(popped)
    }

    static func names(_ queue: inout SchedulingQueue, at now: Date) -> [String] {
        var names: [String] = []
        while let next = queue.pop(now: now) { names.append(next.key.name) }
        return names
    }

    @Test func higherPriorityGoesFirstThenArrivalOrder() {
        var queue = SchedulingQueue()
        queue.add(Self.pod("low-1"), now: Self.start)
        queue.add(Self.pod("high", priority: 1000), now: Self.start.addingTimeInterval(1))
        queue.add(Self.pod("low-2"), now: Self.start.addingTimeInterval(2))
        queue.add(Self.pod("negative", priority: -5), now: Self.start)
        #expect(Self.names(&queue, at: Self.start) == ["high", "low-1", "low-2", "negative"])
    }

    @Test func anUnschedulablePodWaitsForAClusterEventAndThenForItsBackoff() throws {
        var queue = SchedulingQueue()
        queue.add(Self.pod("big"), now: Self.start)
        let first = try Self.take(&queue, now: Self.start)
        queue.requeueUnschedulable(first, now: Self.start)
        #expect(queue.counts.unschedulable == 1)
        queue.flush(now: Self.start.addingTimeInterval(60))
        #expect(queue.pop(now: Self.start.addingTimeInterval(60)) == nil, "no event came, and 5 minutes have not passed")

        queue.moveAllToActiveOrBackoff(now: Self.start.addingTimeInterval(0.5))
        #expect(queue.counts.backoff == 1, "a node arrived within the 1 s back-off of the first attempt")
        queue.flush(now: Self.start.addingTimeInterval(0.9))
        #expect(queue.pop(now: Self.start.addingTimeInterval(0.9)) == nil)
        queue.flush(now: Self.start.addingTimeInterval(1))
        #expect(queue.pop(now: Self.start.addingTimeInterval(1))?.key.name == "big")
    }

    @Test func backoffDoublesFromOneSecondToTenAtMost() throws {
        var queue = SchedulingQueue()
        queue.add(Self.pod("flaky"), now: Self.start)
        var expiries: [TimeInterval] = []
        var now = Self.start
        for _ in 0..<6 {
            let popped = try Self.take(&queue, now: now)
            queue.requeueAfterError(popped, now: now)
            let expiry = try #require(queue.nextBackoffExpiry)
            expiries.append(expiry.timeIntervalSince(now))
            now = expiry
            queue.flush(now: now)
        }
        #expect(expiries == [1, 2, 4, 8, 10, 10])
    }

    @Test func anEventDuringTheCycleSendsAFailedPodToBackoffNotToTheUnschedulablePods() throws {
        var queue = SchedulingQueue()
        queue.add(Self.pod("racing"), now: Self.start)
        let popped = try Self.take(&queue, now: Self.start)
        queue.moveAllToActiveOrBackoff(now: Self.start)
        queue.requeueUnschedulable(popped, now: Self.start)
        #expect(queue.counts.backoff == 1, "the node that arrived mid-cycle may fit it: try again")
        #expect(queue.counts.unschedulable == 0)
    }

    @Test func unschedulablePodsAreRetriedAfterFiveMinutesWithoutAnEvent() throws {
        var queue = SchedulingQueue()
        queue.add(Self.pod("stuck"), now: Self.start)
        queue.requeueUnschedulable(try Self.take(&queue, now: Self.start), now: Self.start)
        let later = Self.start.addingTimeInterval(SchedulingQueue.unschedulableTimeout)
        queue.flush(now: later)
        #expect(queue.pop(now: later)?.key.name == "stuck")
    }

    @Test func aChangedUnschedulablePodIsRetriedAndADeletedOneLeaves() throws {
        var queue = SchedulingQueue()
        queue.add(Self.pod("resized", cpu: "64"), now: Self.start)
        queue.add(Self.pod("gone"), now: Self.start)
        for _ in 0..<2 { queue.requeueUnschedulable(try Self.take(&queue, now: Self.start), now: Self.start) }
        queue.add(Self.pod("resized", cpu: "1"), now: Self.start.addingTimeInterval(5))
        queue.delete(ObjectKey(namespace: "default", name: "gone"))
        #expect(queue.counts.unschedulable == 0)
        let retried = try Self.take(&queue, now: Self.start.addingTimeInterval(5))
        #expect(retried.key.name == "resized")
        #expect(retried.pod.spec?.containers.first?.resources?.requests["cpu"] == Quantity("1"), "the queue keeps the latest version")
        #expect(!queue.contains(ObjectKey(namespace: "default", name: "gone")))
    }

    @Test func aPodUpdatedWhileInFlightIsRequeuedAsItNowIs() throws {
        var queue = SchedulingQueue()
        queue.add(Self.pod("moving", cpu: "64"), now: Self.start)
        let popped = try Self.take(&queue, now: Self.start)
        queue.add(Self.pod("moving", cpu: "1"), now: Self.start)
        #expect(queue.counts.active == 0, "one cycle per pod at a time")
        queue.requeueUnschedulable(popped, now: Self.start)
        queue.flush(now: Self.start.addingTimeInterval(1))
        let again = try Self.take(&queue, now: Self.start.addingTimeInterval(1))
        #expect(again.pod.spec?.containers.first?.resources?.requests["cpu"] == Quantity("1"))
        #expect(again.attempts == 2)
    }
}
