/// core/v1 Affinity: the pod's scheduling constraints relative to nodes (node affinity) and
/// to other pods (pod affinity and anti-affinity).
@APIObject(.core)
public struct Affinity {
    public var nodeAffinity: NodeAffinity?
    public var podAffinity: PodAffinity?
    public var podAntiAffinity: PodAntiAffinity?
}

/// core/v1 NodeAffinity: node selector terms the pod requires, and weighted ones it prefers.
@APIObject(.core)
public struct NodeAffinity {
    public var requiredDuringSchedulingIgnoredDuringExecution: NodeSelector?
    @ListType("atomic")
    public var preferredDuringSchedulingIgnoredDuringExecution: [PreferredSchedulingTerm] = []
}

/// core/v1 PreferredSchedulingTerm: a node selector term with the weight (1–100) it adds to
/// a node's score when it matches.
@APIObject(.core)
public struct PreferredSchedulingTerm {
    public var weight: Int32 = 0
    public var preference: NodeSelectorTerm?
}

/// core/v1 PodAffinity: co-locate the pod with pods matching the terms, in the same topology domain.
@APIObject(.core)
public struct PodAffinity {
    @ListType("atomic")
    public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm] = []
    @ListType("atomic")
    public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm] = []
}

/// core/v1 PodAntiAffinity: keep the pod away from pods matching the terms, per topology domain.
@APIObject(.core)
public struct PodAntiAffinity {
    @ListType("atomic")
    public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm] = []
    @ListType("atomic")
    public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm] = []
}

/// core/v1 PodAffinityTerm: the pods (selected by labels within namespaces) a pod must or
/// must not share a topology domain (`topologyKey`) with.
@APIObject(.core)
public struct PodAffinityTerm {
    public var labelSelector: LabelSelector?
    @ListType("atomic")
    public var namespaces: [String] = []
    public var topologyKey: String = ""
    public var namespaceSelector: LabelSelector?
    @ListType("atomic")
    public var matchLabelKeys: [String] = []
    @ListType("atomic")
    public var mismatchLabelKeys: [String] = []
}

/// core/v1 WeightedPodAffinityTerm: a preferred pod affinity term and its weight (1–100).
@APIObject(.core)
public struct WeightedPodAffinityTerm {
    public var weight: Int32 = 0
    public var podAffinityTerm: PodAffinityTerm?
}
