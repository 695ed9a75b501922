import Synchronization

/// One timestamp (`BenchValue.nowNanos()`, 0 = unset) per write of a phase, set from any task.
final class StampTable: Sendable {
    private let stamps: Mutex<[UInt64]>

    init(count: Int) {
        stamps = Mutex(Array(repeating: 0, count: count))
    }

    func set(_ index: Int, _ nanos: UInt64) {
        stamps.withLock { $0[index] = nanos }
    }

    var values: [UInt64] { stamps.withLock { $0 } }
}
