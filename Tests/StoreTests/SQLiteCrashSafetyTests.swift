import Foundation
import Testing
@testable import Store

/// A writer process is killed with SIGKILL under load; every write it had acknowledged must be
/// there on reopen, and the revisions must run without holes.
@Suite struct SQLiteCrashSafetyTests {
    /// `capstan`, built beside this test bundle (or named by `CAPSTAN_BINARY`).
    static var capstanBinary: URL {
        if let path = ProcessInfo.processInfo.environment["CAPSTAN_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capstan")
    }

    @Test func acknowledgedWritesSurviveSIGKILLAndRevisionsHaveNoHoles() async throws {
        let binary = Self.capstanBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build capstan first: \(binary.path) is missing")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("store.db").path

        let child = Process()
        child.executableURL = binary
        child.arguments = ["debug", "write-load", "--db", db, "--writers", "16", "--count", "100000", "--value-size", "1024"]
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()

        // Read acknowledgements until enough have arrived, then kill mid-flight.
        var acked: [String: Int64] = [:]
        var buffer = Data()
        let reader = pipe.fileHandleForReading
        let deadline = ContinuousClock.now + .seconds(60)
        while acked.count < 3000 && ContinuousClock.now < deadline {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                let parts = line.split(separator: " ")
                if parts.count == 3, parts[0] == "ack", let rev = Int64(parts[2]) { acked[String(parts[1])] = rev }
            }
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        try #require(acked.count >= 3000, "the writer acknowledged only \(acked.count) writes before the deadline")

        let store = try SQLiteClusterStore(path: db)
        let current = try await store.currentRevision()
        let all = try await store.range(.prefix("/load/"))
        await store.close()

        let byKey = Dictionary(uniqueKeysWithValues: all.kvs.map { ($0.key, $0) })
        var missing: [String] = []
        for (key, revision) in acked {
            guard let kv = byKey[key] else { missing.append(key); continue }
            #expect(kv.modRevision == revision, "\(key) was acknowledged at \(revision) but reads \(kv.modRevision)")
            #expect(kv.value == [UInt8](Self.expectedValue(key)), "\(key) has a corrupt value")
        }
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(5))")
        // Every write put a distinct key at its own revision: revisions 1...current, no holes.
        #expect(Set(all.kvs.map(\.modRevision)) == Set(1...current))
        #expect(current >= Int64(acked.count))
    }

    static func expectedValue(_ key: String) -> [UInt8] {
        let k = Array(key.utf8)
        return (0..<1024).map { k[$0 % k.count] }
    }
}
