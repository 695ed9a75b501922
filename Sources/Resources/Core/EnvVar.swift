/// core/v1 EnvVar: one environment variable, with a literal value or one taken from the pod,
/// its resources, a ConfigMap or a Secret.
@APIObject(.core)
public struct EnvVar {
    public var name: String = ""
    public var value: String?
    public var valueFrom: EnvVarSource?
}

/// core/v1 EnvVarSource: where an environment variable's value comes from (exactly one member).
@APIObject(.core)
public struct EnvVarSource {
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: ResourceFieldSelector?
    public var configMapKeyRef: ConfigMapKeySelector?
    public var secretKeyRef: SecretKeySelector?
}

/// core/v1 ObjectFieldSelector: a field of the pod (`metadata.name`, `status.podIP`, …).
@APIObject(.core)
public struct ObjectFieldSelector {
    public var apiVersion: String?
    public var fieldPath: String = ""
}

/// core/v1 ResourceFieldSelector: a container's resource limit or request
/// (`limits.cpu`, `requests.memory`), scaled by `divisor`.
@APIObject(.core)
public struct ResourceFieldSelector {
    public var containerName: String?
    public var resource: String = ""
    public var divisor: Quantity?
}

/// core/v1 ConfigMapKeySelector: one key of a ConfigMap in the pod's namespace.
@APIObject(.core)
public struct ConfigMapKeySelector {
    public var name: String?
    public var key: String = ""
    public var optional: Bool?
}

/// core/v1 SecretKeySelector: one key of a Secret in the pod's namespace.
@APIObject(.core)
public struct SecretKeySelector {
    public var name: String?
    public var key: String = ""
    public var optional: Bool?
}

/// core/v1 EnvFromSource: every key of a ConfigMap or Secret as environment variables,
/// optionally prefixed.
@APIObject(.core)
public struct EnvFromSource {
    public var prefix: String?
    public var configMapRef: ConfigMapEnvSource?
    public var secretRef: SecretEnvSource?
}

/// core/v1 ConfigMapEnvSource: the ConfigMap an `EnvFromSource` reads.
@APIObject(.core)
public struct ConfigMapEnvSource {
    public var name: String?
    public var optional: Bool?
}

/// core/v1 SecretEnvSource: the Secret an `EnvFromSource` reads.
@APIObject(.core)
public struct SecretEnvSource {
    public var name: String?
    public var optional: Bool?
}
