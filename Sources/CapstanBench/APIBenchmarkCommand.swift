import ArgumentParser
import Foundation

/// `capstan-bench api`: the Kubernetes API server over HTTPS — creates per second and their
/// latency, the time to list 10,000 pods, and watch delivery latency — beside Capstan's targets
/// and Kubernetes' published SLOs.
///
/// By default it starts `capstan server` as a child process (HTTPS, SQLite store, fresh data
/// directory) and connects with the admin kubeconfig the server writes. `--kubeconfig`,
/// `--server`, `--insecure-http` and `--in-process` point it elsewhere instead.
struct APIBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Creates/s and latency, a 10,000-pod list, and watch delivery, against Capstan's targets and Kubernetes' SLOs.",
        discussion: """
            Without a target option it starts `capstan server` (from --capstan-binary) on a free loopback port with a fresh \
            data directory under --directory, reads DATA_DIR/admin.kubeconfig, and stops the server (SIGTERM, then SIGKILL) \
            at the end. The table goes to stdout, progress to stderr.
            """
    )

    @Option(help: "The capstan binary to start as the server (default: beside this executable).")
    var capstanBinary: String?

    @Option(help: "Directory for the child server's data; a temporary folder is made and removed inside it.")
    var directory = "/var/tmp"

    @Option(help: "Where the child server's log goes (default: inside the temporary folder, removed at the end).")
    var serverLog: String?

    @Option(help: "Benchmark an already-running server using this kubeconfig (first cluster, first user).")
    var kubeconfig: String?

    @Option(help: "Benchmark an already-running HTTPS server at this URL (with --token and --ca-file).")
    var server: String?

    @Option(help: "Bearer token for --server.")
    var token: String?

    @Option(help: "PEM file of the CA that signed --server's certificate.")
    var caFile: String?

    @Option(help: "Benchmark an already-running plain-HTTP server without authentication at this URL (development only).")
    var insecureHttp: String?

    @Flag(help: "Run the API server inside this process, plain HTTP over a SQLite store (development only; not the recorded figures).")
    var inProcess = false

    @Option(help: "Concurrent client counts for the closed-loop create phases, comma-separated.")
    var clients = "1,16,64"

    @Option(help: "Seconds each closed-loop create phase lasts.")
    var seconds = 5.0

    @Option(help: "Upper bound on creates per client in a closed-loop phase.")
    var maxCreatesPerClient = 100_000

    @Option(help: "Creates per second offered in the open-loop phase (0 skips it).")
    var pacedRate = 200

    @Option(help: "Seconds the open-loop phase lasts.")
    var pacedSeconds = 10.0

    @Option(help: "Pods in the listed namespace.")
    var listPods = 10_000

    @Option(help: "Timed full reads of the list (0 skips the list phase).")
    var listRuns = 10

    @Option(help: "Concurrent watches in the watch phase (0 skips it).")
    var watchers = 500

    @Option(help: "Writes per second while the watchers watch.")
    var watchRate = 100

    @Option(help: "Seconds of writes while the watchers watch.")
    var watchSeconds = 10.0

    func validate() throws {
        let targets = [kubeconfig != nil, server != nil, insecureHttp != nil, inProcess].filter { $0 }.count
        guard targets <= 1 else {
            throw ValidationError("give at most one of --kubeconfig, --server, --insecure-http, --in-process")
        }
        if server != nil, caFile == nil || token == nil {
            throw ValidationError("--server needs --ca-file and --token")
        }
        guard !clientCounts.isEmpty, clientCounts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--clients must list positive counts, e.g. 1,16,64")
        }
        guard seconds > 0, pacedRate >= 0, pacedSeconds > 0, listPods >= 0, listRuns >= 0, watchers >= 0,
              watchRate > 0, watchSeconds > 0, maxCreatesPerClient > 0
        else {
            throw ValidationError("durations, rates and --max-creates-per-client must be positive; counts not negative")
        }
    }

    var clientCounts: [Int] {
        clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    var workload: APIWorkload {
        APIWorkload(
            clientCounts: clientCounts,
            createDuration: .milliseconds(Int(seconds * 1000)),
            maxCreatesPerClient: maxCreatesPerClient,
            pacedRate: pacedRate,
            pacedCount: Int(Double(pacedRate) * pacedSeconds),
            listPods: listPods,
            listRuns: listRuns,
            watcherCount: watchers,
            watchRate: watchRate,
            watchWrites: Int(Double(watchRate) * watchSeconds),
            runID: String(UUID().uuidString.prefix(8)).lowercased()
        )
    }

    func run() async throws {
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(("bench: " + $0 + "\n").utf8)) }
        let workload = self.workload
        let (figures, description) = try await runAgainstTarget(log: log) { endpoint in
            try await workload.run(on: endpoint, log: log)
        }
        let report = APIReport(
            figures: figures,
            server: description,
            machine: .current(),
            commandLine: CommandLine.arguments.joined(separator: " ")
        )
        print(report.render())
    }

    /// Runs `body` against the chosen server, starting and stopping it if this benchmark owns
    /// it; returns the figures (with the server's memory, when it is a child) and a description
    /// of the server for the report.
    private func runAgainstTarget(
        log: @escaping @Sendable (String) -> Void,
        _ body: (APIEndpoint) async throws -> APIFigures
    ) async throws -> (APIFigures, String) {
        if let kubeconfig {
            let endpoint = try AdminKubeconfig(contentsOfFile: kubeconfig).endpoint()
            return (try await body(endpoint), "an already-running server at \(endpoint.baseURL) (kubeconfig \(kubeconfig)), HTTPS")
        }
        if let server, let token, let caFile {
            guard let ca = FileManager.default.contents(atPath: caFile) else { throw BenchError.unreadable(caFile) }
            let endpoint = try APIEndpoint.secure(server, caPEM: Array(ca), clientCertificatePEM: nil, clientKeyPEM: nil, bearerToken: token)
            return (try await body(endpoint), "an already-running server at \(endpoint.baseURL), HTTPS with a bearer token")
        }
        if let insecureHttp {
            let endpoint = APIEndpoint.insecure(insecureHttp)
            return (try await body(endpoint), "an already-running server at \(endpoint.baseURL), plain HTTP (development figures, not the recorded ones)")
        }

        let root = URL(fileURLWithPath: directory)
            .appendingPathComponent("capstan-bench-api-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }

        if inProcess {
            log("starting the API server in this process (plain HTTP, SQLite store in \(root))")
            let server = try await InProcessAPIServer.start(dataDirectory: root + "/server")
            do {
                let figures = try await body(server.endpoint)
                await server.stop()
                return (figures, "the API server inside the benchmark process (client and server share its cores), "
                    + "plain HTTP without authentication, SQLite store — development figures, not the recorded ones")
            } catch {
                await server.stop()
                throw error
            }
        }

        let binary = capstanBinary ?? CapstanServerProcess.defaultBinary
        log("starting \(binary) server (data in \(root)/server)")
        let child = try await CapstanServerProcess.start(
            binary: binary, dataDirectory: root + "/server", logFile: serverLog ?? root + "/server.log")
        log("server ready at \(child.kubeconfig.server) (pid \(child.pid))")
        do {
            var figures = try await body(try child.kubeconfig.endpoint())
            figures.serverResidentBytes = try? child.residentBytes()
            child.stop()
            return (figures, "`capstan server` as a child process (\(binary)), HTTPS with the admin client certificate, SQLite store, on loopback")
        } catch {
            child.stop()
            throw error
        }
    }
}
