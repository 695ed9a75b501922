/// core/v1 SecurityContext: a container's privileges and identity; members set here
/// override the pod's `PodSecurityContext`.
@APIObject(.core)
public struct SecurityContext {
    public var capabilities: Capabilities?
    public var privileged: Bool?
    public var seLinuxOptions: SELinuxOptions?
    public var windowsOptions: WindowsSecurityContextOptions?
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    public var runAsNonRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var allowPrivilegeEscalation: Bool?
    /// `Default` or `Unmasked`.
    public var procMount: String?
    public var seccompProfile: SeccompProfile?
    public var appArmorProfile: AppArmorProfile?
}

/// core/v1 Capabilities: POSIX capabilities added to or dropped from a container's default set.
@APIObject(.core)
public struct Capabilities {
    @ListType("atomic")
    public var add: [String] = []
    @ListType("atomic")
    public var drop: [String] = []
}

/// core/v1 SELinuxOptions: the SELinux label applied to a container or pod.
@APIObject(.core)
public struct SELinuxOptions {
    public var user: String?
    public var role: String?
    public var type: String?
    public var level: String?
}

/// core/v1 WindowsSecurityContextOptions: Windows-specific identity options.
@APIObject(.core)
public struct WindowsSecurityContextOptions {
    public var gmsaCredentialSpecName: String?
    public var gmsaCredentialSpec: String?
    public var runAsUserName: String?
    public var hostProcess: Bool?
}

/// core/v1 SeccompProfile: the seccomp filter a container runs under.
@APIObject(.core)
public struct SeccompProfile {
    /// `RuntimeDefault`, `Unconfined` or `Localhost`.
    public var type: String = ""
    public var localhostProfile: String?
}

/// core/v1 AppArmorProfile: the AppArmor profile a container runs under.
@APIObject(.core)
public struct AppArmorProfile {
    /// `RuntimeDefault`, `Unconfined` or `Localhost`.
    public var type: String = ""
    public var localhostProfile: String?
}
