import Resources

/// Favours nodes whose cpu and memory would be used in equal proportion once the pod is
/// placed: the score is 100 × (1 − the standard deviation of the used fractions), as
/// upstream's balanced allocation.
public struct NodeResourcesBalancedAllocation: ScorePlugin {
    public let name = "NodeResourcesBalancedAllocation"
    public var resources = ["cpu", "memory"]

    public init() {}

    public func score(_ pod: Pod, node: NodeInfo, state: CycleState) -> Int64 {
        var requested = NodeResourcesFit.scoringRequests(pod, state: state)
        requested += node.nonZeroRequested
        let offered = node.allocatable
        let fractions: [Double] = resources.compactMap { resource in
            let capacity = offered[resource]
            guard capacity > 0 else { return nil }
            return min(1, Double(requested[resource]) / Double(capacity))
        }
        guard fractions.count > 1 else { return maxNodeScore }
        let mean = fractions.reduce(0, +) / Double(fractions.count)
        let variance = fractions.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(fractions.count)
        return Int64(((1 - variance.squareRoot()) * Double(maxNodeScore)).rounded(.down))
    }
}
