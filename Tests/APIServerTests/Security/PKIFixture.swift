import Foundation

/// A fresh temporary directory standing in for `DATA_DIR/pki`, removed when the fixture goes
/// out of scope.
final class PKIFixture: Sendable {
    let directory: String

    init() {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("capstan-pki-\(UUID().uuidString)").path
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    /// The contents of `name`, or nil if it does not exist.
    func contents(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The permission bits of `name`.
    func mode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path(name))
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Runs `openssl` with `arguments`; its exit status and combined output.
func runOpenSSL(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}
