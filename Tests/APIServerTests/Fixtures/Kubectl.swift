import Foundation

/// Runs the real `kubectl` (the one on PATH: a dispatcher choosing the build that matches
/// the server's version, or `KUBECTL` if set) and captures what it prints.
struct Kubectl {
    /// `--server URL` (plain HTTP servers) or `--kubeconfig PATH` arguments.
    var connection: [String]
    var executable = ProcessInfo.processInfo.environment["KUBECTL"] ?? "kubectl"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, timeout: Duration = .seconds(60)) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + connection + arguments
        var env = ProcessInfo.processInfo.environment
        env["KUBECONFIG"] = "/dev/null"
        env["HOME"] = NSTemporaryDirectory()
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(Double(timeout.components.seconds))
        let stdoutData = ReadBox(out.fileHandleForReading)
        let stderrData = ReadBox(err.fileHandleForReading)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdoutData.text(), stderr: stderrData.text())
    }
}

/// Drains a pipe on a background thread so a chatty child never blocks on a full pipe.
final class ReadBox: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let descriptor = handle.fileDescriptor
        Thread.detachNewThread { [self] in
            // read(2) directly: FileHandle's reads trap on EINTR, which child processes
            // exiting (SIGCHLD) cause in a test process that runs many of them.
            var all = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    all.append(contentsOf: buffer[0..<count])
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            lock.withLock { data = all }
            done.signal()
            _ = handle
        }
    }

    func text() -> String {
        done.wait()
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
