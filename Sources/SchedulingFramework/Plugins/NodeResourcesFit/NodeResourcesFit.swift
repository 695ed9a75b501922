import Resources

/// Filter: the node has room for the pod's requests (PodRequests) besides what its pods
/// already request, and a pod slot. Score: by `strategy`, over cpu and memory (weight 1
/// each), as upstream's NodeResourcesFit scoring.
public struct NodeResourcesFit: PreFilterPlugin, FilterPlugin, ScorePlugin {
    public enum Strategy: Sendable, Hashable {
        /// Emptier nodes first (spreads pods), the default.
        case leastAllocated
        /// Fuller nodes first (packs pods).
        case mostAllocated
        /// A piecewise-linear function of utilization (0…100) to score (0…10), as
        /// upstream's shape points.
        case requestedToCapacityRatio([(utilization: Int64, score: Int64)])

        public static func == (a: Strategy, b: Strategy) -> Bool {
            switch (a, b) {
            case (.leastAllocated, .leastAllocated), (.mostAllocated, .mostAllocated): true
            case let (.requestedToCapacityRatio(x), .requestedToCapacityRatio(y)):
                x.map(\.utilization) == y.map(\.utilization) && x.map(\.score) == y.map(\.score)
            default: false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case .leastAllocated: hasher.combine(0)
            case .mostAllocated: hasher.combine(1)
            case .requestedToCapacityRatio(let shape):
                hasher.combine(2)
                for point in shape { hasher.combine(point.utilization); hasher.combine(point.score) }
            }
        }
    }

    public let name = "NodeResourcesFit"
    public var strategy: Strategy
    /// Resources scored, with their weights.
    public var scoredResources: [(name: String, weight: Int64)] = [("cpu", 1), ("memory", 1)]

    public init(strategy: Strategy = .leastAllocated) { self.strategy = strategy }

    /// Upstream's defaults for a container with no requests, when scoring: 100m and 200 MiB.
    static let defaultMilliCPU: Int64 = 100
    static let defaultMemory: Int64 = 200 * 1024 * 1024

    static let requestsKey = "NodeResourcesFit/requests"
    static let scoringKey = "NodeResourcesFit/scoringRequests"

    /// Works out once per cycle what the pod asks, for filtering and for scoring.
    public func preFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState) -> PreFilterResult {
        state[Self.requestsKey] = PodRequests.of(pod)
        state[Self.scoringKey] = Self.scoringRequests(pod)
        return PreFilterResult()
    }

    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        let wanted = state[Self.requestsKey, as: ResourceAmounts.self] ?? PodRequests.of(pod)
        let offered = node.allocatable
        var reasons: [String] = []
        if node.requested.pods + 1 > offered.pods { reasons.append("Too many pods") }
        for resource in wanted.names where wanted[resource] > 0 && node.requested[resource] + wanted[resource] > offered[resource] {
            reasons.append("Insufficient \(resource)")
        }
        return reasons.isEmpty ? .success : PluginStatus(.unschedulable, reasons)
    }

    public func score(_ pod: Pod, node: NodeInfo, state: CycleState) -> Int64 {
        let wanted = Self.scoringRequests(pod, state: state)
        let existing = node.nonZeroRequested
        let offered = node.allocatable
        var weighted: Int64 = 0, weights: Int64 = 0
        for (resource, weight) in scoredResources {
            let capacity = offered[resource]
            guard capacity > 0 else { continue }
            let requested = existing[resource] + wanted[resource]
            weighted += resourceScore(requested: requested, capacity: capacity) * weight
            weights += weight
        }
        return weights == 0 ? 0 : weighted / weights
    }

    /// One resource's 0…100 score.
    func resourceScore(requested: Int64, capacity: Int64) -> Int64 {
        switch strategy {
        case .leastAllocated:
            return requested > capacity ? 0 : (capacity - requested) * maxNodeScore / capacity
        case .mostAllocated:
            return min(requested, capacity) * maxNodeScore / capacity
        case .requestedToCapacityRatio(let shape):
            let utilization = min(requested, capacity) * 100 / capacity
            return Self.interpolate(shape, at: utilization) * (maxNodeScore / 10)
        }
    }

    /// The shape's value at `x`, linear between points and flat beyond the ends.
    static func interpolate(_ shape: [(utilization: Int64, score: Int64)], at x: Int64) -> Int64 {
        guard let first = shape.first, let last = shape.last else { return 0 }
        if x <= first.utilization { return first.score }
        for (a, b) in zip(shape, shape.dropFirst()) where x <= b.utilization {
            return a.score + (b.score - a.score) * (x - a.utilization) / max(1, b.utilization - a.utilization)
        }
        return last.score
    }

    /// The pod's scoring requests, from the cycle state when PreFilter put them there.
    static func scoringRequests(_ pod: Pod, state: CycleState) -> ResourceAmounts {
        state[scoringKey, as: ResourceAmounts.self] ?? scoringRequests(pod)
    }

    /// Requests for scoring: a container asking for no cpu or memory counts as upstream's
    /// non-zero defaults, so that empty pods still spread.
    static func scoringRequests(_ pod: Pod) -> ResourceAmounts {
        var total = ResourceAmounts()
        for container in pod.spec?.containers ?? [] {
            var amounts = PodRequests.requests(of: container)
            if amounts.milliCPU == 0 { amounts.milliCPU = defaultMilliCPU }
            if amounts.memory == 0 { amounts.memory = defaultMemory }
            total += amounts
        }
        total += ResourceAmounts(pod.spec?.overhead ?? [:])
        return total
    }
}
