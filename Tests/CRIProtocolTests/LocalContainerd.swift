import CRIProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A containerd started as a child process for one test, with everything it writes (config, root,
/// state, sockets, log, an empty CNI config dir) under its own temporary directory.
///
/// `start` returns once the CRI answers `Version` on `socketPath`; `stop()` must be called (it is
/// idempotent): it terminates containerd, waits for it, and removes the directory.
///
/// `@unchecked Sendable`: every stored property is immutable; `Process` is only asked `isRunning`,
/// `terminate()` and `waitUntilExit()`, which are thread-safe.
final class LocalContainerd: @unchecked Sendable {
    /// Debian's containerd (scripts/setup installs it).
    static let binary = "/usr/bin/containerd"

    let directory: String
    var socketPath: String { directory + "/containerd.sock" }
    var logPath: String { directory + "/containerd.log" }
    private let process: Process

    private init(directory: String, process: Process) {
        self.directory = directory
        self.process = process
    }

    /// Writes the config and starts containerd, waiting at most `readyTimeout` for its CRI.
    static func start(readyTimeout: Duration = .seconds(30)) async throws -> LocalContainerd {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw LocalContainerdError.binaryMissing(binary)
        }
        // Short: a unix socket path (with containerd's ".ttrpc" suffix) must fit in 108 bytes.
        let directory = "/tmp/capstan-containerd-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory + "/cni", withIntermediateDirectories: true)
        let configPath = directory + "/config.toml"
        try config(directory: directory).write(toFile: configPath, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--config", configPath]
        _ = FileManager.default.createFile(atPath: directory + "/containerd.log", contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/containerd.log"))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        let containerd = LocalContainerd(directory: directory, process: process)
        do {
            try process.run()
            try await containerd.waitUntilServing(timeout: readyTimeout)
        } catch {
            let logTail = containerd.logTail()
            containerd.stop()
            throw LocalContainerdError.notReady("\(error)", log: logTail)
        }
        return containerd
    }

    /// containerd's own defaults but for the paths, which all point into `directory` (the opt
    /// plugin's too, which would otherwise create /opt/containerd), and the CNI config dir, which
    /// is empty: NetworkReady stays false, RuntimeReady does not depend on it. Snapshotters that
    /// need a device or a filesystem the machine may not have are disabled to keep the log quiet.
    private static func config(directory: String) -> String {
        """
        version = 2
        root = "\(directory)/root"
        state = "\(directory)/state"
        disabled_plugins = [
          "io.containerd.snapshotter.v1.aufs",
          "io.containerd.snapshotter.v1.btrfs",
          "io.containerd.snapshotter.v1.devmapper",
          "io.containerd.snapshotter.v1.zfs",
        ]

        [grpc]
          address = "\(directory)/containerd.sock"

        [plugins."io.containerd.internal.v1.opt"]
          path = "\(directory)/opt"

        [plugins."io.containerd.grpc.v1.cri".cni]
          conf_dir = "\(directory)/cni"

        """
    }

    /// Polls until the socket exists and the CRI answers `Version`, or `timeout` passes.
    private func waitUntilServing(timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            guard process.isRunning else { throw LocalContainerdError.exited(process.terminationStatus) }
            if FileManager.default.fileExists(atPath: socketPath) {
                let answered = try? await CRIClient.connect(socketPath: socketPath, requestTimeout: .seconds(5)) {
                    try await $0.version()
                }
                if answered != nil { return }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LocalContainerdError.timedOut(timeout)
    }

    /// Terminates containerd (SIGTERM, then SIGKILL after 10 s), waits for it, and removes its
    /// directory. Idempotent.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The last lines containerd logged, for a failure message.
    func logTail(lines: Int = 20) -> String {
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return log.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}

enum LocalContainerdError: Error, CustomStringConvertible {
    case binaryMissing(String)
    case exited(Int32)
    case timedOut(Duration)
    case notReady(String, log: String)

    var description: String {
        switch self {
        case .binaryMissing(let path): "containerd not found at \(path): run scripts/setup (installs Debian's containerd)"
        case .exited(let status): "containerd exited with status \(status) before it served"
        case .timedOut(let timeout): "containerd's CRI did not answer within \(timeout)"
        case .notReady(let reason, let log): "containerd did not start: \(reason)\n--- containerd.log (tail) ---\n\(log)"
        }
    }
}
