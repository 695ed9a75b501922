import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A single-member etcd started as a child process on loopback, for tests and the store benchmark.
///
/// It listens on two free ports picked at start, keeps its data in `dataDirectory` with etcd's
/// default durability (fsync on commit), and is ready (answers `Status`) when `start` returns.
/// `stop()` must be called; it terminates the process and waits for it.
///
/// `@unchecked Sendable`: every stored property is immutable; the one reference type, `Process`,
/// is only asked `isRunning`, `terminate()` and `waitUntilExit()`, which are thread-safe.
public final class EtcdLocalServer: @unchecked Sendable {
    /// Where the etcd binary is expected (Debian's etcd-server; scripts/setup installs it).
    public static let defaultBinary = "/usr/bin/etcd"

    public let clientPort: Int
    public let peerPort: Int
    public let dataDirectory: String
    /// The etcd process's ID, for reading its /proc/PID/status.
    public let pid: Int32
    private let process: Process

    private init(process: Process, clientPort: Int, peerPort: Int, dataDirectory: String) {
        self.process = process
        self.pid = process.processIdentifier
        self.clientPort = clientPort
        self.peerPort = peerPort
        self.dataDirectory = dataDirectory
    }

    /// Starts etcd with its data in `dataDirectory` (created if missing) and waits until it answers,
    /// for at most `readyTimeout`. Its output goes to `logFile` (nil: discarded).
    public static func start(
        binary: String = defaultBinary,
        dataDirectory: String,
        logFile: String? = nil,
        readyTimeout: Duration = .seconds(30)
    ) async throws -> EtcdLocalServer {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw EtcdLocalServerError.binaryMissing(binary)
        }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let clientPort = try freeLoopbackPort()
        var peerPort = try freeLoopbackPort()
        while peerPort == clientPort { peerPort = try freeLoopbackPort() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        let clientURL = "http://127.0.0.1:\(clientPort)"
        let peerURL = "http://127.0.0.1:\(peerPort)"
        process.arguments = [
            "--name", "capstan-local",
            "--data-dir", dataDirectory,
            "--listen-client-urls", clientURL,
            "--advertise-client-urls", clientURL,
            "--listen-peer-urls", peerURL,
            "--initial-advertise-peer-urls", peerURL,
            "--initial-cluster", "capstan-local=\(peerURL)",
        ]
        if let logFile {
            _ = FileManager.default.createFile(atPath: logFile, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let server = EtcdLocalServer(process: process, clientPort: clientPort, peerPort: peerPort, dataDirectory: dataDirectory)
        do {
            try await server.waitUntilReady(timeout: readyTimeout)
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    /// Polls until etcd accepts TCP connections and answers `Status`, or `timeout` passes.
    private func waitUntilReady(timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            guard process.isRunning else { throw EtcdLocalServerError.exited(process.terminationStatus) }
            if Self.acceptsConnections(port: clientPort) {
                let ready = try? await EtcdClient.connect(port: clientPort) { client in
                    try await client.status().leader != 0
                }
                if ready == true { return }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw EtcdLocalServerError.notReady(timeout)
    }

    /// Terminates etcd (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. Idempotent.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
    static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw EtcdLocalServerError.noFreePort }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw EtcdLocalServerError.noFreePort }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw EtcdLocalServerError.noFreePort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func acceptsConnections(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return address
    }
}
