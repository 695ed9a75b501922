import Resources

/// A node with what is placed on it, as the scheduler sees it in one cycle.
public struct NodeInfo: Sendable {
    public var node: Node {
        didSet {
            imageSizes = Self.imageSizes(of: node)
            allocatable = Self.allocatable(of: node)
        }
    }
    public var pods: [Pod]
    /// The requests of `pods` as scoring counts them: a container asking for no cpu or
    /// memory counts upstream's non-zero defaults (NodeResourcesFit.scoringRequests).
    public private(set) var nonZeroRequested: ResourceAmounts
    /// The images the node holds, by normalized name, with their sizes in bytes.
    public private(set) var imageSizes: [String: Int64]
    /// The sum of the requests of `pods` (PodRequests), and of their host ports.
    public private(set) var requested: ResourceAmounts
    public private(set) var usedPorts: Set<HostPort>
    /// The pods of `pods` with pod affinity or anti-affinity of any kind, and those with
    /// required anti-affinity (upstream's PodsWithAffinity and PodsWithRequiredAntiAffinity),
    /// so that InterPodAffinity can pass over nodes where no pod has any.
    public private(set) var podsWithAffinity: [Pod]
    public private(set) var podsWithRequiredAntiAffinity: [Pod]

    public init(node: Node, pods: [Pod] = []) {
        self.node = node
        self.pods = []
        requested = ResourceAmounts()
        nonZeroRequested = ResourceAmounts()
        imageSizes = Self.imageSizes(of: node)
        allocatable = Self.allocatable(of: node)
        usedPorts = []
        podsWithAffinity = []
        podsWithRequiredAntiAffinity = []
        for pod in pods { add(pod) }
    }

    public var name: String { node.metadata.name ?? "" }

    static func imageSizes(of node: Node) -> [String: Int64] {
        var sizes: [String: Int64] = [:]
        for image in node.status?.images ?? [] {
            for name in image.names { sizes[ImageLocality.normalized(name)] = image.sizeBytes ?? 0 }
        }
        return sizes
    }

    /// What the node offers: `status.allocatable`, or its capacity when allocatable is unset.
    public private(set) var allocatable: ResourceAmounts

    static func allocatable(of node: Node) -> ResourceAmounts {
        let list = node.status?.allocatable.isEmpty == false ? node.status?.allocatable : node.status?.capacity
        return ResourceAmounts(list ?? [:])
    }

    public mutating func add(_ pod: Pod) {
        pods.append(pod)
        requested += PodRequests.of(pod)
        requested.pods += 1
        nonZeroRequested += NodeResourcesFit.scoringRequests(pod)
        usedPorts.formUnion(HostPort.of(pod))
        let affinity = pod.spec?.affinity
        if affinity?.podAffinity != nil || affinity?.podAntiAffinity != nil { podsWithAffinity.append(pod) }
        if affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution.isEmpty == false {
            podsWithRequiredAntiAffinity.append(pod)
        }
    }

    /// Takes away the pod with this namespace and name, if it is here; returns it.
    @discardableResult
    public mutating func remove(namespace: String?, name: String?) -> Pod? {
        guard let index = pods.firstIndex(where: { $0.metadata.namespace == namespace && $0.metadata.name == name }) else { return nil }
        let pod = pods.remove(at: index)
        requested -= PodRequests.of(pod)
        requested.pods -= 1
        nonZeroRequested -= NodeResourcesFit.scoringRequests(pod)
        usedPorts = Set(pods.flatMap(HostPort.of))
        let same: (Pod) -> Bool = { $0.metadata.namespace == namespace && $0.metadata.name == name }
        podsWithAffinity.removeAll(where: same)
        podsWithRequiredAntiAffinity.removeAll(where: same)
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

    public init(nodes: [NodeInfo]) { self.nodes = nodes }

    /// Nodes, with the bound pods placed on them.
    public init(nodes: [Node], pods: [Pod]) {
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
