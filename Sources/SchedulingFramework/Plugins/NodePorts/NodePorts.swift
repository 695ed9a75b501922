import Resources

/// A pod's host ports must be free on the node: the same protocol and port conflict when
/// either side binds every address (`0.0.0.0`) or both bind the same one.
public struct NodePorts: PreFilterPlugin, FilterPlugin {
    public let name = "NodePorts"
    public static let reason = "node(s) didn't have free ports for the requested pod ports"

    public init() {}

    /// A pod asking for no host port has nothing to check.
    public func preFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState) -> PreFilterResult {
        if HostPort.of(pod).isEmpty { state.skipFilter(name) }
        return PreFilterResult()
    }

    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        for wanted in HostPort.of(pod) {
            let conflict = node.usedPorts.contains { used in
                used.proto == wanted.proto && used.port == wanted.port
                    && (used.ip == "0.0.0.0" || wanted.ip == "0.0.0.0" || used.ip == wanted.ip)
            }
            if conflict { return .unschedulable(Self.reason) }
        }
        return .success
    }
}
