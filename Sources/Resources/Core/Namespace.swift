/// core/v1 Namespace: a scope for names, and the unit of deletion of everything inside it.
@APIObject(.core)
public struct Namespace: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false)

    public var apiVersion: String = "v1"
    public var kind: String = "Namespace"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: NamespaceSpec?
    public var status: NamespaceStatus?

    /// The values of `status.phase`.
    public enum Phase: String, Sendable, CaseIterable {
        case active = "Active"
        case terminating = "Terminating"
    }
}

/// core/v1 NamespaceSpec: the finalizers that must run before a namespace is removed.
@APIObject(.core)
public struct NamespaceSpec {
    @ListType("atomic")
    public var finalizers: [String] = []
}

/// core/v1 NamespaceStatus: a namespace's phase and conditions.
@APIObject(.core)
public struct NamespaceStatus {
    /// One of `Namespace.Phase`.
    public var phase: String?
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [NamespaceCondition] = []
}

/// core/v1 NamespaceCondition: one condition of a namespace (mostly about its deletion).
@APIObject(.core)
public struct NamespaceCondition {
    public var type: String = ""
    public var status: String = ""
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}
