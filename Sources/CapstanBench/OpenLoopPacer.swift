/// Issues `count` operations at `rate` per second from a fixed schedule, each in its own task,
/// whether or not earlier ones have finished (open loop: a slow server builds a backlog instead
/// of slowing the load). `operation` gets the index and the instant it was scheduled for.
struct OpenLoopPacer: Sendable {
    var count: Int
    var rate: Int

    func run(_ operation: @escaping @Sendable (_ index: Int, _ scheduled: ContinuousClock.Instant) async -> Void) async throws {
        let clock = ContinuousClock()
        let interval = Duration.seconds(1) / max(rate, 1)
        let start = clock.now + .milliseconds(20)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                let scheduled = start + interval * index
                try await clock.sleep(until: scheduled)
                group.addTask { await operation(index, scheduled) }
            }
            try await group.waitForAll()
        }
    }
}
