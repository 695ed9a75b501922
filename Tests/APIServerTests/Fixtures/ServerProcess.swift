import Foundation

/// A real `capstan server` child process on loopback with its own data directory: the
/// command contract other parts rely on (`--port 0`, `admin.kubeconfig` written when ready,
/// graceful stop on SIGTERM).
final class ServerProcess: @unchecked Sendable {
    let dataDirectory: URL
    let process: Process
    let output: ReadBox

    var kubeconfig: String { dataDirectory.appendingPathComponent("admin.kubeconfig").path }
    var kubectl: Kubectl { Kubectl(connection: ["--kubeconfig", kubeconfig]) }

    /// `capstan`, built beside this test bundle (or named by `CAPSTAN_BINARY`).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CAPSTAN_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capstan")
    }

    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts the server and returns once it wrote its kubeconfig (at most `timeout`).
    init(timeout: TimeInterval = 30) throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-server-\(UUID().uuidString)")
        process = Process()
        process.executableURL = Self.binary
        process.arguments = ["server", "--data-dir", dataDirectory.path, "--bind-address", "127.0.0.1", "--port", "0"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        output = ReadBox(pipe.fileHandleForReading)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("admin.kubeconfig").path) {
            guard process.isRunning, Date() < deadline else {
                if process.isRunning { process.terminate() }
                throw StartError(description: "capstan server did not write its kubeconfig: \(output.text())")
            }
            usleep(50_000)
        }
    }

    /// Sends SIGTERM and waits for the exit; returns the exit status (nil if it had to be killed).
    @discardableResult
    func stop(timeout: TimeInterval = 20) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}

/// A command running in the background whose output can be awaited line by line.
final class BackgroundCommand: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var buffer = ""

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = NSTemporaryDirectory()
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.buffer += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var text: String { lock.withLock { buffer } }

    /// Waits until the output satisfies `condition`; false after `timeout`.
    func waitFor(timeout: TimeInterval = 20, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(text) { return true }
            usleep(20_000)
        }
        return condition(text)
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate() } }
}
