import Dispatch
import Resources

/// One scheduling profile: the plugins at each extension point, and the score weights.
/// `schedule` runs a pod through them against a snapshot: PreFilter, Filter on the candidate
/// nodes until enough are feasible (`percentageOfNodesToScore`), PreScore and Score on the
/// feasible ones (each plugin's scores normalized and weighted), and picks the highest total —
/// the first node in evaluation order among equals, so that a run is reproducible. Filter and
/// Score run across `parallelism` threads in fixed batches, so the answer never depends on
/// thread timing.
public struct Framework: Sendable {
    public var profileName: String
    public var preFilters: [any PreFilterPlugin]
    public var filters: [any FilterPlugin]
    public var postFilters: [any PostFilterPlugin]
    public var preScores: [any PreScorePlugin]
    public var scores: [(plugin: any ScorePlugin, weight: Int64)]
    public var reserves: [any ReservePlugin]
    public var permits: [any PermitPlugin]
    public var preBinds: [any PreBindPlugin]
    public var binders: [any BindPlugin]
    /// The share of nodes to find feasible before scoring, as upstream's
    /// percentageOfNodesToScore; nil adapts to the cluster size (50% less 1% per 125 nodes,
    /// at least 5%), and never fewer than 100 nodes.
    public var percentageOfNodesToScore: Int?
    /// How many threads filter and score one pod.
    public var parallelism: Int

    public init(profileName: String, preFilters: [any PreFilterPlugin] = [], filters: [any FilterPlugin] = [],
                postFilters: [any PostFilterPlugin] = [], preScores: [any PreScorePlugin] = [],
                scores: [(plugin: any ScorePlugin, weight: Int64)] = [], reserves: [any ReservePlugin] = [],
                permits: [any PermitPlugin] = [], preBinds: [any PreBindPlugin] = [], binders: [any BindPlugin] = [DefaultBinder()],
                percentageOfNodesToScore: Int? = nil, parallelism: Int = 1) {
        self.profileName = profileName
        self.preFilters = preFilters
        self.filters = filters
        self.postFilters = postFilters
        self.preScores = preScores
        self.scores = scores
        self.reserves = reserves
        self.permits = permits
        self.preBinds = preBinds
        self.binders = binders
        self.percentageOfNodesToScore = percentageOfNodesToScore
        self.parallelism = max(1, parallelism)
    }

    /// A placement, or why there is none.
    public enum Outcome: Sendable {
        case node(String, score: Int64)
        case unschedulable(FitError)
    }

    /// One scheduling cycle's answer, with how many nodes it looked at from `startIndex`
    /// (the caller starts the next cycle after them, so that every node gets its turn).
    public struct Cycle: Sendable {
        public var outcome: Outcome
        public var evaluatedNodes: Int
        /// What the PostFilter plugins (preemption) propose when no node fits.
        public var postFilter: PostFilterResult?
        /// The cycle's state, for Reserve, Permit and Bind.
        public var state = CycleState()
    }

    public func schedule(_ pod: Pod, snapshot: Snapshot) -> Outcome {
        run(pod, snapshot: snapshot).outcome
    }

    /// Schedules `pod`, filtering nodes in snapshot order from `startIndex`, wrapping round.
    /// Among nodes with the best score, the `tieBreak`-th (modulo their number) wins: the
    /// scheduler passes its cycle count, so that ties go round the nodes, where upstream
    /// picks one at random.
    public func run(_ pod: Pod, snapshot: Snapshot, startIndex: Int = 0, tieBreak: Int = 0) -> Cycle {
        var state = CycleState()
        let total = snapshot.nodes.count
        var candidates: Set<String>?
        for plugin in preFilters {
            let result = plugin.preFilter(pod, snapshot: snapshot, state: &state)
            guard result.status.isSuccess else {
                var status = result.status
                status.plugin = plugin.name
                let error = FitError(nodeCount: total, preFilter: status)
                return Cycle(outcome: .unschedulable(error), evaluatedNodes: 0,
                             postFilter: postFilter(pod, snapshot: snapshot, state: &state, error: error), state: state)
            }
            if let names = result.nodeNames { candidates = candidates.map { $0.intersection(names) } ?? names }
        }
        let wanted = feasibleNodesToFind(total)
        var feasible: [NodeInfo] = []
        var refusals: [String: PluginStatus] = [:]
        var evaluated = 0
        // Batches of `wanted`: one batch when every node fits, as in most cycles.
        let batch = max(1, wanted)
        let frozen = state
        let active = filters.filter { !state.skippedFilters.contains($0.name) }
        while evaluated < total, feasible.count < wanted {
            let count = min(batch, total - evaluated)
            let offset = evaluated
            let verdicts = map(count) { position -> PluginStatus? in
                let node = snapshot.nodes[(startIndex + offset + position) % total]
                if let candidates, !candidates.contains(node.name) {
                    return PluginStatus(.unresolvable, ["node(s) didn't satisfy plugin(s) [PreFilter]"])
                }
                return firstRefusal(pod, node: node, state: frozen, filters: active)
            }
            for (position, verdict) in verdicts.enumerated() {
                let node = snapshot.nodes[(startIndex + offset + position) % total]
                evaluated += 1
                if let verdict {
                    refusals[node.name] = verdict
                } else {
                    feasible.append(node)
                    if feasible.count == wanted { break }
                }
            }
        }
        guard !feasible.isEmpty else {
            let error = FitError(nodeCount: total, refusals: refusals)
            return Cycle(outcome: .unschedulable(error), evaluatedNodes: evaluated,
                         postFilter: postFilter(pod, snapshot: snapshot, state: &state, error: error), state: state)
        }
        if feasible.count == 1 { return Cycle(outcome: .node(feasible[0].name, score: 0), evaluatedNodes: evaluated, state: state) }
        for plugin in preScores { plugin.preScore(pod, nodes: feasible, state: &state) }
        let totals = totalScores(pod, nodes: feasible, state: state)
        let top = totals.max() ?? 0
        let ties = totals.indices.filter { totals[$0] == top }
        let best = ties[tieBreak % ties.count]
        return Cycle(outcome: .node(feasible[best].name, score: totals[best]), evaluatedNodes: evaluated, state: state)
    }

    /// Runs every Reserve plugin; when one refuses, those already run are unreserved in
    /// reverse order and its status is returned.
    public func reserve(_ pod: Pod, node: String, state: inout CycleState) -> PluginStatus {
        for (index, plugin) in reserves.enumerated() {
            var status = plugin.reserve(pod, node: node, state: &state)
            guard status.isSuccess else {
                for done in reserves[..<index].reversed() { done.unreserve(pod, node: node, state: &state) }
                status.plugin = plugin.name
                return status
            }
        }
        return .success
    }

    /// Gives back what `reserve` claimed, in reverse order.
    public func unreserve(_ pod: Pod, node: String, state: inout CycleState) {
        for plugin in reserves.reversed() { plugin.unreserve(pod, node: node, state: &state) }
    }

    /// The Permit plugins' joint answer: any refusal wins, else the longest wait, else allow.
    public func permit(_ pod: Pod, node: String, state: CycleState) -> PermitDecision {
        var longest: Duration?
        for plugin in permits {
            switch plugin.permit(pod, node: node, state: state) {
            case .allow: continue
            case .deny(var status):
                status.plugin = plugin.name
                return .deny(status)
            case .wait(let duration): longest = max(longest ?? duration, duration)
            }
        }
        return longest.map { .wait($0) } ?? .allow
    }

    /// The writes that bind `pod` to `node`, in order: PreBind's, then the first binder's.
    public func bindingWrites(_ pod: Pod, node: String, state: CycleState) -> [BindingWrite] {
        var writes = preBinds.flatMap { $0.preBind(pod, node: node, state: state) }
        if let bind = binders.lazy.compactMap({ $0.bind(pod, node: node, state: state) }).first { writes.append(bind) }
        return writes
    }

    /// How many feasible nodes are enough, out of `total`: upstream's numFeasibleNodesToFind.
    public func feasibleNodesToFind(_ total: Int) -> Int {
        let minimum = 100
        if total < minimum { return total }
        var percentage = percentageOfNodesToScore ?? max(5, 50 - total / 125)
        if percentage >= 100 { return total }
        percentage = max(percentage, 1)
        return max(minimum, total * percentage / 100)
    }

    /// Asks the PostFilter plugins, in order, for a way to make room; the first answer wins.
    func postFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState, error: FitError) -> PostFilterResult? {
        for plugin in postFilters {
            if let result = plugin.postFilter(pod, snapshot: snapshot, state: state, error: error, framework: self) {
                return result
            }
        }
        return nil
    }

    /// The first filter that refuses the pod on `node`, if any.
    public func firstRefusal(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus? {
        firstRefusal(pod, node: node, state: state, filters: filters.filter { !state.skippedFilters.contains($0.name) })
    }

    func firstRefusal(_ pod: Pod, node: NodeInfo, state: CycleState, filters: [any FilterPlugin]) -> PluginStatus? {
        for plugin in filters {
            var status = plugin.filter(pod, node: node, state: state)
            if !status.isSuccess {
                status.plugin = plugin.name
                return status
            }
        }
        return nil
    }

    /// Each node's weighted sum of normalized plugin scores.
    public func totalScores(_ pod: Pod, nodes: [NodeInfo], state: CycleState) -> [Int64] {
        var totals = [Int64](repeating: 0, count: nodes.count)
        for (plugin, weight) in scores where !state.skippedScores.contains(plugin.name) {
            var pluginScores = map(nodes.count) { plugin.score(pod, node: nodes[$0], state: state) }
            plugin.normalize(&pluginScores, pod: pod, state: state)
            for index in totals.indices { totals[index] += pluginScores[index] * weight }
        }
        return totals
    }

    /// `transform` applied to 0..<count, across `parallelism` threads when the work is large
    /// enough to be worth it; the results are in index order either way.
    func map<T: Sendable>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        let threads = min(parallelism, count / 32)
        guard threads > 1 else { return (0..<count).map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
            results.initialize(repeating: nil)
            defer { results.deallocate() }
            let chunk = (count + threads - 1) / threads
            nonisolated(unsafe) let work = transform
            nonisolated(unsafe) let slots = results
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for index in (thread * chunk)..<min(count, (thread + 1) * chunk) { slots[index] = work(index) }
            }
            return results.map { $0! }
        }
    }
}

/// Why no node fits: upstream's FitError, whose message is the FailedScheduling event,
/// e.g. `0/5 nodes are available: 3 Insufficient cpu, 2 node(s) had untolerated taint {…}.`
public struct FitError: Sendable, Error {
    public var nodeCount: Int
    /// Per node, the filter that refused it.
    public var refusals: [String: PluginStatus] = [:]
    /// Set when a PreFilter refused the pod before any node was looked at.
    public var preFilter: PluginStatus?

    public var message: String {
        if let preFilter {
            return "0/\(nodeCount) nodes are available: \(preFilter.reasons.joined(separator: ", ")). "
                + "preemption: 0/\(nodeCount) nodes are available: \(nodeCount) Preemption is not helpful for scheduling."
        }
        var counts: [String: Int] = [:]
        for status in refusals.values {
            for reason in status.reasons { counts[reason, default: 0] += 1 }
        }
        // Upstream sorts the "COUNT REASON" strings themselves.
        let parts = counts.map { "\($0.value) \($0.key)" }.sorted()
        return "0/\(nodeCount) nodes are available: \(parts.joined(separator: ", "))."
    }
}
