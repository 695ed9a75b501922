import Resources

/// The extension points a plugin may implement (upstream's framework interfaces). Plugins are
/// pure: they read the pod, the snapshot and the cycle state, and answer.
public protocol Plugin: Sendable {
    var name: String { get }
}

/// Runs once per pod before any node is filtered; may refuse the pod outright, or narrow
/// the nodes worth filtering.
public protocol PreFilterPlugin: Plugin {
    func preFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState) -> PreFilterResult
}

public struct PreFilterResult: Sendable {
    public var status: PluginStatus
    /// When set, only these nodes are worth filtering.
    public var nodeNames: Set<String>?

    public init(_ status: PluginStatus = .success, nodeNames: Set<String>? = nil) {
        self.status = status
        self.nodeNames = nodeNames
    }
}

/// Whether the pod can run on one node.
public protocol FilterPlugin: Plugin {
    func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus
}

/// Runs once per pod over the feasible nodes, before scoring.
public protocol PreScorePlugin: Plugin {
    func preScore(_ pod: Pod, nodes: [NodeInfo], state: inout CycleState)
}

/// A score for the pod on one feasible node, then, when the plugin normalizes, the scores of
/// all feasible nodes brought into 0…100.
public protocol ScorePlugin: Plugin {
    func score(_ pod: Pod, node: NodeInfo, state: CycleState) -> Int64
    func normalize(_ scores: inout [Int64], pod: Pod, state: CycleState)
}

extension ScorePlugin {
    public func normalize(_ scores: inout [Int64], pod: Pod, state: CycleState) {}
}

/// The highest score a plugin gives a node after normalizing.
public let maxNodeScore: Int64 = 100

/// Scales `scores` so that the highest becomes `maxNodeScore` (or, `reverse`, so that the
/// lowest raw score ranks highest), as upstream's DefaultNormalizeScore.
public func normalizeToMax(_ scores: inout [Int64], reverse: Bool) {
    let highest = scores.max() ?? 0
    if highest == 0 {
        if reverse { scores = scores.map { _ in maxNodeScore } }
        return
    }
    scores = scores.map { score in
        let scaled = maxNodeScore * score / highest
        return reverse ? maxNodeScore - scaled : scaled
    }
}

/// Data plugins share within one pod's cycle, keyed by the writing plugin's choice of key.
public struct CycleState: Sendable {
    private var values: [String: any Sendable] = [:]

    public init() {}

    public subscript<T: Sendable>(key: String, as type: T.Type = T.self) -> T? {
        get { values[key] as? T }
        set { values[key] = newValue }
    }
}
