/// core/v1 TopologySpreadConstraint: how evenly matching pods must spread across the domains
/// of a topology key.
@APIObject(.core)
public struct TopologySpreadConstraint {
    public var maxSkew: Int32 = 0
    public var topologyKey: String = ""
    /// `DoNotSchedule` or `ScheduleAnyway`.
    public var whenUnsatisfiable: String = ""
    public var labelSelector: LabelSelector?
    public var minDomains: Int32?
    /// `Honor` or `Ignore`.
    public var nodeAffinityPolicy: String?
    /// `Honor` or `Ignore`.
    public var nodeTaintsPolicy: String?
    @ListType("atomic")
    public var matchLabelKeys: [String] = []
}
