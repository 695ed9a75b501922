/// core/v1 PodSecurityContext: identity and security settings for every container of a pod
/// and for the volumes it mounts.
@APIObject(.core)
public struct PodSecurityContext {
    public var seLinuxOptions: SELinuxOptions?
    public var windowsOptions: WindowsSecurityContextOptions?
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    public var runAsNonRoot: Bool?
    @ListType("atomic")
    public var supplementalGroups: [Int64] = []
    /// `Merge` or `Strict`.
    public var supplementalGroupsPolicy: String?
    public var fsGroup: Int64?
    @ListType("atomic")
    public var sysctls: [Sysctl] = []
    /// `OnRootMismatch` or `Always`.
    public var fsGroupChangePolicy: String?
    public var seccompProfile: SeccompProfile?
    public var appArmorProfile: AppArmorProfile?
    public var seLinuxChangePolicy: String?
}

/// core/v1 Sysctl: a namespaced kernel parameter set for the pod.
@APIObject(.core)
public struct Sysctl {
    public var name: String = ""
    public var value: String = ""
}
