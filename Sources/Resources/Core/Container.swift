/// core/v1 Container: one container of a pod — image, command, environment, resources,
/// mounts, probes, lifecycle hooks and security settings.
@APIObject(.core)
public struct Container {
    public var name: String = ""
    public var image: String?
    @ListType("atomic")
    public var command: [String] = []
    @ListType("atomic")
    public var args: [String] = []
    public var workingDir: String?
    @Patch(strategy: "merge", key: "containerPort") @ListType("map", keys: ["containerPort", "protocol"])
    public var ports: [ContainerPort] = []
    @ListType("atomic")
    public var envFrom: [EnvFromSource] = []
    @Patch(strategy: "merge", key: "name") @ListType("map", keys: ["name"])
    public var env: [EnvVar] = []
    public var resources: ResourceRequirements?
    @ListType("atomic")
    public var resizePolicy: [ContainerResizePolicy] = []
    /// Only `Always`, on an init container: it runs as a sidecar for the pod's lifetime.
    public var restartPolicy: String?
    @Patch(strategy: "merge", key: "mountPath") @ListType("map", keys: ["mountPath"])
    public var volumeMounts: [VolumeMount] = []
    @Patch(strategy: "merge", key: "devicePath") @ListType("map", keys: ["devicePath"])
    public var volumeDevices: [VolumeDevice] = []
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var lifecycle: Lifecycle?
    public var terminationMessagePath: String?
    /// `File` or `FallbackToLogsOnError`.
    public var terminationMessagePolicy: String?
    /// One of `PullPolicy`.
    public var imagePullPolicy: String?
    public var securityContext: SecurityContext?
    public var stdin: Bool?
    public var stdinOnce: Bool?
    public var tty: Bool?

    /// The values of `imagePullPolicy`.
    public enum PullPolicy: String, Sendable, CaseIterable {
        case always = "Always"
        case ifNotPresent = "IfNotPresent"
        case never = "Never"
    }
}

/// core/v1 ContainerPort: a port a container listens on, optionally bound on the host.
@APIObject(.core)
public struct ContainerPort {
    public var name: String?
    public var hostPort: Int32?
    public var containerPort: Int32 = 0
    /// `TCP` (the default), `UDP` or `SCTP`.
    public var `protocol`: String?
    public var hostIP: String?
}

/// core/v1 VolumeMount: where a pod volume appears inside a container.
@APIObject(.core)
public struct VolumeMount {
    public var name: String = ""
    public var readOnly: Bool?
    public var recursiveReadOnly: String?
    public var mountPath: String = ""
    public var subPath: String?
    public var mountPropagation: String?
    public var subPathExpr: String?
}

/// core/v1 VolumeDevice: a raw block volume exposed to a container as a device node.
@APIObject(.core)
public struct VolumeDevice {
    public var name: String = ""
    public var devicePath: String = ""
}

/// core/v1 ContainerResizePolicy: whether resizing a resource in place restarts the container.
@APIObject(.core)
public struct ContainerResizePolicy {
    public var resourceName: String = ""
    public var restartPolicy: String = ""
}
