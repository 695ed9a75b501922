/// Every plugin by name, and the default profile built from them: adding a plugin means
/// adding it here.
public enum Registry {
    public static let defaultSchedulerName = "default-scheduler"

    /// The default profile, in upstream's order; score weights as upstream's defaults
    /// (TaintToleration 3, NodeAffinity, PodTopologySpread and InterPodAffinity 2,
    /// NodeResourcesFit, NodeResourcesBalancedAllocation and ImageLocality 1).
    public static func defaultProfile(parallelism: Int = 1) -> Framework {
        let fit = NodeResourcesFit()
        let affinity = NodeAffinityPlugin()
        let taints = TaintToleration()
        let images = ImageLocality()
        let ports = NodePorts()
        let spread = PodTopologySpread()
        let podAffinity = InterPodAffinity()
        let volumes = VolumeBinding()
        return Framework(
            profileName: defaultSchedulerName,
            preFilters: [affinity, ports, fit, volumes, images, spread, podAffinity],
            filters: [NodeUnschedulable(), NodeName(), taints, affinity, ports, fit, volumes, spread, podAffinity],
            postFilters: [DefaultPreemption()],
            preScores: [affinity, spread, podAffinity],
            scores: [(taints, 3), (affinity, 2), (fit, 1), (spread, 2), (podAffinity, 2),
                     (NodeResourcesBalancedAllocation(), 1), (images, 1)],
            reserves: [volumes], preBinds: [volumes],
            binders: [DefaultBinder()], parallelism: parallelism)
    }
}
