import Foundation

/// Key-range helpers with etcd's byte semantics.
public enum EtcdKeys {
    /// The smallest key greater than every key with `prefix` (etcd's `GetPrefixRangeEnd`):
    /// the prefix with its last byte below 0xff incremented and what follows dropped; "\0"
    /// (every key) when there is no such byte.
    public static func prefixEnd(_ prefix: Data) -> Data {
        var bytes = [UInt8](prefix)
        while let last = bytes.popLast() {
            if last < 0xff {
                bytes.append(last + 1)
                return Data(bytes)
            }
        }
        return Data([0])
    }
}
