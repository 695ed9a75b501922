import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `capstan server` started as a child process on loopback with a free port, over the SQLite
/// store in `dataDirectory`: the server the recorded API benchmark measures.
///
/// It is ready when `DATA_DIR/admin.kubeconfig` exists (the server writes it, by rename, once
/// it serves); `start` returns then, with the kubeconfig read. `stop()` must be called.
///
/// `@unchecked Sendable`: every stored property is immutable; `Process` is only asked
/// `isRunning`, `terminationStatus`, `terminate()` and `waitUntilExit()`, which are thread-safe.
final class CapstanServerProcess: @unchecked Sendable {
    let pid: Int32
    let kubeconfig: AdminKubeconfig
    let logFile: String
    private let process: Process

    private init(process: Process, kubeconfig: AdminKubeconfig, logFile: String) {
        self.process = process
        self.pid = process.processIdentifier
        self.kubeconfig = kubeconfig
        self.logFile = logFile
    }

    /// Where the benchmark expects `capstan`: beside its own executable (both are built into
    /// the same release scratch path by scripts/bench-api).
    static var defaultBinary: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("capstan").path
    }

    static func start(
        binary: String,
        dataDirectory: String,
        logFile: String,
        extraArguments: [String] = [],
        readyTimeout: Duration = .seconds(60)
    ) async throws -> CapstanServerProcess {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError.missingBinary(binary) }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["server", "--data-dir", dataDirectory, "--bind-address", "127.0.0.1", "--port", "0"] + extraArguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let kubeconfigPath = dataDirectory + "/admin.kubeconfig"
        let clock = ContinuousClock()
        let deadline = clock.now + readyTimeout
        do {
            while true {
                if FileManager.default.fileExists(atPath: kubeconfigPath) {
                    return CapstanServerProcess(
                        process: process, kubeconfig: try AdminKubeconfig(contentsOfFile: kubeconfigPath), logFile: logFile)
                }
                guard process.isRunning else {
                    process.waitUntilExit()
                    throw BenchError.serverExited(status: process.terminationStatus, log: tail(of: logFile))
                }
                guard clock.now < deadline else { throw BenchError.timedOut("capstan server writing \(kubeconfigPath)") }
                try await Task.sleep(for: .milliseconds(50))
            }
        } catch {
            terminate(process)
            throw error
        }
    }

    /// Resident set size of the server process now.
    func residentBytes() throws -> Int {
        try ResourceUsage.residentBytes(pid: pid)
    }

    /// SIGTERM, then SIGKILL after 10 s; waits for the process to exit. Idempotent.
    func stop() {
        Self.terminate(process)
    }

    private static func terminate(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The last lines of `path`, for an error message.
    static func tail(of path: String, lines: Int = 20) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "(no log at \(path))" }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .suffix(lines).joined(separator: "\n")
    }
}
