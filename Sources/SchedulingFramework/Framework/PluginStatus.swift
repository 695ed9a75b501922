/// What a plugin says about a pod on a node, as upstream's framework.Status: success, or
/// why not. `unschedulable` may change with the cluster (preemption or another event may
/// help); `unresolvable` will not.
public struct PluginStatus: Sendable, Hashable {
    public enum Code: Sendable, Hashable {
        case success
        case unschedulable
        case unresolvable
        case error
    }

    public var code: Code
    /// Short reasons in upstream's words, e.g. `Insufficient cpu`, counted per node in the
    /// FailedScheduling message.
    public var reasons: [String]
    /// The plugin that answered.
    public var plugin: String

    public init(_ code: Code, _ reasons: [String] = [], plugin: String = "") {
        self.code = code
        self.reasons = reasons
        self.plugin = plugin
    }

    public static let success = PluginStatus(.success)

    public var isSuccess: Bool { code == .success }

    public static func unschedulable(_ reasons: String...) -> PluginStatus { PluginStatus(.unschedulable, reasons) }

    public static func unresolvable(_ reasons: String...) -> PluginStatus { PluginStatus(.unresolvable, reasons) }
}
