/// storage.k8s.io/v1 StorageClass: a class of storage, with how claims of the class are bound
/// (`Immediate`, or `WaitForFirstConsumer`: when the first pod using the claim is scheduled,
/// to a volume reachable from the chosen node). Cluster-scoped; fields at the top level.
@APIObject(.storage)
public struct StorageClass: APIResource {
    public static let resourceType = ResourceType(
        group: "storage.k8s.io", version: "v1", kind: "StorageClass", plural: "storageclasses", namespaced: false)

    public var apiVersion: String = "storage.k8s.io/v1"
    public var kind: String = "StorageClass"
    public var metadata: ObjectMeta = ObjectMeta()
    /// The volume plugin that provisions volumes of this class; `kubernetes.io/no-provisioner`
    /// for statically created (local) volumes.
    public var provisioner: String = ""
    /// Parameters for the provisioner.
    public var parameters: [String: String]?
    /// `Delete` (the default) or `Retain`: what happens to a provisioned volume when its
    /// claim goes.
    public var reclaimPolicy: String?
    /// Mount options of provisioned volumes.
    @ListType("atomic")
    public var mountOptions: [String]?
    /// Whether claims of the class may be expanded.
    public var allowVolumeExpansion: Bool?
    /// `Immediate` (the default) or `WaitForFirstConsumer`.
    public var volumeBindingMode: String?
    /// Where volumes of the class may be provisioned.
    @ListType("atomic")
    public var allowedTopologies: [TopologySelectorTerm]?

    /// Whether claims of this class wait for their first pod to be scheduled.
    public var waitsForFirstConsumer: Bool { volumeBindingMode == "WaitForFirstConsumer" }
}

/// core/v1 TopologySelectorTerm: a topology label query; requirements are ANDed.
@APIObject(.core)
public struct TopologySelectorTerm {
    @ListType("atomic")
    public var matchLabelExpressions: [TopologySelectorLabelRequirement]?
}

/// core/v1 TopologySelectorLabelRequirement: the label `key` has one of `values`.
@APIObject(.core)
public struct TopologySelectorLabelRequirement {
    public var key: String
    @ListType("atomic")
    public var values: [String]
}
