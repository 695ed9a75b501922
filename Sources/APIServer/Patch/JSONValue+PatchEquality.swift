import Resources

extension JSONValue {
    /// JSON equality as patch semantics need it (RFC 6902 `test`, merge keys, list membership):
    /// numbers compare by value whether integer or not (`1` equals `1.0`); arrays compare
    /// element-wise in order; objects compare member-wise regardless of order.
    func isSameJSON(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)):
            return Int64(exactly: b) == a
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSameJSON(as: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let counterpart = b[key], value.isSameJSON(as: counterpart) else { return false }
            }
            return true
        default:
            return self == other
        }
    }
}
