import CapstanTestKit
import Client
import Foundation
import Testing

@Suite struct WorkQueueTests {
    @Test func itemAddedTwiceWhileWaitingIsHandedOutOnce() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        await queue.add("a")
        await queue.add("a")
        await queue.add("b")
        #expect(await queue.depth == 2)
        #expect(await queue.next() == "a")
        #expect(await queue.next() == "b")
        #expect(await queue.depth == 0)
    }

    @Test func itemAddedWhileHeldIsQueuedAgainOnlyAfterDone() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        await queue.add("a")
        let held = await queue.next()
        await queue.add("a")
        #expect(await queue.depth == 0, "a second worker must not get an item that is being processed")
        await queue.done(held!)
        #expect(await queue.depth == 1)
        #expect(await queue.next() == "a")
    }

    @Test func waitingWorkerReceivesTheNextAdd() async {
        let queue = WorkQueue<Int>(clock: ManualClock())
        let worker = Task { await queue.next() }
        #expect(await eventually { await queue.depth == 0 })
        try? await Task.sleep(for: .milliseconds(10))
        await queue.add(7)
        #expect(await worker.value == 7)
    }

    @Test func delayedAddWaitsForTheClock() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("later", after: .seconds(10))
        #expect(await eventually { clock.sleeperCount == 1 })
        #expect(await queue.depth == 0)
        #expect(await queue.delayed == 1)
        clock.advance(by: .seconds(9))
        try? await Task.sleep(for: .milliseconds(20))
        #expect(await queue.depth == 0)
        clock.advance(by: .seconds(1))
        #expect(await eventually { await queue.depth == 1 })
        #expect(await queue.delayed == 0)
    }

    @Test func aDelayIsCountedFromTheAddEvenWhenTheClockMovesBeforeTheTimerStarts() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("due", after: .seconds(10))
        // Most likely before the timer's task has even started sleeping.
        clock.advance(by: .seconds(10))
        #expect(await eventually { await queue.depth == 1 }, "due 10 s after the add, not 10 s after the timer started")
    }

    @Test func earlierDelayReplacesALaterOne() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("x", after: .seconds(60))
        await queue.add("x", after: .seconds(5))
        await queue.add("x", after: .seconds(30))
        #expect(await queue.delayed == 1)
        // The timer's sleep starts on its own task: advance only once it sleeps.
        #expect(await eventually { clock.sleeperCount == 1 })
        clock.advance(by: .seconds(5))
        #expect(await eventually { await queue.depth == 1 })
    }

    @Test func shutDownReleasesWaitingWorkersWithNil() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        let worker = Task { await queue.next() }
        try? await Task.sleep(for: .milliseconds(10))
        await queue.shutDown()
        #expect(await worker.value == nil)
        await queue.add("ignored")
        #expect(await queue.depth == 0)
    }
}

@Suite struct RateLimiterTests {
    @Test func perItemDelayDoublesFromTheBaseAndStopsAtTheMaximum() {
        let limiter = RateLimiter<String>(.init(baseDelay: .milliseconds(5), maxDelay: .seconds(1), tokensPerSecond: 1000, burst: 1000))
        let now = Date()
        let delays = (0..<10).map { _ in limiter.delay(for: "a", now: now) }
        #expect(delays[0] == .milliseconds(5))
        #expect(delays[1] == .milliseconds(10))
        #expect(delays[2] == .milliseconds(20))
        #expect(delays[9] == .seconds(1))
        #expect(limiter.failures(of: "a") == 10)
        #expect(limiter.delay(for: "b", now: now) == .milliseconds(5), "another item has its own back-off")
    }

    @Test func forgetRestartsTheBackOff() {
        let limiter = RateLimiter<String>()
        let now = Date()
        for _ in 0..<5 { _ = limiter.delay(for: "a", now: now) }
        limiter.forget("a")
        #expect(limiter.failures(of: "a") == 0)
        #expect(limiter.delay(for: "a", now: now) == .milliseconds(5))
    }

    @Test func tokenBucketSpacesRetriesBeyondTheBurst() {
        let limiter = RateLimiter<Int>(.init(baseDelay: .zero, maxDelay: .seconds(1), tokensPerSecond: 10, burst: 3))
        let now = Date()
        let delays = (0..<5).map { limiter.delay(for: $0, now: now) }
        #expect(delays[0...2].allSatisfy { $0 == .zero })
        #expect(abs(delays[3].seconds - 0.1) < 1e-9)
        #expect(abs(delays[4].seconds - 0.2) < 1e-9)
        // A second later the bucket has refilled.
        #expect(limiter.delay(for: 99, now: now.addingTimeInterval(1)) == .zero)
    }
}
