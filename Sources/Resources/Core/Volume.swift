/// core/v1 Volume: a named volume of a pod and its source (exactly one source member).
/// Sources not declared here (cloud disks, iSCSI, …) survive in `unknownFields`.
@APIObject(.core)
public struct Volume {
    public var name: String = ""
    public var hostPath: HostPathVolumeSource?
    public var emptyDir: EmptyDirVolumeSource?
    public var secret: SecretVolumeSource?
    public var nfs: NFSVolumeSource?
    public var persistentVolumeClaim: PersistentVolumeClaimVolumeSource?
    public var downwardAPI: DownwardAPIVolumeSource?
    public var configMap: ConfigMapVolumeSource?
    public var projected: ProjectedVolumeSource?
    public var csi: CSIVolumeSource?
    public var ephemeral: EphemeralVolumeSource?
    public var image: ImageVolumeSource?
}

/// core/v1 EmptyDirVolumeSource: scratch space that lives as long as the pod.
@APIObject(.core)
public struct EmptyDirVolumeSource {
    /// Empty for the node's disk, or `Memory` for tmpfs.
    public var medium: String?
    public var sizeLimit: Quantity?
}

/// core/v1 HostPathVolumeSource: a file or directory of the node.
@APIObject(.core)
public struct HostPathVolumeSource {
    public var path: String = ""
    /// `Directory`, `DirectoryOrCreate`, `File`, `FileOrCreate`, `Socket`, … or empty.
    public var type: String?
}

/// core/v1 SecretVolumeSource: the keys of a Secret as files.
@APIObject(.core)
public struct SecretVolumeSource {
    public var secretName: String?
    @ListType("atomic")
    public var items: [KeyToPath] = []
    public var defaultMode: Int32?
    public var optional: Bool?
}

/// core/v1 ConfigMapVolumeSource: the keys of a ConfigMap as files.
@APIObject(.core)
public struct ConfigMapVolumeSource {
    public var name: String?
    @ListType("atomic")
    public var items: [KeyToPath] = []
    public var defaultMode: Int32?
    public var optional: Bool?
}

/// core/v1 KeyToPath: one key of a ConfigMap or Secret projected to a relative file path.
@APIObject(.core)
public struct KeyToPath {
    public var key: String = ""
    public var path: String = ""
    public var mode: Int32?
}

/// core/v1 NFSVolumeSource: an NFS export.
@APIObject(.core)
public struct NFSVolumeSource {
    public var server: String = ""
    public var path: String = ""
    public var readOnly: Bool?
}

/// core/v1 PersistentVolumeClaimVolumeSource: the volume bound to a claim in the pod's namespace.
@APIObject(.core)
public struct PersistentVolumeClaimVolumeSource {
    public var claimName: String = ""
    public var readOnly: Bool?
}

/// core/v1 CSIVolumeSource: an inline ephemeral volume provided by a CSI driver.
@APIObject(.core)
public struct CSIVolumeSource {
    public var driver: String = ""
    public var readOnly: Bool?
    public var fsType: String?
    public var volumeAttributes: [String: String] = [:]
    public var nodePublishSecretRef: LocalObjectReference?
}

/// core/v1 EphemeralVolumeSource: a PersistentVolumeClaim created for, and deleted with, the pod.
@APIObject(.core)
public struct EphemeralVolumeSource {
    public var volumeClaimTemplate: PersistentVolumeClaimTemplate?
}

/// core/v1 PersistentVolumeClaimTemplate: the metadata and spec of the claim an ephemeral
/// volume creates.
@APIObject(.core)
public struct PersistentVolumeClaimTemplate {
    public var metadata: ObjectMeta?
    public var spec: PersistentVolumeClaimSpec?
}

/// core/v1 ImageVolumeSource: the content of an OCI image or artifact, mounted read-only.
@APIObject(.core)
public struct ImageVolumeSource {
    public var reference: String?
    public var pullPolicy: String?
}
