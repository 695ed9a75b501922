import ArgumentParser
import EtcdProtocol
import Foundation

/// `capstan-bench store`: the embedded cluster store against a real etcd, in one run, on one disk.
struct StoreBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Put throughput and latency, watch delivery latency, memory and disk: embedded store vs etcd."
    )

    @Option(help: "Directory for both stores' data (one disk); a temporary folder is made and removed inside it.")
    var directory = "/var/tmp"

    @Option(help: "Concurrent writer counts, comma-separated.")
    var writers = "1,16,128"

    @Option(help: "Seconds each put phase lasts.")
    var seconds = 5.0

    @Option(help: "Upper bound on puts per writer in a phase.")
    var maxPutsPerWriter = 1_000_000

    @Option(help: "Bytes per value.")
    var valueSize = 1024

    @Option(help: "Watchers on the watched prefix.")
    var watchers = 100

    @Option(help: "Puts made while the watchers watch.")
    var watchPuts = 1000

    @Option(help: "Puts per second while the watchers watch.")
    var watchRate = 200

    @Option(help: "The embedded backend.")
    var embedded = EmbeddedStoreKind.sqlite

    @Option(help: "The etcd binary.")
    var etcdBinary = EtcdLocalServer.defaultBinary

    @Option(help: "Where etcd's log goes (default: inside the temporary folder, removed at the end).")
    var etcdLog: String?

    func validate() throws {
        guard !writerCounts.isEmpty, writerCounts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--writers must list positive counts, e.g. 1,16,128")
        }
        guard seconds > 0, valueSize >= 8, watchers > 0, watchPuts > 0, watchRate > 0 else {
            throw ValidationError("--seconds, --watchers, --watch-puts, --watch-rate must be positive; --value-size at least 8")
        }
    }

    var writerCounts: [Int] {
        writers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    var workload: StoreWorkload {
        StoreWorkload(
            writerCounts: writerCounts,
            putDuration: .milliseconds(Int(seconds * 1000)),
            maxPutsPerWriter: maxPutsPerWriter,
            valueSize: valueSize,
            watcherCount: watchers,
            watchPuts: watchPuts,
            watchRate: watchRate,
            watchTimeout: .seconds(Double(watchPuts) / Double(watchRate) + 120)
        )
    }

    func run() async throws {
        let root = URL(fileURLWithPath: directory)
            .appendingPathComponent("capstan-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(("bench: " + $0 + "\n").utf8)) }
        log("data under \(root); values \(valueSize) B; \(seconds) s per put phase; writers \(writerCounts)")

        let embeddedFigures = try await runEmbedded(in: root + "/embedded", log: log)

        log("starting \(etcdBinary)")
        let server = try await EtcdLocalServer.start(
            binary: etcdBinary,
            dataDirectory: root + "/etcd",
            logFile: etcdLog ?? root + "/etcd.log"
        )
        defer { server.stop() }
        let etcdFigures = try await EtcdClient.connect(port: server.clientPort) { client in
            try await workload.run(on: EtcdBenchStore(client: client, server: server), log: log)
        }

        print(ComparisonReport(embedded: embeddedFigures, etcd: etcdFigures).render())
    }

    private func runEmbedded(in dataDirectory: String, log: @escaping @Sendable (String) -> Void) async throws -> StoreFigures {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let baseline = try ResourceUsage.residentBytes()
        let (store, close) = try embedded.open(in: dataDirectory)
        log("embedded store: \(embedded.rawValue) in \(dataDirectory)")
        do {
            let figures = try await workload.run(
                on: EmbeddedBenchStore(store: store, dataDirectory: dataDirectory, baselineResidentBytes: baseline),
                log: log
            )
            await close()
            return figures
        } catch {
            await close()
            throw error
        }
    }
}
