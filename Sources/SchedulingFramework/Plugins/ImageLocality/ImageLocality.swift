import Resources

/// Favours nodes that already hold the pod's images, weighted by image size and damped by
/// how many nodes hold them (an image everywhere says little), between upstream's
/// thresholds of 23 MB and 1,000 MB per container.
public struct ImageLocality: PreFilterPlugin, ScorePlugin {
    public let name = "ImageLocality"
    static let stateKey = "ImageLocality/spread"
    static let megabyte: Int64 = 1024 * 1024
    static let minThreshold: Int64 = 23 * megabyte
    static let maxContainerThreshold: Int64 = 1000 * megabyte

    struct Spread: Sendable {
        /// The pod's images, normalized, one per container.
        var images: [String]
        var nodesWithImage: [String: Int]
        var totalNodes: Int
    }

    public init() {}

    /// Counts, across the whole snapshot, the nodes that hold each of the pod's images.
    public func preFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState) -> PreFilterResult {
        let images = ((pod.spec?.initContainers ?? []) + (pod.spec?.containers ?? [])).map { Self.normalized($0.image ?? "") }
        let wanted = Set(images)
        var counts: [String: Int] = [:]
        for node in snapshot.nodes where !node.imageSizes.isEmpty {
            for name in wanted where node.imageSizes[name] != nil { counts[name, default: 0] += 1 }
        }
        state[Self.stateKey] = Spread(images: images, nodesWithImage: counts, totalNodes: snapshot.nodes.count)
        // No node holds any of the images: every node scores 0.
        if counts.isEmpty { state.skipScore(name) }
        return PreFilterResult()
    }

    public func score(_ pod: Pod, node: NodeInfo, state: CycleState) -> Int64 {
        guard let spread = state[Self.stateKey, as: Spread.self], spread.totalNodes > 0 else { return 0 }
        let sizes = node.imageSizes
        // A node holding none of the images scores the minimum, 0.
        guard !sizes.isEmpty else { return 0 }
        var sum: Int64 = 0
        for name in spread.images {
            guard let size = sizes[name] else { continue }
            sum += size * Int64(spread.nodesWithImage[name] ?? 0) / Int64(spread.totalNodes)
        }
        let maxThreshold = Self.maxContainerThreshold * Int64(max(1, spread.images.count))
        let clamped = min(max(sum, Self.minThreshold), maxThreshold)
        return maxNodeScore * (clamped - Self.minThreshold) / (maxThreshold - Self.minThreshold)
    }

    /// An image reference as nodes report it: `docker.io/library/` for a bare name,
    /// `docker.io/` for a name without a registry, and `:latest` without a tag or digest.
    static func normalized(_ image: String) -> String {
        var name = image
        let first = name.split(separator: "/", maxSplits: 1).first.map(String.init) ?? name
        let hasRegistry = name.contains("/") && (first.contains(".") || first.contains(":") || first == "localhost")
        if !hasRegistry { name = (name.contains("/") ? "docker.io/" : "docker.io/library/") + name }
        let lastComponent = name.split(separator: "/").last.map(String.init) ?? name
        if !lastComponent.contains(":") && !name.contains("@") { name += ":latest" }
        return name
    }
}
