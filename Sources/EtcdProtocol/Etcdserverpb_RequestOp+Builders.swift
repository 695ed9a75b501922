import Foundation

extension Etcdserverpb_RequestOp {
    /// A put of `value` at `key` inside a transaction.
    public static func put(_ key: String, _ value: [UInt8], lease: Int64 = 0) -> Etcdserverpb_RequestOp {
        .with {
            $0.requestPut = .with {
                $0.key = Data(key.utf8)
                $0.value = Data(value)
                $0.lease = lease
            }
        }
    }

    /// A delete of `key` (or `[key, end)`) inside a transaction.
    public static func delete(_ key: String, end: String? = nil) -> Etcdserverpb_RequestOp {
        .with {
            $0.requestDeleteRange = .with {
                $0.key = Data(key.utf8)
                if let end { $0.rangeEnd = Data(end.utf8) }
            }
        }
    }

    /// A read of `key` inside a transaction.
    public static func get(_ key: String) -> Etcdserverpb_RequestOp {
        .with { $0.requestRange = .with { $0.key = Data(key.utf8) } }
    }
}
