/// The store benchmark's workload, written once and run on each `BenchStore`.
///
/// 1. Put phases: for each writer count, that many concurrent writers each put unconditionally
///    to distinct keys under a per-phase prefix until `putDuration` passes (or `maxPutsPerWriter`).
///    Latency is per put call; throughput is acknowledged puts over the phase's wall time.
/// 2. Watch phase: `watcherCount` watchers on one prefix, then one writer putting `watchPuts`
///    values at `watchRate` per second. Each value carries the monotonic time taken just before
///    its put call; each watcher records receipt time minus that stamp.
/// Every loop is bounded by a count, a deadline, or both.
struct StoreWorkload: Sendable {
    var writerCounts: [Int]
    var putDuration: Duration
    var maxPutsPerWriter: Int
    var valueSize: Int
    var watcherCount: Int
    var watchPuts: Int
    var watchRate: Int
    var watchTimeout: Duration

    func run(on store: some BenchStore, log: @Sendable (String) -> Void) async throws -> StoreFigures {
        var puts: [PutFigures] = []
        for writers in writerCounts {
            let figures = try await measurePuts(on: store, writers: writers)
            log("\(store.name): \(writers) writer(s): \(figures.operations) puts in \(FigureFormat.number(figures.seconds)) s, "
                + "\(FigureFormat.number(figures.opsPerSecond)) ops/s, p50 \(FigureFormat.number(figures.latency.p50)) ms, p99 \(FigureFormat.number(figures.latency.p99)) ms")
            puts.append(figures)
        }
        let watch = try await measureWatchDelivery(on: store)
        log("\(store.name): watch delivery to \(watcherCount) watchers: \(watch.count) events, "
            + "p50 \(FigureFormat.number(watch.p50)) ms, p99 \(FigureFormat.number(watch.p99)) ms")
        return StoreFigures(
            store: store.name,
            puts: puts,
            watch: watch,
            watchers: watcherCount,
            memoryBytes: try store.memoryBytes(),
            diskBytes: try store.diskBytes()
        )
    }

    func measurePuts(on store: some BenchStore, writers: Int) async throws -> PutFigures {
        let samples = LatencySamples()
        let clock = ContinuousClock()
        let value = BenchValue.make(size: valueSize, stamp: 0)
        let start = clock.now
        let deadline = start + putDuration
        let maxPuts = maxPutsPerWriter
        let operations = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var latencies: [UInt64] = []
                    var count = 0
                    while count < maxPuts, clock.now < deadline {
                        let key = "/bench/puts/\(writers)/\(writer)/\(count)"
                        let before = clock.now
                        try await store.put(key, value)
                        latencies.append(Self.nanoseconds(clock.now - before))
                        count += 1
                    }
                    samples.record(contentsOf: latencies)
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = clock.now - start
        return PutFigures(
            writers: writers,
            operations: operations,
            seconds: Double(Self.nanoseconds(elapsed)) / 1e9,
            latency: samples.summary()
        )
    }

    func measureWatchDelivery(on store: some BenchStore) async throws -> LatencySummary {
        let samples = LatencySamples()
        let prefix = "/bench/watch/"
        let fromRevision = try await store.currentRevision() + 1
        let (ready, readySignal) = AsyncStream<Void>.makeStream()
        let watchers = watcherCount
        let puts = watchPuts
        let size = valueSize
        let interval = Duration.seconds(1) / max(watchRate, 1)

        try await withTimeout(watchTimeout, "\(store.name) watch phase") {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<watchers {
                    group.addTask {
                        // Events: the warm-up put (no stamp) and then every stamped put.
                        try await store.watch(prefix: prefix, fromRevision: fromRevision, eventCount: 1 + puts) { value in
                            let stamp = BenchValue.stamp(of: value)
                            if stamp == 0 {
                                readySignal.yield()
                            } else {
                                samples.record(BenchValue.nowNanos() &- stamp)
                            }
                        }
                    }
                }
                group.addTask {
                    // Every watcher has seen the warm-up event before timed puts start, so no
                    // timed event is delivered by a watch's catch-up replay.
                    try await store.put(prefix + "warmup", BenchValue.make(size: size, stamp: 0))
                    var readyWatchers = 0
                    for await _ in ready {
                        readyWatchers += 1
                        if readyWatchers == watchers { break }
                    }
                    let clock = ContinuousClock()
                    var next = clock.now
                    for index in 0..<puts {
                        next += interval
                        try await clock.sleep(until: next)
                        try await store.put(prefix + "\(index)", BenchValue.make(size: size, stamp: BenchValue.nowNanos()))
                    }
                }
                try await group.waitForAll()
            }
        }
        readySignal.finish()
        return samples.summary()
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
