/// core/v1 PersistentVolumeClaim: a user's request for storage, bound to one PersistentVolume.
@APIObject(.core)
public struct PersistentVolumeClaim: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", namespaced: true)

    public var apiVersion: String = "v1"
    public var kind: String = "PersistentVolumeClaim"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: PersistentVolumeClaimSpec?
    public var status: PersistentVolumeClaimStatus?

    /// The values of `status.phase`.
    public enum Phase: String, Sendable, CaseIterable {
        case pending = "Pending"
        case bound = "Bound"
        case lost = "Lost"
    }
}

/// core/v1 PersistentVolumeClaimSpec: the access modes, size, class and source of the
/// storage a claim asks for.
@APIObject(.core)
public struct PersistentVolumeClaimSpec {
    /// `ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`.
    @ListType("atomic")
    public var accessModes: [String] = []
    public var selector: LabelSelector?
    public var resources: VolumeResourceRequirements?
    public var volumeName: String?
    public var storageClassName: String?
    /// `Filesystem` (the default) or `Block`.
    public var volumeMode: String?
    public var dataSource: TypedLocalObjectReference?
    public var dataSourceRef: TypedObjectReference?
    public var volumeAttributesClassName: String?
}

/// core/v1 VolumeResourceRequirements: the storage a claim needs (`requests.storage`) and may use.
@APIObject(.core)
public struct VolumeResourceRequirements {
    public var limits: [String: Quantity] = [:]
    public var requests: [String: Quantity] = [:]
}

/// core/v1 PersistentVolumeClaimStatus: the observed binding, access modes and capacity of a claim.
@APIObject(.core)
public struct PersistentVolumeClaimStatus {
    /// One of `PersistentVolumeClaim.Phase`.
    public var phase: String?
    @ListType("atomic")
    public var accessModes: [String] = []
    public var capacity: [String: Quantity] = [:]
    @Patch(strategy: "merge", key: "type") @ListType("map", keys: ["type"])
    public var conditions: [PersistentVolumeClaimCondition] = []
    public var allocatedResources: [String: Quantity] = [:]
    @MapType("granular")
    public var allocatedResourceStatuses: [String: String] = [:]
    public var currentVolumeAttributesClassName: String?
}

/// core/v1 PersistentVolumeClaimCondition: one condition of a claim (`Resizing`, …).
@APIObject(.core)
public struct PersistentVolumeClaimCondition {
    public var type: String = ""
    public var status: String = ""
    public var lastProbeTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}

/// core/v1 TypedLocalObjectReference: an object of any kind in the referrer's namespace.
@APIObject(.core)
public struct TypedLocalObjectReference {
    public var apiGroup: String?
    public var kind: String = ""
    public var name: String = ""
}

/// core/v1 TypedObjectReference: an object of any kind, possibly in another namespace.
@APIObject(.core)
public struct TypedObjectReference {
    public var apiGroup: String?
    public var kind: String = ""
    public var name: String = ""
    public var namespace: String?
}
