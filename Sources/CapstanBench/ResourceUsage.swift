import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Memory and disk readings from Linux's /proc and the file system.
enum ResourceUsage {
    /// Resident set size of process `pid` (nil: this process), from /proc/PID/status `VmRSS`.
    static func residentBytes(pid: Int32? = nil) throws -> Int {
        let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
        let status = try String(contentsOfFile: path, encoding: .utf8)
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 2, let kib = Int(fields[1]) { return kib * 1024 }
        }
        throw BenchError.unreadable(path)
    }

    /// Bytes allocated on disk to every file under `directory` (st_blocks × 512, as `du` counts),
    /// walking subdirectories and not following symbolic links.
    static func diskBytes(of directory: String) throws -> Int {
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw BenchError.unreadable(directory)
        }
        var total = 0
        var info = stat()
        if lstat(directory, &info) == 0 { total += Int(info.st_blocks) * 512 }
        while let relative = walker.nextObject() as? String {
            if lstat(directory + "/" + relative, &info) == 0 { total += Int(info.st_blocks) * 512 }
        }
        return total
    }
}
