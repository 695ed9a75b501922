/// The prefix of upstream OpenAPI definition names for one Go package: a type `Pod` in
/// `.core` is the definition `io.k8s.api.core.v1.Pod`. Passed to `@APIObject(.core)`.
public struct SchemaNamespace: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The definition name of `name` in this namespace.
    public func qualified(_ name: String) -> String { "\(rawValue).\(name)" }

    public static let core = SchemaNamespace(rawValue: "io.k8s.api.core.v1")
    public static let apps = SchemaNamespace(rawValue: "io.k8s.api.apps.v1")
    public static let batch = SchemaNamespace(rawValue: "io.k8s.api.batch.v1")
    public static let authentication = SchemaNamespace(rawValue: "io.k8s.api.authentication.v1")
    public static let autoscaling = SchemaNamespace(rawValue: "io.k8s.api.autoscaling.v1")
    public static let coordination = SchemaNamespace(rawValue: "io.k8s.api.coordination.v1")
    public static let discovery = SchemaNamespace(rawValue: "io.k8s.api.discovery.v1")
    public static let policy = SchemaNamespace(rawValue: "io.k8s.api.policy.v1")
    public static let storage = SchemaNamespace(rawValue: "io.k8s.api.storage.v1")
    public static let scheduling = SchemaNamespace(rawValue: "io.k8s.api.scheduling.v1")
    /// metav1: ObjectMeta, LabelSelector, Status, DeleteOptions, …
    public static let meta = SchemaNamespace(rawValue: "io.k8s.apimachinery.pkg.apis.meta.v1")
}
