import Resources

/// Pod affinity and anti-affinity between pods, as upstream's InterPodAffinity plugin. A
/// term's domain on a node is the node's value of the term's topology key.
///
/// Filter: the node's domains hold pods matching every required affinity term of the pod (or,
/// for the first pod of a group, no pod anywhere matches them and the pod matches them
/// itself); they hold no pod matching a required anti-affinity term of the pod; and they hold
/// no placed pod whose required anti-affinity term matches the pod (symmetry).
///
/// Score: per domain, the weights of the pod's preferred terms that placed pods match
/// (anti-affinity subtracts), plus the weights of placed pods' preferred terms that the pod
/// matches, plus `hardPodAffinityWeight` for each of their required affinity terms it
/// matches; then brought into 0…100 between the lowest and the highest node.
///
/// PreFilter and PreScore count per domain over the whole snapshot, so that Filter and Score
/// cost O(terms) per node; both do nothing when no pod involved has pod affinity.
public struct InterPodAffinity: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static let name = "InterPodAffinity"
    public var name: String { Self.name }

    public static let affinityReason = "node(s) didn't match pod affinity rules"
    public static let antiAffinityReason = "node(s) didn't match pod anti-affinity rules"
    public static let existingAntiAffinityReason = "node(s) didn't satisfy existing pods anti-affinity rules"

    /// What a placed pod's required affinity term that the incoming pod matches adds to its
    /// domain's score (upstream's hardPodAffinityWeight, 1 by default; 0 turns it off).
    public var hardPodAffinityWeight: Int64

    public init(hardPodAffinityWeight: Int64 = 1) { self.hardPodAffinityWeight = hardPodAffinityWeight }

    static let filterStateKey = "InterPodAffinity/filter"
    static let scoreStateKey = "InterPodAffinity/score"
    /// Every node of the snapshot, kept by PreFilter: PreScore is handed only the feasible
    /// nodes, but pods on every node count toward their domains (upstream reads its snapshot
    /// lister).
    static let nodesKey = "InterPodAffinity/nodes"

    /// A topology key and one of its values: one domain.
    struct TopologyPair: Hashable, Sendable {
        var key: String
        var value: String
    }
}
