import AsyncHTTPClient
import NIOCore

extension APIWorkload {
    /// The watch phase. `watcherCount` watches on `bench-watch`'s pods start at the namespace's
    /// list resourceVersion; one warm-up pod is created, and once every watcher has seen it (or
    /// failed), `watchWrites` pods are created at `watchRate` per second, each stamped with its
    /// send time. Watchers stop when they have every timed event, or `watchGrace` after the last
    /// write; what they lack then is missed.
    func measureWatchDelivery(on endpoint: APIEndpoint, log: @escaping @Sendable (String) -> Void) async throws -> WatchFigures {
        let namespace = Self.watchNamespace
        let path = Self.podsPath(namespace)
        let (_, resourceVersion) = try await APIBenchClient.with(endpoint, connections: 1) { client in
            try await Self.listedPods(client, path)
        }
        let writes = watchWrites
        let watchers = watcherCount
        let rate = watchRate
        let grace = watchGrace
        let readyTimeout = Duration.seconds(120)
        let serverTimeout = writes / max(rate, 1) + 240
        let watchPath = path + "?watch=true&resourceVersion=\(resourceVersion)&timeoutSeconds=\(serverTimeout)"
        let prefix = "w-\(runID)"
        let readiness = WatchReadiness()
        let sent = StampTable(count: writes)
        let acknowledged = StampTable(count: writes)
        let writeSamples = LatencySamples()
        let tally = CreateTally()
        log("watch: opening \(watchers) watches on \(namespace) from resourceVersion \(resourceVersion)")

        let receipts = try await APIBenchClient.with(endpoint, connections: watchers + 2) { watchClient in
            try await APIBenchClient.with(endpoint, connections: 16) { writeClient in
                try await withThrowingTaskGroup(of: WatchPhaseEvent.self) { group in
                    for _ in 0..<watchers {
                        group.addTask { .watcherEnded(await Self.watch(watchClient, watchPath, writes: writes, readiness: readiness)) }
                    }
                    group.addTask {
                        let warmUp = await Self.createOutcome(writeClient, path, BenchPod.body(name: "\(prefix)-warmup", namespace: namespace))
                        guard warmUp == .created else { throw BenchError.unexpectedResponse(request: "create warm-up pod", status: 0, body: "\(warmUp)") }
                        let established = try await readiness.wait(for: watchers, timeout: readyTimeout)
                        log("watch: \(established) of \(watchers) watches established; writing \(writes) pods at \(rate)/s")
                        try await OpenLoopPacer(count: writes, rate: rate).run { index, _ in
                            let sentAt = BenchValue.nowNanos()
                            sent.set(index, sentAt)
                            let body = BenchPod.body(name: "\(prefix)-\(index)", namespace: namespace, sequence: index, sentNanos: sentAt)
                            let outcome = await Self.createOutcome(writeClient, path, body)
                            let ackAt = BenchValue.nowNanos()
                            if outcome == .created { acknowledged.set(index, ackAt) }
                            writeSamples.record(ackAt &- sentAt)
                            tally.record(outcome)
                        }
                        return .writerDone
                    }
                    var receipts: [WatchReceipts] = []
                    var writerDone = false
                    while let event = try await group.next() {
                        switch event {
                        case .watcherEnded(let one):
                            receipts.append(one)
                        case .writerDone:
                            writerDone = true
                            group.addTask {
                                try? await Task.sleep(for: grace)
                                return .graceOver
                            }
                        case .graceOver:
                            group.cancelAll()
                        }
                        if writerDone, receipts.count == watchers { group.cancelAll() }
                    }
                    return receipts
                }
            }
        }
        return Self.watchFigures(receipts, watchers: watchers, rate: rate, sent: sent.values,
                                 acknowledged: acknowledged.values, writes: tally, writeLatency: writeSamples.summary())
    }

    private enum WatchPhaseEvent: Sendable {
        case watcherEnded(WatchReceipts)
        case writerDone
        case graceOver
    }

    /// One watcher: reads the stream line by line, stamping every line with the arrival time of
    /// the chunk that completed it, until it has all `writes` timed events, the stream ends, or
    /// its task is cancelled.
    static func watch(_ client: APIBenchClient, _ path: String, writes: Int, readiness: WatchReadiness) async -> WatchReceipts {
        var receipts = WatchReceipts(writes: writes)
        do {
            let response = try await client.openWatch(path)
            guard response.status == .ok else {
                let body = try? await response.body.collect(upTo: 1 << 16)
                receipts.error = "HTTP \(response.status.code): \(body.map { String(buffer: $0) } ?? "")"
                readiness.failed()
                return receipts
            }
            var pending: [UInt8] = []
            reading: for try await buffer in response.body {
                let arrived = BenchValue.nowNanos()
                pending.append(contentsOf: buffer.readableBytesView)
                var lineStart = pending.startIndex
                while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[lineStart..<newline]
                    lineStart = newline + 1
                    switch BenchPod.eventType(line) {
                    case "ADDED":
                        if let sequence = BenchPod.annotation(BenchPod.sequenceKey, in: line) {
                            receipts.record(sequence: Int(sequence), at: arrived)
                        } else if !receipts.established {
                            receipts.established = true
                            readiness.ready()
                        }
                    case "ERROR":
                        receipts.error = String(decoding: line.prefix(300), as: UTF8.self)
                        break reading
                    default:
                        break
                    }
                }
                pending.removeSubrange(..<lineStart)
                if receipts.isComplete { break }
            }
        } catch {
            if !Task.isCancelled { receipts.error = "\(error)" }
        }
        if !receipts.established { readiness.failed() }
        return receipts
    }

    static func watchFigures(_ receipts: [WatchReceipts], watchers: Int, rate: Int, sent: [UInt64], acknowledged: [UInt64],
                             writes: CreateTally, writeLatency: LatencySummary) -> WatchFigures {
        let acknowledgedWrites = acknowledged.filter { $0 != 0 }.count
        var fromSend: [UInt64] = []
        var fromAck: [UInt64] = []
        var beforeAck = 0
        var delivered = 0
        var established = 0
        for receipt in receipts where receipt.established {
            established += 1
            for (index, arrival) in receipt.arrivals.enumerated() where arrival != 0 && acknowledged[index] != 0 {
                delivered += 1
                fromSend.append(arrival &- sent[index])
                if arrival >= acknowledged[index] {
                    fromAck.append(arrival - acknowledged[index])
                } else {
                    fromAck.append(0)
                    beforeAck += 1
                }
            }
        }
        let writeFigures = writes.figures(clients: 0, targetRate: rate, seconds: 0, latency: writeLatency)
        let failed = receipts.filter { $0.error != nil }
        return WatchFigures(
            watchers: watchers, established: established, rate: rate, writes: writeFigures.created,
            writeErrors: writeFigures.errors, expected: established * acknowledgedWrites, delivered: delivered,
            duplicates: receipts.reduce(0) { $0 + $1.duplicates }, watchErrors: failed.count,
            firstError: failed.first?.error ?? writeFigures.firstError,
            fromSend: LatencySummary(fromSend), fromAck: LatencySummary(fromAck), arrivedBeforeAck: beforeAck,
            writeLatency: writeLatency)
    }
}
