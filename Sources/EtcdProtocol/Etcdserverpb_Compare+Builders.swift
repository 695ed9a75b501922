import Foundation

extension Etcdserverpb_Compare {
    /// `key`'s modRevision compared with `revision` (a missing key has modRevision 0).
    public static func modRevision(_ key: String, _ result: CompareResult, _ revision: Int64) -> Etcdserverpb_Compare {
        .with {
            $0.key = Data(key.utf8)
            $0.target = .mod
            $0.result = result
            $0.modRevision = revision
        }
    }

    /// `key`'s version compared with `version` (a missing key has version 0).
    public static func version(_ key: String, _ result: CompareResult, _ version: Int64) -> Etcdserverpb_Compare {
        .with {
            $0.key = Data(key.utf8)
            $0.target = .version
            $0.result = result
            $0.version = version
        }
    }
}
