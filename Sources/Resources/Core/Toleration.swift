/// core/v1 Toleration: lets a pod schedule onto (or stay on) nodes with a matching taint.
@APIObject(.core)
public struct Toleration {
    public var key: String?
    /// `Equal` (the default) or `Exists`.
    public var `operator`: String?
    public var value: String?
    /// `NoSchedule`, `PreferNoSchedule`, `NoExecute`, or empty for all effects.
    public var effect: String?
    /// For `NoExecute`: how long the pod stays bound after the taint appears.
    public var tolerationSeconds: Int64?
}
