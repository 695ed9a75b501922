/// An etcd-style transaction: if every `compare` holds, apply `success`, else `failure`.
public struct Txn: Hashable, Sendable {
    public var compare: [Compare]
    public var success: [Op]
    public var failure: [Op]

    public init(compare: [Compare] = [], success: [Op], failure: [Op] = []) {
        self.compare = compare
        self.success = success
        self.failure = failure
    }
}

/// A condition on one key's current state. A missing key has modRevision, createRevision
/// and version 0 and an empty value.
public struct Compare: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case modRevision(Int64)
        case createRevision(Int64)
        case version(Int64)
        case value([UInt8])
        case lease(Int64)
    }
    public enum Relation: Hashable, Sendable { case equal, notEqual, less, greater }

    public var key: String
    public var relation: Relation
    public var target: Target

    public init(key: String, relation: Relation, target: Target) {
        self.key = key
        self.relation = relation
        self.target = target
    }

    public static func modRevision(_ key: String, _ relation: Relation, _ revision: Int64) -> Compare {
        Compare(key: key, relation: relation, target: .modRevision(revision))
    }
    public static func version(_ key: String, _ relation: Relation, _ version: Int64) -> Compare {
        Compare(key: key, relation: relation, target: .version(version))
    }

    /// Evaluates this compare against the key's current value (nil: absent).
    public func holds(for kv: KeyValue?) -> Bool {
        func relate<T: Comparable>(_ actual: T, _ expected: T) -> Bool {
            switch relation {
            case .equal: actual == expected
            case .notEqual: actual != expected
            case .less: actual < expected
            case .greater: actual > expected
            }
        }
        switch target {
        case .modRevision(let r): return relate(kv?.modRevision ?? 0, r)
        case .createRevision(let r): return relate(kv?.createRevision ?? 0, r)
        case .version(let v): return relate(kv?.version ?? 0, v)
        case .lease(let l): return relate(kv?.lease ?? 0, l)
        case .value(let v):
            let actual = kv?.value ?? []
            switch relation {
            case .equal: return actual == v
            case .notEqual: return actual != v
            case .less: return actual.lexicographicallyPrecedes(v)
            case .greater: return v.lexicographicallyPrecedes(actual)
            }
        }
    }
}

/// One operation of a transaction branch.
public enum Op: Hashable, Sendable {
    /// Put `value` at `key`, attached to `lease` (0: none).
    case put(String, [UInt8], lease: Int64 = 0)
    /// Delete `key`, or every key in `[key, end)` when `end` is set.
    case delete(String, end: String? = nil)
    /// Read inside the transaction, after the branch's earlier operations.
    case range(RangeRequest)

    var isWrite: Bool {
        if case .range = self { return false }
        return true
    }
}

/// What a transaction did.
public struct TxnResult: Hashable, Sendable {
    /// Whether every compare held (the success branch ran).
    public var succeeded: Bool
    /// The store revision after the transaction (unchanged if it wrote nothing).
    public var revision: Int64
    /// One response per operation of the branch that ran, in order.
    public var responses: [OpResponse]

    public init(succeeded: Bool, revision: Int64, responses: [OpResponse]) {
        self.succeeded = succeeded
        self.revision = revision
        self.responses = responses
    }
}

public enum OpResponse: Hashable, Sendable {
    /// The key's previous value, if it existed.
    case put(previous: KeyValue?)
    /// The keys deleted, with their last values.
    case delete(previous: [KeyValue])
    case range(RangeResult)

    public var deleted: Int {
        if case .delete(let previous) = self { return previous.count }
        return 0
    }

    public var rangeResult: RangeResult? {
        if case .range(let r) = self { return r }
        return nil
    }
}
