/// Every plugin by name, and the default profile built from them: adding a plugin means
/// adding it here.
public enum Registry {
    public static let defaultSchedulerName = "default-scheduler"

    /// The default profile, in upstream's order; score weights as upstream's defaults
    /// (TaintToleration 3, NodeAffinity and InterPodAffinity 2,
    /// NodeResourcesFit, NodeResourcesBalancedAllocation and ImageLocality 1).
    public static func defaultProfile() -> Framework {
        let fit = NodeResourcesFit()
        let affinity = NodeAffinityPlugin()
        let taints = TaintToleration()
        let images = ImageLocality()
        let podAffinity = InterPodAffinity()
        return Framework(
            profileName: defaultSchedulerName,
            preFilters: [images, podAffinity],
            filters: [NodeUnschedulable(), NodeName(), taints, affinity, NodePorts(), fit, podAffinity],
            preScores: [podAffinity],
            scores: [(taints, 3), (affinity, 2), (fit, 1), (podAffinity, 2),
                     (NodeResourcesBalancedAllocation(), 1), (images, 1)])
    }
}
