// Defaulting of core/v1 objects, following Kubernetes' SetDefaults_* functions in
// pkg/apis/core/v1/defaults.go and the generated defaulters that call them on every nested
// value. The API server applies defaults after decoding a create or update and before
// validation; defaulting is idempotent, and never overwrites a value the user set.

/// A value with Kubernetes defaulting rules: `applyDefaults()` fills in every member the
/// API server would default, leaving set members alone. Applying it twice changes nothing.
public protocol Defaultable {
    mutating func applyDefaults()
}

// MARK: - Pod and its parts

extension Pod: Defaultable {
    /// SetDefaults_Pod, then the pod spec's defaults: requests default to limits, service
    /// links are enabled, and host-network pods get host ports equal to container ports.
    public mutating func applyDefaults() {
        var spec = self.spec ?? PodSpec()
        for i in spec.containers.indices { spec.containers[i].resources?.defaultRequestsToLimits() }
        for i in spec.initContainers.indices { spec.initContainers[i].resources?.defaultRequestsToLimits() }
        if spec.enableServiceLinks == nil { spec.enableServiceLinks = true }
        if spec.hostNetwork == true {
            for i in spec.containers.indices { spec.containers[i].defaultHostNetworkPorts() }
            for i in spec.initContainers.indices { spec.initContainers[i].defaultHostNetworkPorts() }
        }
        spec.applyDefaults()
        self.spec = spec
    }
}

extension PodTemplateSpec: Defaultable {
    /// The pod spec's defaults (a template gets no pod-only defaults such as
    /// `enableServiceLinks`, as in Kubernetes).
    public mutating func applyDefaults() {
        var spec = self.spec ?? PodSpec()
        spec.applyDefaults()
        self.spec = spec
    }
}

extension PodSpec: Defaultable {
    /// SetDefaults_PodSpec and the defaults of what a pod spec holds (containers with their
    /// ports, env, probes and hooks; volumes). Shared by pods and pod templates.
    public mutating func applyDefaults() {
        if dnsPolicy.isNilOrEmpty { dnsPolicy = PodSpec.DNSPolicy.clusterFirst.rawValue }
        if restartPolicy.isNilOrEmpty { restartPolicy = PodSpec.RestartPolicy.always.rawValue }
        if securityContext == nil { securityContext = PodSecurityContext() }
        if terminationGracePeriodSeconds == nil { terminationGracePeriodSeconds = 30 }
        if schedulerName.isNilOrEmpty { schedulerName = "default-scheduler" }
        for i in volumes.indices { volumes[i].applyDefaults() }
        for i in initContainers.indices { initContainers[i].applyDefaults() }
        for i in containers.indices { containers[i].applyDefaults() }
    }
}

extension Container: Defaultable {
    /// SetDefaults_Container and the defaults of its ports, env, probes and lifecycle hooks.
    public mutating func applyDefaults() {
        if imagePullPolicy.isNilOrEmpty {
            imagePullPolicy = (Container.imageTag(image) == "latest" ? PullPolicy.always : .ifNotPresent).rawValue
        }
        if terminationMessagePath.isNilOrEmpty { terminationMessagePath = "/dev/termination-log" }
        if terminationMessagePolicy.isNilOrEmpty { terminationMessagePolicy = "File" }
        for i in ports.indices where ports[i].protocol.isNilOrEmpty { ports[i].protocol = "TCP" }
        for i in env.indices { env[i].valueFrom?.fieldRef?.applyDefaults() }
        livenessProbe?.applyDefaults()
        readinessProbe?.applyDefaults()
        startupProbe?.applyDefaults()
        lifecycle?.postStart?.httpGet?.applyDefaults()
        lifecycle?.preStop?.httpGet?.applyDefaults()
    }

    /// The tag Kubernetes reads from an image reference to choose the pull policy
    /// (kubelet's `ParseImageName`): the text after the last `:` of the name part, or
    /// `latest` when there is neither a tag nor a digest; nil for an empty reference.
    /// `registry:5000/app` has a port, not a tag; `app@sha256:…` has a digest and no tag.
    static func imageTag(_ image: String?) -> String? {
        guard let image, !image.isEmpty else { return nil }
        var name = Substring(image)
        var hasDigest = false
        if let at = name.firstIndex(of: "@") {
            hasDigest = true
            name = name[..<at]
        }
        let lastPath = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        if let colon = name[lastPath...].lastIndex(of: ":") {
            return String(name[name.index(after: colon)...])
        }
        return hasDigest ? "" : "latest"
    }

    /// defaultHostNetworkPorts: with host networking a container port is also its host port.
    mutating func defaultHostNetworkPorts() {
        for i in ports.indices where ports[i].hostPort == nil || ports[i].hostPort == 0 {
            ports[i].hostPort = ports[i].containerPort
        }
    }
}

extension ResourceRequirements {
    /// A resource with a limit and no request is requested at its limit.
    mutating func defaultRequestsToLimits() {
        for (name, limit) in limits where requests[name] == nil { requests[name] = limit }
    }
}

extension Probe: Defaultable {
    /// SetDefaults_Probe (a zero counts as unset, as in Kubernetes) and the HTTP action's defaults.
    public mutating func applyDefaults() {
        if timeoutSeconds == nil || timeoutSeconds == 0 { timeoutSeconds = 1 }
        if periodSeconds == nil || periodSeconds == 0 { periodSeconds = 10 }
        if successThreshold == nil || successThreshold == 0 { successThreshold = 1 }
        if failureThreshold == nil || failureThreshold == 0 { failureThreshold = 3 }
        httpGet?.applyDefaults()
    }
}

extension HTTPGetAction: Defaultable {
    /// SetDefaults_HTTPGetAction: path `/`, scheme `HTTP`.
    public mutating func applyDefaults() {
        if path.isNilOrEmpty { path = "/" }
        if scheme.isNilOrEmpty { scheme = "HTTP" }
    }
}

extension ObjectFieldSelector: Defaultable {
    /// SetDefaults_ObjectFieldSelector: field paths are read against `v1`.
    public mutating func applyDefaults() {
        if apiVersion.isNilOrEmpty { apiVersion = "v1" }
    }
}

extension Volume: Defaultable {
    /// SetDefaults_Volume (a volume with no source is an emptyDir) and the defaults of its
    /// source: file mode 0644 for secret, configMap, downwardAPI and projected volumes, an
    /// hour for projected service account tokens, an unset hostPath type, and the claim
    /// template's spec of an ephemeral volume.
    public mutating func applyDefaults() {
        let hasSource = hostPath != nil || emptyDir != nil || secret != nil || nfs != nil
            || persistentVolumeClaim != nil || downwardAPI != nil || configMap != nil || projected != nil
            || csi != nil || ephemeral != nil || image != nil
        // A source this model does not declare arrives in unknownFields; leave it be.
        if !hasSource && unknownFields.isEmpty { emptyDir = EmptyDirVolumeSource() }
        if hostPath != nil, hostPath?.type == nil { hostPath?.type = "" }
        if secret != nil, secret?.defaultMode == nil { secret?.defaultMode = Volume.defaultFileMode }
        if configMap != nil, configMap?.defaultMode == nil { configMap?.defaultMode = Volume.defaultFileMode }
        if var source = downwardAPI {
            if source.defaultMode == nil { source.defaultMode = Volume.defaultFileMode }
            for i in source.items.indices { source.items[i].fieldRef?.applyDefaults() }
            downwardAPI = source
        }
        if var source = projected {
            if source.defaultMode == nil { source.defaultMode = Volume.defaultFileMode }
            for i in source.sources.indices {
                if source.sources[i].serviceAccountToken != nil,
                   source.sources[i].serviceAccountToken?.expirationSeconds == nil
                {
                    source.sources[i].serviceAccountToken?.expirationSeconds = 3600
                }
                for j in source.sources[i].downwardAPI?.items.indices ?? 0..<0 {
                    source.sources[i].downwardAPI?.items[j].fieldRef?.applyDefaults()
                }
            }
            projected = source
        }
        ephemeral?.volumeClaimTemplate?.spec?.applyDefaults()
    }

    /// 0644, the mode of files projected from secrets, config maps and the downward API.
    public static let defaultFileMode: Int32 = 0o644
}

// MARK: - Service and Endpoints

extension Service: Defaultable {
    /// SetDefaults_Service: type ClusterIP, session affinity None (ClientIP gets a 3-hour
    /// timeout), ports TCP with targetPort = port, traffic policies Cluster, and load
    /// balancers allocate node ports.
    public mutating func applyDefaults() {
        var spec = self.spec ?? ServiceSpec()
        if spec.sessionAffinity.isNilOrEmpty { spec.sessionAffinity = "None" }
        if spec.sessionAffinity == "None" {
            spec.sessionAffinityConfig = nil
        } else if spec.sessionAffinity == "ClientIP", spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == nil {
            var config = spec.sessionAffinityConfig ?? SessionAffinityConfig()
            var clientIP = config.clientIP ?? ClientIPConfig()
            clientIP.timeoutSeconds = 10800
            config.clientIP = clientIP
            spec.sessionAffinityConfig = config
        }
        if spec.type.isNilOrEmpty { spec.type = ServiceSpec.ServiceType.clusterIP.rawValue }
        for i in spec.ports.indices {
            if spec.ports[i].protocol.isNilOrEmpty { spec.ports[i].protocol = "TCP" }
            switch spec.ports[i].targetPort {
            case nil, .int(0), .string(""): spec.ports[i].targetPort = .int(spec.ports[i].port)
            default: break
            }
        }
        let type = spec.type
        if type == "NodePort" || type == "LoadBalancer", spec.externalTrafficPolicy.isNilOrEmpty {
            spec.externalTrafficPolicy = "Cluster"
        }
        if type != "ExternalName", spec.internalTrafficPolicy == nil { spec.internalTrafficPolicy = "Cluster" }
        if type == "LoadBalancer", spec.allocateLoadBalancerNodePorts == nil { spec.allocateLoadBalancerNodePorts = true }
        self.spec = spec
    }
}

extension Endpoints: Defaultable {
    /// SetDefaults_Endpoints: ports are TCP unless set.
    public mutating func applyDefaults() {
        for s in subsets.indices {
            for p in subsets[s].ports.indices where subsets[s].ports[p].protocol.isNilOrEmpty {
                subsets[s].ports[p].protocol = "TCP"
            }
        }
    }
}

// MARK: - Other kinds

extension Secret: Defaultable {
    /// SetDefaults_Secret: type Opaque.
    public mutating func applyDefaults() {
        if type.isNilOrEmpty { type = SecretType.opaque.rawValue }
    }
}

extension Namespace: Defaultable {
    /// SetDefaults_Namespace and SetDefaults_NamespaceStatus: the label
    /// `kubernetes.io/metadata.name` always equals the name, and the phase is Active.
    public mutating func applyDefaults() {
        if let name = metadata.name, !name.isEmpty {
            var labels = metadata.labels ?? [:]
            labels["kubernetes.io/metadata.name"] = name
            metadata.labels = labels
        }
        var status = self.status ?? NamespaceStatus()
        if status.phase.isNilOrEmpty { status.phase = Phase.active.rawValue }
        self.status = status
    }
}

extension Node: Defaultable {
    /// SetDefaults_NodeStatus: allocatable defaults to capacity. Nothing else of a node is
    /// defaulted.
    public mutating func applyDefaults() {
        guard var status, !status.capacity.isEmpty, status.allocatable.isEmpty else { return }
        status.allocatable = status.capacity
        self.status = status
    }
}

extension PersistentVolume: Defaultable {
    /// SetDefaults_PersistentVolume: phase Pending, reclaim policy Retain, volume mode
    /// Filesystem, and an unset hostPath type.
    public mutating func applyDefaults() {
        var spec = self.spec ?? PersistentVolumeSpec()
        if spec.persistentVolumeReclaimPolicy.isNilOrEmpty { spec.persistentVolumeReclaimPolicy = "Retain" }
        if spec.volumeMode == nil { spec.volumeMode = "Filesystem" }
        if spec.hostPath != nil, spec.hostPath?.type == nil { spec.hostPath?.type = "" }
        self.spec = spec
        var status = self.status ?? PersistentVolumeStatus()
        if status.phase.isNilOrEmpty { status.phase = Phase.pending.rawValue }
        self.status = status
    }
}

extension PersistentVolumeClaim: Defaultable {
    /// SetDefaults_PersistentVolumeClaim and its spec's defaults: phase Pending, volume
    /// mode Filesystem.
    public mutating func applyDefaults() {
        var spec = self.spec ?? PersistentVolumeClaimSpec()
        spec.applyDefaults()
        self.spec = spec
        var status = self.status ?? PersistentVolumeClaimStatus()
        if status.phase.isNilOrEmpty { status.phase = Phase.pending.rawValue }
        self.status = status
    }
}

extension PersistentVolumeClaimSpec: Defaultable {
    /// SetDefaults_PersistentVolumeClaimSpec: volume mode Filesystem. Also used by the claim
    /// templates of ephemeral volumes and StatefulSets.
    public mutating func applyDefaults() {
        if volumeMode == nil { volumeMode = "Filesystem" }
    }
}

extension Optional where Wrapped == String {
    /// Go's `== ""` on a string that may be absent: both nil and empty count as unset.
    fileprivate var isNilOrEmpty: Bool { self?.isEmpty ?? true }
}
