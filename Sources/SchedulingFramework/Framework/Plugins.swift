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

/// Runs when no node fits: may propose a way to make room (preemption). `framework` lets it
/// re-run the filters against a snapshot with pods taken away.
public protocol PostFilterPlugin: Plugin {
    func postFilter(_ pod: Pod, snapshot: Snapshot, state: CycleState, error: FitError, framework: Framework) -> PostFilterResult?
}

/// Room made by evicting `victims` from `nominatedNode`: the pod waits for them to go, with
/// the node recorded as its `status.nominatedNodeName`.
public struct PostFilterResult: Sendable {
    public var nominatedNode: String
    public var victims: [Pod]

    public init(nominatedNode: String, victims: [Pod]) {
        self.nominatedNode = nominatedNode
        self.victims = victims
    }
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

/// Claims what the chosen node gives the pod before binding starts (e.g. volumes), so that
/// the next cycle sees it taken; `unreserve` gives it back when a later step fails.
public protocol ReservePlugin: Plugin {
    func reserve(_ pod: Pod, node: String, state: inout CycleState) -> PluginStatus
    func unreserve(_ pod: Pod, node: String, state: inout CycleState)
}

extension ReservePlugin {
    public func unreserve(_ pod: Pod, node: String, state: inout CycleState) {}
}

/// The last word before binding: allow, refuse, or hold the pod for a while.
public protocol PermitPlugin: Plugin {
    func permit(_ pod: Pod, node: String, state: CycleState) -> PermitDecision
}

public enum PermitDecision: Sendable, Hashable {
    case allow
    case deny(PluginStatus)
    /// Wait at most this long; the binding goes ahead when the time is up unless denied.
    case wait(Duration)
}

/// The writes that bind a pod, decided purely and performed by the scheduler service: first
/// every PreBind plugin's (e.g. claim bindings), then the first Bind plugin that answers.
public protocol PreBindPlugin: Plugin {
    func preBind(_ pod: Pod, node: String, state: CycleState) -> [BindingWrite]
}

public protocol BindPlugin: Plugin {
    /// The write that binds the pod, or nil to leave it to the next Bind plugin.
    func bind(_ pod: Pod, node: String, state: CycleState) -> BindingWrite?
}

public enum BindingWrite: Sendable, Hashable {
    /// POST `pods/NAME/binding` with the pod's UID as a precondition.
    case bindPod(namespace: String, name: String, uid: String, node: String)
    /// Bind a PersistentVolumeClaim to a PersistentVolume: the volume's `claimRef`, the
    /// claim's `spec.volumeName`, and both marked Bound.
    case bindClaim(namespace: String, claim: String, claimUID: String, volume: String)
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

    /// Plugins that said in PreFilter that their Filter has nothing to check this cycle, and
    /// in PreScore that their Score would rank every node alike (upstream's Skip status).
    public private(set) var skippedFilters: Set<String> = []
    public private(set) var skippedScores: Set<String> = []

    public init() {}

    public mutating func skipFilter(_ plugin: String) { skippedFilters.insert(plugin) }

    public mutating func skipScore(_ plugin: String) { skippedScores.insert(plugin) }

    public subscript<T: Sendable>(key: String, as type: T.Type = T.self) -> T? {
        get { values[key] as? T }
        set { values[key] = newValue }
    }
}
