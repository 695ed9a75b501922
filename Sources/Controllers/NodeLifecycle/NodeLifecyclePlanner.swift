import Foundation
import Resources

/// The node lifecycle decisions, with Kubernetes' semantics (pure; `now` is an input):
/// - a node whose last heartbeat (its Lease's renewTime, or its Ready condition's
///   lastHeartbeatTime) is older than the grace period has every condition set to Unknown;
/// - the Ready condition maps to taints: False → `not-ready`, Unknown → `unreachable`, each
///   with a NoSchedule and a NoExecute taint; True removes them;
/// - a pod on a node with NoExecute taints is evicted at once if it does not tolerate them
///   all, or when the shortest matching `tolerationSeconds` runs out.
enum NodeLifecyclePlanner {
    static let notReadyTaint = "node.kubernetes.io/not-ready"
    static let unreachableTaint = "node.kubernetes.io/unreachable"
    static let monitoredConditions = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"]

    /// The node as it should be stored, or nil when it is already right.
    static func updatedNode(_ node: Node, lease: Lease?, now: Date, gracePeriod: Duration) -> Node? {
        var updated = node
        var status = node.status ?? NodeStatus()
        let heartbeat = lastHeartbeat(node, lease: lease)
        let stale = heartbeat.map { now.timeIntervalSince($0.date) > gracePeriod.seconds } ?? isOlderThanGrace(node, now: now, gracePeriod: gracePeriod)
        if stale {
            for type in monitoredConditions {
                if let index = status.conditions.firstIndex(where: { $0.type == type }) {
                    guard status.conditions[index].status != "Unknown" else { continue }
                    status.conditions[index].status = "Unknown"
                    status.conditions[index].reason = "NodeStatusUnknown"
                    status.conditions[index].message = "Kubelet stopped posting node status."
                    status.conditions[index].lastTransitionTime = Time(now)
                } else {
                    var condition = NodeCondition()
                    condition.type = type
                    condition.status = "Unknown"
                    condition.reason = "NodeStatusNeverUpdated"
                    condition.message = "Kubelet never posted node status."
                    condition.lastHeartbeatTime = Time(now)
                    condition.lastTransitionTime = Time(now)
                    status.conditions.append(condition)
                }
            }
            updated.status = status
        }
        let ready = status.conditions.first { $0.type == "Ready" }?.status ?? "Unknown"
        var spec = node.spec ?? NodeSpec()
        let wanted: String? = switch ready {
        case "True": nil
        case "False": notReadyTaint
        default: unreachableTaint
        }
        var taints = spec.taints.filter { ($0.key != notReadyTaint && $0.key != unreachableTaint) || $0.key == wanted }
        if let wanted {
            for effect in ["NoSchedule", "NoExecute"] where !taints.contains(where: { $0.key == wanted && $0.effect == effect }) {
                var taint = Taint()
                taint.key = wanted
                taint.effect = effect
                if effect == "NoExecute" { taint.timeAdded = Time(now) }
                taints.append(taint)
            }
        }
        spec.taints = taints
        updated.spec = spec
        return updated == node ? nil : updated
    }

    /// When `pod` must leave a node with `taints`: `.now`, at a time, or never.
    enum Eviction: Hashable, Sendable {
        case never
        case now
        case at(Date)
    }

    static func eviction(of pod: Pod, taints: [Taint], now: Date) -> Eviction {
        let noExecute = taints.filter { $0.effect == "NoExecute" }
        guard !noExecute.isEmpty else { return .never }
        let tolerations = pod.spec?.tolerations ?? []
        var deadline: Date?
        for taint in noExecute {
            let matching = tolerations.filter { $0.tolerates(taint) }
            guard !matching.isEmpty else { return .now }
            // The shortest bounded toleration decides; unbounded ones tolerate forever.
            let bounded = matching.compactMap(\.tolerationSeconds)
            guard matching.allSatisfy({ $0.tolerationSeconds != nil }), let seconds = bounded.min() else { continue }
            let added = taint.timeAdded?.date ?? now
            let until = added.addingTimeInterval(TimeInterval(max(0, seconds)))
            deadline = min(deadline ?? until, until)
        }
        guard let deadline else { return .never }
        return deadline <= now ? .now : .at(deadline)
    }

    static func lastHeartbeat(_ node: Node, lease: Lease?) -> Time? {
        let renew = lease?.spec?.renewTime?.time
        let posted = node.status?.conditions.first { $0.type == "Ready" }?.lastHeartbeatTime
        switch (renew, posted) {
        case let (r?, p?): return max(r, p)
        case let (r?, nil): return r
        case let (nil, p?): return p
        default: return nil
        }
    }

    /// A node that never reported: stale once it is older than the grace period.
    private static func isOlderThanGrace(_ node: Node, now: Date, gracePeriod: Duration) -> Bool {
        guard let created = node.metadata.creationTimestamp else { return false }
        return now.timeIntervalSince(created.date) > gracePeriod.seconds
    }
}
