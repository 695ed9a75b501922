import Foundation
import Resources

/// Who the agent is and what its node offers.
public struct NodeAgentConfiguration: Sendable {
    public var nodeName: String
    /// cpu, memory, pods and ephemeral-storage.
    public var capacity: [String: Quantity]
    /// Labels besides the ones every node gets (`kubernetes.io/hostname`, `/os`, `/arch`).
    public var labels: [String: String]
    public var taints: [Taint]
    public var internalIP: String
    /// Used when the control plane assigns no podCIDR.
    public var fallbackPodCIDR: String
    /// How often the agent renews its Lease (upstream: 10 s).
    public var heartbeatInterval: Duration
    /// How often it posts its status when nothing changed (upstream: 5 minutes).
    public var statusReportInterval: Duration

    public init(nodeName: String, capacity: [String: Quantity], labels: [String: String] = [:], taints: [Taint] = [],
                internalIP: String = "127.0.0.1", fallbackPodCIDR: String = "10.42.0.0/24",
                heartbeatInterval: Duration = .seconds(10), statusReportInterval: Duration = .seconds(300)) {
        self.nodeName = nodeName
        self.capacity = capacity
        self.labels = labels
        self.taints = taints
        self.internalIP = internalIP
        self.fallbackPodCIDR = fallbackPodCIDR
        self.heartbeatInterval = heartbeatInterval
        self.statusReportInterval = statusReportInterval
    }

    /// The labels the node registers with.
    public var nodeLabels: [String: String] {
        var all = labels
        all["kubernetes.io/hostname"] = nodeName
        all["kubernetes.io/os"] = "linux"
        #if arch(arm64)
        all["kubernetes.io/arch"] = "arm64"
        #else
        all["kubernetes.io/arch"] = "amd64"
        #endif
        return all
    }

    /// This host's cpu and memory, 110 pods and the data directory's disk.
    public static func hostCapacity(dataDirectory: String = "/") -> [String: Quantity] {
        let attributes = try? FileManager.default.attributesOfFileSystem(forPath: dataDirectory)
        let disk = (attributes?[.systemSize] as? NSNumber)?.int64Value ?? 0
        return [
            "cpu": Quantity("\(ProcessInfo.processInfo.activeProcessorCount)"),
            "memory": Quantity("\(ProcessInfo.processInfo.physicalMemory / 1024)Ki"),
            "pods": "110",
            "ephemeral-storage": Quantity("\(disk / 1024)Ki"),
        ]
    }
}
