import Resources

/// A node with what is placed on it, as the scheduler sees it in one cycle. A value, stored
/// copy-on-write in one box, so that handing it to every plugin for every node costs one
/// reference count, however much it holds.
public struct NodeInfo: Sendable {
    private final class Storage: @unchecked Sendable {
        // Mutated only through `NodeInfo.mutate`, on a uniquely referenced box.
        var node: Node
        var pods: [Pod] = []
        var requested = ResourceAmounts()
        var nonZeroRequested = ResourceAmounts()
        var allocatable: ResourceAmounts
        var imageSizes: [String: Int64]
        var usedPorts: Set<HostPort> = []
        var podsWithAffinity: [Pod] = []
        var podsWithRequiredAntiAffinity: [Pod] = []
        /// The parsed pod (anti-)affinity terms of `podsWithAffinity`, by namespace/name.
        var affinityTerms: [String: PlacedAffinityTerms] = [:]

        init(node: Node) {
            self.node = node
            allocatable = NodeInfo.allocatable(of: node)
            imageSizes = NodeInfo.imageSizes(of: node)
        }

        init(copying other: Storage) {
            node = other.node
            pods = other.pods
            requested = other.requested
            nonZeroRequested = other.nonZeroRequested
            allocatable = other.allocatable
            imageSizes = other.imageSizes
            usedPorts = other.usedPorts
            podsWithAffinity = other.podsWithAffinity
            podsWithRequiredAntiAffinity = other.podsWithRequiredAntiAffinity
            affinityTerms = other.affinityTerms
        }
    }

    private var storage: Storage

    public init(node: Node, pods: [Pod] = []) {
        storage = Storage(node: node)
        for pod in pods { add(pod) }
    }

    private mutating func mutate(_ change: (Storage) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        change(storage)
    }

    public var node: Node {
        _read { yield storage.node }
        set {
            mutate { storage in
                storage.node = newValue
                storage.allocatable = Self.allocatable(of: newValue)
                storage.imageSizes = Self.imageSizes(of: newValue)
            }
        }
    }

    public var pods: [Pod] { _read { yield storage.pods } }
    /// The sum of the requests of `pods` (PodRequests).
    public var requested: ResourceAmounts { _read { yield storage.requested } }
    /// The requests of `pods` as scoring counts them: a container asking for no cpu or
    /// memory counts upstream's non-zero defaults (NodeResourcesFit.scoringRequests).
    public var nonZeroRequested: ResourceAmounts { _read { yield storage.nonZeroRequested } }
    /// What the node offers: `status.allocatable`, or its capacity when allocatable is unset.
    public var allocatable: ResourceAmounts { _read { yield storage.allocatable } }
    /// The images the node holds, by normalized name, with their sizes in bytes.
    public var imageSizes: [String: Int64] { _read { yield storage.imageSizes } }
    /// The host ports of `pods`.
    public var usedPorts: Set<HostPort> { _read { yield storage.usedPorts } }
    /// The pods of `pods` with pod affinity or anti-affinity of any kind, and those with
    /// required anti-affinity (upstream's PodsWithAffinity and PodsWithRequiredAntiAffinity),
    /// so that InterPodAffinity can pass over nodes where no pod has any.
    public var podsWithAffinity: [Pod] { _read { yield storage.podsWithAffinity } }
    public var podsWithRequiredAntiAffinity: [Pod] { _read { yield storage.podsWithRequiredAntiAffinity } }

    public var name: String { storage.node.metadata.name ?? "" }

    /// A placed pod's terms of one kind, parsed once when the pod was added (upstream keeps
    /// them in its PodInfo); parsed now for a pod that is not on this node.
    func affinityTerms(_ kind: AffinityTerm.Kind, of pod: Pod) -> [AffinityTerm] {
        storage.affinityTerms[Self.termsKey(pod)]?[kind] ?? AffinityTerm.placedTerms(kind, of: pod)
    }

    static func termsKey(_ pod: Pod) -> String { (pod.metadata.namespace ?? "") + "/" + (pod.metadata.name ?? "") }

    static func imageSizes(of node: Node) -> [String: Int64] {
        var sizes: [String: Int64] = [:]
        for image in node.status?.images ?? [] {
            for name in image.names { sizes[ImageLocality.normalized(name)] = image.sizeBytes ?? 0 }
        }
        return sizes
    }

    static func allocatable(of node: Node) -> ResourceAmounts {
        let list = node.status?.allocatable.isEmpty == false ? node.status?.allocatable : node.status?.capacity
        return ResourceAmounts(list ?? [:])
    }

    public mutating func add(_ pod: Pod) {
        let requests = PodRequests.of(pod)
        let scoring = NodeResourcesFit.scoringRequests(pod)
        let ports = HostPort.of(pod)
        let affinity = pod.spec?.affinity
        let hasPodAffinity = affinity?.podAffinity != nil || affinity?.podAntiAffinity != nil
        let terms = hasPodAffinity ? PlacedAffinityTerms(pod) : nil
        mutate { storage in
            storage.pods.append(pod)
            storage.requested += requests
            storage.requested.pods += 1
            storage.nonZeroRequested += scoring
            storage.usedPorts.formUnion(ports)
            if let terms {
                storage.podsWithAffinity.append(pod)
                storage.affinityTerms[Self.termsKey(pod)] = terms
            }
            if affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution.isEmpty == false {
                storage.podsWithRequiredAntiAffinity.append(pod)
            }
        }
    }

    /// Takes away the pod with this namespace and name, if it is here; returns it.
    @discardableResult
    public mutating func remove(namespace: String?, name: String?) -> Pod? {
        let same: (Pod) -> Bool = { $0.metadata.namespace == namespace && $0.metadata.name == name }
        guard let index = storage.pods.firstIndex(where: same) else { return nil }
        let pod = storage.pods[index]
        let requests = PodRequests.of(pod)
        let scoring = NodeResourcesFit.scoringRequests(pod)
        mutate { storage in
            storage.pods.remove(at: index)
            storage.requested -= requests
            storage.requested.pods -= 1
            storage.nonZeroRequested -= scoring
            storage.usedPorts = Set(storage.pods.flatMap(HostPort.of))
            storage.podsWithAffinity.removeAll(where: same)
            storage.affinityTerms[Self.termsKey(pod)] = nil
            storage.podsWithRequiredAntiAffinity.removeAll(where: same)
        }
        return pod
    }
}

/// A host port a pod claims: protocol, host IP and port.
public struct HostPort: Sendable, Hashable {
    public var proto: String
    public var ip: String
    public var port: Int32

    static func of(_ pod: Pod) -> [HostPort] {
        let containers = (pod.spec?.initContainers ?? []) + (pod.spec?.containers ?? [])
        return containers.flatMap(\.ports).compactMap { port in
            guard let host = port.hostPort, host > 0 else { return nil }
            return HostPort(proto: port.protocol ?? "TCP", ip: port.hostIP ?? "0.0.0.0", port: host)
        }
    }
}

/// The nodes of one scheduling cycle, in a stable order.
public struct Snapshot: Sendable {
    public var nodes: [NodeInfo]
    /// Claims, volumes and storage classes.
    public var volumes: VolumeSnapshot

    public init(nodes: [NodeInfo], volumes: VolumeSnapshot = VolumeSnapshot()) {
        self.nodes = nodes
        self.volumes = volumes
    }

    /// Nodes, with the bound pods placed on them.
    public init(nodes: [Node], pods: [Pod], volumes: VolumeSnapshot = VolumeSnapshot()) {
        self.volumes = volumes
        var placed: [String: [Pod]] = [:]
        for pod in pods {
            guard let node = pod.spec?.nodeName, !node.isEmpty else { continue }
            let phase = pod.status?.phase
            if phase == "Succeeded" || phase == "Failed" { continue }
            placed[node, default: []].append(pod)
        }
        self.nodes = nodes.map { NodeInfo(node: $0, pods: placed[$0.metadata.name ?? ""] ?? []) }
    }
}

/// A placed pod's four lists of pod (anti-)affinity terms, parsed.
struct PlacedAffinityTerms: Sendable {
    var requiredAffinity: [AffinityTerm]
    var requiredAntiAffinity: [AffinityTerm]
    var preferredAffinity: [AffinityTerm]
    var preferredAntiAffinity: [AffinityTerm]

    init(_ pod: Pod) {
        requiredAffinity = AffinityTerm.placedTerms(.requiredAffinity, of: pod)
        requiredAntiAffinity = AffinityTerm.placedTerms(.requiredAntiAffinity, of: pod)
        preferredAffinity = AffinityTerm.placedTerms(.preferredAffinity, of: pod)
        preferredAntiAffinity = AffinityTerm.placedTerms(.preferredAntiAffinity, of: pod)
    }

    subscript(kind: AffinityTerm.Kind) -> [AffinityTerm] {
        switch kind {
        case .requiredAffinity: requiredAffinity
        case .requiredAntiAffinity: requiredAntiAffinity
        case .preferredAffinity: preferredAffinity
        case .preferredAntiAffinity: preferredAntiAffinity
        }
    }
}
