import Resources

/// Spreads matching pods evenly across topology domains (a domain: the nodes sharing one
/// value of the constraint's topology key), as upstream's PodTopologySpread plugin, over the
/// pod's own `topologySpreadConstraints`.
///
/// Filter, for each DoNotSchedule constraint: the node has the topology key, and placing the
/// pod there keeps `matching pods in the node's domain + 1 (if the pod matches) − the fewest
/// in any eligible domain` within maxSkew (the fewest counts as 0 while fewer than minDomains
/// domains are eligible). Score, for the ScheduleAnyway constraints: fewer matching pods in
/// the node's domains rank higher, each constraint weighted by log(its domain count + 2).
///
/// Matching pods are those in the pod's namespace, not terminating, that the constraint's
/// selector matches. Only eligible nodes count (nodeAffinityPolicy, nodeTaintsPolicy).
///
/// Upstream also spreads pods without constraints of their own by system default constraints
/// (by hostname and zone, for pods owned by a Service, ReplicaSet, StatefulSet or
/// ReplicationController); those are left out for now, so such pods are not spread here.
public struct PodTopologySpread: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static let name = "PodTopologySpread"
    public var name: String { Self.name }

    public static let constraintsReason = "node(s) didn't match pod topology spread constraints"
    public static let missingLabelReason = "node(s) didn't match pod topology spread constraints (missing required label)"

    public init() {}

    static let filterStateKey = "PodTopologySpread/filter"
    static let scoreStateKey = "PodTopologySpread/score"
    /// Every node of the snapshot, kept by PreFilter: PreScore is handed only the feasible
    /// nodes, but pods on every eligible node count toward their domains.
    static let nodesKey = "PodTopologySpread/nodes"
}
