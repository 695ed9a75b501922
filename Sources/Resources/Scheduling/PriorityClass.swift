/// scheduling.k8s.io/v1 PriorityClass: maps a class name to the integer priority pods of that
/// class get. Cluster-scoped; its fields sit at the top level, beside metadata.
@APIObject(.scheduling)
public struct PriorityClass: APIResource {
    public static let resourceType = ResourceType(
        group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass", plural: "priorityclasses", namespaced: false)

    public var apiVersion: String = "scheduling.k8s.io/v1"
    public var kind: String = "PriorityClass"
    public var metadata: ObjectMeta = ObjectMeta()
    /// The priority; higher schedules first and may preempt lower.
    public var value: Int32?
    /// Whether pods without a `priorityClassName` get this class. At most one class may say so.
    public var globalDefault: Bool?
    public var description: String?
    /// `PreemptLowerPriority` (the default) or `Never`.
    public var preemptionPolicy: String?
}
