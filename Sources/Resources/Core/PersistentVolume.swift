/// core/v1 PersistentVolume: a piece of storage in the cluster, provisioned by an
/// administrator or a storage class, that a PersistentVolumeClaim binds to.
@APIObject(.core)
public struct PersistentVolume: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "PersistentVolume", plural: "persistentvolumes", namespaced: false)

    public var apiVersion: String = "v1"
    public var kind: String = "PersistentVolume"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: PersistentVolumeSpec?
    public var status: PersistentVolumeStatus?

    /// The values of `status.phase`.
    public enum Phase: String, Sendable, CaseIterable {
        case pending = "Pending"
        case available = "Available"
        case bound = "Bound"
        case released = "Released"
        case failed = "Failed"
    }
}

/// core/v1 PersistentVolumeSpec: a volume's capacity, source, access modes, binding and
/// reclaim policy. Sources not declared here survive in `unknownFields`.
@APIObject(.core)
public struct PersistentVolumeSpec {
    public var capacity: [String: Quantity] = [:]
    public var hostPath: HostPathVolumeSource?
    public var local: LocalVolumeSource?
    public var nfs: NFSVolumeSource?
    public var csi: CSIPersistentVolumeSource?
    @ListType("atomic")
    public var accessModes: [String] = []
    public var claimRef: ObjectReference?
    /// `Retain`, `Delete` or `Recycle`.
    public var persistentVolumeReclaimPolicy: String?
    public var storageClassName: String?
    @ListType("atomic")
    public var mountOptions: [String] = []
    /// `Filesystem` or `Block`.
    public var volumeMode: String?
    public var nodeAffinity: VolumeNodeAffinity?
    public var volumeAttributesClassName: String?
}

/// core/v1 PersistentVolumeStatus: a volume's phase in its binding lifecycle.
@APIObject(.core)
public struct PersistentVolumeStatus {
    /// One of `PersistentVolume.Phase`.
    public var phase: String?
    public var message: String?
    public var reason: String?
    public var lastPhaseTransitionTime: Time?
}

/// core/v1 LocalVolumeSource: a disk, partition or directory local to one node.
@APIObject(.core)
public struct LocalVolumeSource {
    public var path: String = ""
    public var fsType: String?
}

/// core/v1 CSIPersistentVolumeSource: a persistent volume managed by a CSI driver.
@APIObject(.core)
public struct CSIPersistentVolumeSource {
    public var driver: String = ""
    public var volumeHandle: String = ""
    public var readOnly: Bool?
    public var fsType: String?
    public var volumeAttributes: [String: String] = [:]
    public var controllerPublishSecretRef: SecretReference?
    public var nodeStageSecretRef: SecretReference?
    public var nodePublishSecretRef: SecretReference?
    public var controllerExpandSecretRef: SecretReference?
    public var nodeExpandSecretRef: SecretReference?
}

/// core/v1 SecretReference: a Secret by name and namespace.
@APIObject(.core)
public struct SecretReference {
    public var name: String?
    public var namespace: String?
}

/// core/v1 VolumeNodeAffinity: the nodes a volume can be reached from.
@APIObject(.core)
public struct VolumeNodeAffinity {
    public var required: NodeSelector?
}
