/// core/v1 Taint: a mark on a node that repels pods which do not tolerate it.
@APIObject(.core)
public struct Taint {
    public var key: String = ""
    public var value: String?
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    public var effect: String = ""
    public var timeAdded: Time?
}
