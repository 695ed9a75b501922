/// core/v1 ProjectedVolumeSource: several sources (secrets, config maps, downward API,
/// service account tokens) merged into one directory.
@APIObject(.core)
public struct ProjectedVolumeSource {
    @ListType("atomic")
    public var sources: [VolumeProjection] = []
    public var defaultMode: Int32?
}

/// core/v1 VolumeProjection: one source of a projected volume (exactly one member).
@APIObject(.core)
public struct VolumeProjection {
    public var secret: SecretProjection?
    public var downwardAPI: DownwardAPIProjection?
    public var configMap: ConfigMapProjection?
    public var serviceAccountToken: ServiceAccountTokenProjection?
    public var clusterTrustBundle: ClusterTrustBundleProjection?
}

/// core/v1 SecretProjection: the keys of a Secret inside a projected volume.
@APIObject(.core)
public struct SecretProjection {
    public var name: String?
    @ListType("atomic")
    public var items: [KeyToPath] = []
    public var optional: Bool?
}

/// core/v1 ConfigMapProjection: the keys of a ConfigMap inside a projected volume.
@APIObject(.core)
public struct ConfigMapProjection {
    public var name: String?
    @ListType("atomic")
    public var items: [KeyToPath] = []
    public var optional: Bool?
}

/// core/v1 DownwardAPIProjection: downward API files inside a projected volume.
@APIObject(.core)
public struct DownwardAPIProjection {
    @ListType("atomic")
    public var items: [DownwardAPIVolumeFile] = []
}

/// core/v1 ServiceAccountTokenProjection: a bound, audience-scoped service account token,
/// refreshed by the node agent before it expires.
@APIObject(.core)
public struct ServiceAccountTokenProjection {
    public var audience: String?
    public var expirationSeconds: Int64?
    public var path: String = ""
}

/// core/v1 ClusterTrustBundleProjection: certificates of ClusterTrustBundles as one PEM file.
@APIObject(.core)
public struct ClusterTrustBundleProjection {
    public var name: String?
    public var signerName: String?
    public var labelSelector: LabelSelector?
    public var optional: Bool?
    public var path: String = ""
}
