import Resources

extension Toleration {
    /// Whether this toleration tolerates `taint`: same effect (an empty effect matches all),
    /// same key (an empty key with `Exists` matches every key), and `Exists` or an equal value.
    public func tolerates(_ taint: Taint) -> Bool {
        if let effect, !effect.isEmpty, effect != taint.effect { return false }
        let op = self.operator ?? "Equal"
        if let key, !key.isEmpty {
            guard key == taint.key else { return false }
        } else if op != "Exists" {
            return false
        }
        return op == "Exists" || (value ?? "") == (taint.value ?? "")
    }
}
