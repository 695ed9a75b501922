import ArgumentParser
import Foundation
import Store

/// Developer tools, hidden from help.
struct Debug: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Developer tools.", shouldDisplay: false, subcommands: [WriteLoad.self])
}

/// Writes distinct keys from concurrent writers, printing `ack <key> <revision>` once each put
/// is acknowledged. The crash-safety test kills it with SIGKILL mid-run and checks every
/// acknowledged write survived.
struct WriteLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write-load")

    @Option(help: "The SQLite store file.")
    var db: String

    @Option(help: "Concurrent writers.")
    var writers: Int = 16

    @Option(help: "Puts per writer (bounded so the loop stops by itself).")
    var count: Int = 100_000

    @Option(help: "Value size in bytes.")
    var valueSize: Int = 1024

    func run() async throws {
        let store = try SQLiteClusterStore(path: db)
        let out = FileHandle.standardOutput
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<writers {
                group.addTask {
                    for i in 0..<count {
                        let key = "/load/\(w)/\(i)"
                        let revision = try await store.put(key, WriteLoad.value(for: key, size: valueSize))
                        out.write(Data("ack \(key) \(revision)\n".utf8))
                    }
                }
            }
            try await group.waitForAll()
        }
        await store.close()
    }

    /// The value written at `key`: the key repeated to `size` bytes, so a reader can verify it.
    static func value(for key: String, size: Int) -> [UInt8] {
        let k = Array(key.utf8)
        return (0..<size).map { k[$0 % k.count] }
    }
}
