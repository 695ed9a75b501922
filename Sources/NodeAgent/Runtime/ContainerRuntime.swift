import Resources

/// What runs a node's pods. The agent decides what should run; the runtime runs it. The CRI
/// runtime (containerd) is the product's; `HollowRuntime` runs nothing, for simulating nodes
/// at scale against a real control plane.
public protocol ContainerRuntime: Sendable {
    var name: String { get }
    /// Starts everything `pod` needs; returns once its containers run.
    func start(_ pod: Pod) async throws
    /// Stops `pod`, allowing its containers `gracePeriod` seconds to exit.
    func stop(_ pod: Pod, gracePeriod: Int64) async throws
}

/// A runtime that runs nothing: every pod starts at once and stops at once.
public struct HollowRuntime: ContainerRuntime {
    public let name = "hollow"

    public init() {}

    public func start(_ pod: Pod) async throws {}

    public func stop(_ pod: Pod, gracePeriod: Int64) async throws {}
}
