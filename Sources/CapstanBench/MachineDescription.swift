import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The machine a benchmark ran on, for the record beside its figures.
struct MachineDescription: Sendable, CustomStringConvertible {
    var cores: Int
    var memoryBytes: UInt64
    var kernel: String
    var cpuModel: String?

    static func current() -> MachineDescription {
        var names = utsname()
        uname(&names)
        let release = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let machine = withUnsafeBytes(of: &names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return MachineDescription(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: ProcessInfo.processInfo.physicalMemory,
            kernel: "Linux \(release) \(machine)",
            cpuModel: model)
    }

    var description: String {
        let gib = Double(memoryBytes) / 1_073_741_824
        return "\(cores) cores\(cpuModel.map { " (\($0))" } ?? ""), \(FigureFormat.number(gib)) GiB memory, \(kernel)"
    }
}
