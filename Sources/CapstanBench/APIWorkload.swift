import Foundation
import NIOCore

/// The API benchmark's workload against one server, in four phases, every loop bounded by a
/// count, a deadline or both:
///
/// 1. Creates, closed loop: for each client count, that many clients (one connection each) POST
///    small pods to namespace `bench` back to back for `createDuration`.
/// 2. Creates, open loop: `pacedCount` pods at `pacedRate` per second from a schedule; latency
///    from each create's scheduled time, so the p99 is judged at that offered load.
/// 3. List: namespace `bench-list` is filled to `listPods` pods (64 clients), then read whole
///    `listRuns` times after one untimed read.
/// 4. Watch: `watcherCount` watches on namespace `bench-watch` from the list's resourceVersion,
///    then `watchWrites` pods created at `watchRate` per second (see `APIWorkload+Watch`).
struct APIWorkload: Sendable {
    var clientCounts: [Int]
    var createDuration: Duration
    var maxCreatesPerClient: Int
    var pacedRate: Int
    var pacedCount: Int
    var listPods: Int
    var listRuns: Int
    var fillClients = 64
    var watcherCount: Int
    var watchRate: Int
    var watchWrites: Int
    /// How long watchers may take, after the last write, to deliver what is still missing.
    var watchGrace: Duration = .seconds(10)
    /// Makes this run's pod names unique on a server that has seen earlier runs.
    var runID: String

    static let createNamespace = "bench"
    static let listNamespace = "bench-list"
    static let watchNamespace = "bench-watch"

    func run(on endpoint: APIEndpoint, log: @escaping @Sendable (String) -> Void) async throws -> APIFigures {
        try await APIBenchClient.with(endpoint, connections: 1) { client in
            for namespace in [Self.createNamespace, Self.listNamespace, Self.watchNamespace] {
                try await client.ensureNamespace(namespace)
            }
        }
        var figures = APIFigures(creates: [])
        for clients in clientCounts {
            let phase = try await measureClosedLoopCreates(on: endpoint, clients: clients)
            log("creates, \(clients) client(s): \(describe(phase))")
            figures.creates.append(phase)
        }
        if pacedCount > 0 {
            let phase = try await measurePacedCreates(on: endpoint)
            log("creates at \(pacedRate)/s: \(describe(phase))")
            figures.paced = phase
        }
        if listRuns > 0 {
            let list = try await measureList(on: endpoint, log: log)
            log("list of \(list.pods) pods (\(FigureFormat.number(FigureFormat.mebibytes(list.bytes))) MiB): "
                + "p50 \(FigureFormat.number(list.latency.p50)) ms, max \(FigureFormat.number(list.latency.maximum)) ms")
            figures.list = list
        }
        if watcherCount > 0, watchWrites > 0 {
            let watch = try await measureWatchDelivery(on: endpoint, log: log)
            log("watch: \(watch.established)/\(watch.watchers) watchers, \(watch.delivered)/\(watch.expected) deliveries, "
                + "p50 \(FigureFormat.number(watch.fromSend.p50)) ms, p99 \(FigureFormat.number(watch.fromSend.p99)) ms, "
                + "max \(FigureFormat.number(watch.fromSend.maximum)) ms from send")
            figures.watch = watch
        }
        return figures
    }

    func describe(_ phase: CreateFigures) -> String {
        "\(phase.created) created, \(phase.errors) errors in \(FigureFormat.number(phase.seconds)) s, "
            + "\(FigureFormat.number(phase.createsPerSecond))/s, p50 \(FigureFormat.number(phase.latency.p50)) ms, "
            + "p99 \(FigureFormat.number(phase.latency.p99)) ms"
            + (phase.firstError.map { "; first error: \($0)" } ?? "")
    }

    static func podsPath(_ namespace: String) -> String { "/api/v1/namespaces/\(namespace)/pods" }

    // MARK: creates

    func measureClosedLoopCreates(on endpoint: APIEndpoint, clients: Int) async throws -> CreateFigures {
        let namespace = Self.createNamespace
        let prefix = "c\(clients)-\(runID)"
        let maxPerClient = maxCreatesPerClient
        return try await APIBenchClient.with(endpoint, connections: clients) { client in
            await client.warmUp(connections: clients, path: "/api/v1/namespaces/\(namespace)")
            let clock = ContinuousClock()
            let deadline = clock.now + createDuration
            return try await Self.closedLoop(client: client, clients: clients, namespace: namespace) { worker, count in
                count < maxPerClient && clock.now < deadline ? "\(prefix)-\(worker)-\(count)" : nil
            }
        }
    }

    /// `clients` workers creating pods back to back in `namespace`; each asks `nextName` for the
    /// name of its next pod (given its index and how many it has made) and stops at nil.
    static func closedLoop(
        client: APIBenchClient,
        clients: Int,
        namespace: String,
        nextName: @escaping @Sendable (_ worker: Int, _ count: Int) -> String?
    ) async throws -> CreateFigures {
        let samples = LatencySamples()
        let tally = CreateTally()
        let clock = ContinuousClock()
        let start = clock.now
        let path = podsPath(namespace)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<clients {
                group.addTask {
                    var latencies: [UInt64] = []
                    var count = 0
                    while let name = nextName(worker, count) {
                        let before = clock.now
                        let outcome = await createOutcome(client, path, BenchPod.body(name: name, namespace: namespace))
                        latencies.append(StoreWorkload.nanoseconds(clock.now - before))
                        tally.record(outcome)
                        count += 1
                    }
                    samples.record(contentsOf: latencies)
                }
            }
        }
        let seconds = Double(StoreWorkload.nanoseconds(clock.now - start)) / 1e9
        return tally.figures(clients: clients, targetRate: nil, seconds: seconds, latency: samples.summary())
    }

    /// A create's outcome, with a transport error (timeout, refused connection) as a failure.
    static func createOutcome(_ client: APIBenchClient, _ path: String, _ body: [UInt8]) async -> APIBenchClient.CreateOutcome {
        do {
            return try await client.create(path, body)
        } catch {
            return .failed(status: 0, message: "\(error)")
        }
    }

    func measurePacedCreates(on endpoint: APIEndpoint) async throws -> CreateFigures {
        let namespace = Self.createNamespace
        let path = Self.podsPath(namespace)
        let prefix = "paced-\(runID)"
        let connections = min(max(pacedRate / 4, 8), 64)
        return try await APIBenchClient.with(endpoint, connections: connections) { client in
            await client.warmUp(connections: connections, path: "/api/v1/namespaces/\(namespace)")
            let samples = LatencySamples()
            let tally = CreateTally()
            let clock = ContinuousClock()
            let start = clock.now
            try await OpenLoopPacer(count: pacedCount, rate: pacedRate).run { index, scheduled in
                let outcome = await Self.createOutcome(client, path, BenchPod.body(name: "\(prefix)-\(index)", namespace: namespace))
                samples.record(StoreWorkload.nanoseconds(clock.now - scheduled))
                tally.record(outcome)
            }
            let seconds = Double(StoreWorkload.nanoseconds(clock.now - start)) / 1e9
            return tally.figures(clients: connections, targetRate: pacedRate, seconds: seconds, latency: samples.summary())
        }
    }

    // MARK: list

    func measureList(on endpoint: APIEndpoint, log: @Sendable (String) -> Void) async throws -> ListFigures {
        let namespace = Self.listNamespace
        let path = Self.podsPath(namespace)
        let existing = try await APIBenchClient.with(endpoint, connections: 1) { client in
            try await Self.listedPods(client, path)
        }
        var fill: CreateFigures?
        if existing.count < listPods {
            let needed = listPods - existing.count
            log("filling \(namespace) with \(needed) pods (\(fillClients) clients)")
            let names = NameDispenser(limit: needed)
            let prefix = "list-\(runID)"
            let phase = try await APIBenchClient.with(endpoint, connections: fillClients) { client in
                await client.warmUp(connections: fillClients, path: "/api/v1/namespaces/\(namespace)")
                return try await Self.closedLoop(client: client, clients: fillClients, namespace: namespace) { _, _ in
                    names.next().map { "\(prefix)-\($0)" }
                }
            }
            log("fill: \(describe(phase))")
            fill = phase
        }
        let runs = listRuns
        return try await APIBenchClient.with(endpoint, connections: 1) { client in
            let listed = try await Self.listedPods(client, path)
            let samples = LatencySamples()
            let clock = ContinuousClock()
            var bytes = 0
            for _ in 0..<runs {
                let before = clock.now
                let (status, body) = try await client.send(.GET, path)
                samples.record(StoreWorkload.nanoseconds(clock.now - before))
                guard status == 200 else {
                    throw BenchError.unexpectedResponse(request: "GET \(path)", status: status, body: String(buffer: body).prefix(300).description)
                }
                bytes = body.readableBytes
            }
            return ListFigures(namespace: namespace, pods: listed.count, bytes: bytes, latency: samples.summary(), fill: fill)
        }
    }

    /// The pods in the list at `path` (decoded: for counting, never inside a timed region) and
    /// the list's resourceVersion.
    static func listedPods(_ client: APIBenchClient, _ path: String) async throws -> (count: Int, resourceVersion: String) {
        let (status, body) = try await client.send(.GET, path)
        guard status == 200,
              let list = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let items = list["items"] as? [Any],
              let resourceVersion = (list["metadata"] as? [String: Any])?["resourceVersion"] as? String
        else {
            throw BenchError.unexpectedResponse(request: "GET \(path)", status: status, body: String(buffer: body).prefix(300).description)
        }
        return (items.count, resourceVersion)
    }
}
