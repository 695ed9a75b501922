/// batchv1.SuccessPolicy: when an `Indexed` Job may be declared succeeded before all its
/// indexes complete. Any one rule that matches suffices.
@APIObject(.batch)
public struct SuccessPolicy {
    @ListType("atomic")
    public var rules: [SuccessPolicyRule] = []
}

/// One rule of a `SuccessPolicy`: these indexes (ranges text such as `0,2-4`) or this many
/// of them succeeded.
@APIObject(.batch)
public struct SuccessPolicyRule {
    public var succeededIndexes: String?
    public var succeededCount: Int32?
}
