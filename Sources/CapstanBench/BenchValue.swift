#if canImport(Glibc)
import Glibc
#endif

/// The values the benchmark writes: `size` bytes whose first 8 carry the monotonic time (ns)
/// just before the put was issued, so a watcher can compute delivery latency from the value alone.
enum BenchValue {
    /// Nanoseconds on CLOCK_MONOTONIC, shared by the writer's stamp and the watcher's receipt.
    static func nowNanos() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// A value of `size` bytes (at least 8) stamped with `stamp` (0: no stamp, e.g. warm-up writes).
    static func make(size: Int, stamp: UInt64) -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: max(size, 8))
        withUnsafeBytes(of: stamp.littleEndian) { stampBytes in
            for i in 0..<8 { bytes[i] = stampBytes[i] }
        }
        return bytes
    }

    /// The stamp in `value` (0 when it has none or is shorter than 8 bytes).
    static func stamp(of value: UnsafeRawBufferPointer) -> UInt64 {
        guard value.count >= 8 else { return 0 }
        var stamp: UInt64 = 0
        for i in (0..<8).reversed() { stamp = stamp << 8 | UInt64(value[i]) }
        return stamp
    }
}
