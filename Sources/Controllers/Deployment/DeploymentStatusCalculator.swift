import Foundation
import Resources

/// A Deployment's status from its ReplicaSets, with upstream's counters and conditions:
/// - `Available`: True (MinimumReplicasAvailable) while at least `replicas - maxUnavailable`
///   pods are available;
/// - `Progressing`: NewReplicaSetCreated, ReplicaSetUpdated while the rollout moves,
///   NewReplicaSetAvailable once complete, False with ProgressDeadlineExceeded when it has not
///   moved for `progressDeadlineSeconds`, Unknown with DeploymentPaused / DeploymentResumed;
/// - `ReplicaFailure` mirrored from the current set.
/// Pure: conditions keep their lastTransitionTime while their status holds.
enum DeploymentStatusCalculator {
    /// What happened in this reconcile that the Progressing condition reports.
    enum Progress: Hashable, Sendable {
        case none
        case createdSet(String)
        case paused
        case resumed
    }

    static func status(_ deployment: Deployment, current: ReplicaSet?, all: [ReplicaSet], progress: Progress, now: Date) -> DeploymentStatus {
        let previous = deployment.status ?? DeploymentStatus()
        var status = previous
        let desired = deployment.spec?.replicas ?? 1
        status.observedGeneration = deployment.metadata.generation
        status.replicas = all.reduce(0) { $0 + ($1.status?.replicas ?? 0) }
        status.updatedReplicas = current?.status?.replicas ?? 0
        status.readyReplicas = all.reduce(0) { $0 + ($1.status?.readyReplicas ?? 0) }
        let available = all.reduce(Int32(0)) { $0 + ($1.status?.availableReplicas ?? 0) }
        status.availableReplicas = available
        status.unavailableReplicas = max(0, desired - available)

        if available >= desired - RolloutMath.maxUnavailable(deployment) {
            set(&status, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now: now)
        } else {
            set(&status, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now: now)
        }

        if let failure = current?.status?.conditions.first(where: { $0.type == "ReplicaFailure" && $0.status == "True" }) {
            set(&status, "ReplicaFailure", "True", failure.reason ?? "FailedCreate", failure.message ?? "", now: now)
        } else {
            status.conditions.removeAll { $0.type == "ReplicaFailure" }
        }

        progressing(&status, deployment, previous: previous, current: current, progress: progress, now: now)
        return status
    }

    /// Whether the rollout is done: every replica updated, available, and no old one left.
    static func isComplete(_ deployment: Deployment, _ status: DeploymentStatus) -> Bool {
        let desired = deployment.spec?.replicas ?? 1
        return (status.updatedReplicas ?? 0) == desired && (status.replicas ?? 0) == desired
            && (status.availableReplicas ?? 0) == desired && (status.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 0)
    }

    /// When a rollout still in progress times out, for a requeue; nil when none applies.
    static func progressDeadline(_ deployment: Deployment, _ status: DeploymentStatus) -> Date? {
        guard let seconds = deployment.spec?.progressDeadlineSeconds, seconds != Int32.max,
              deployment.spec?.paused != true, !isComplete(deployment, status),
              let condition = status.conditions.first(where: { $0.type == "Progressing" }), condition.status == "True",
              let updated = condition.lastUpdateTime?.date else { return nil }
        return updated.addingTimeInterval(TimeInterval(seconds))
    }

    private static func progressing(_ status: inout DeploymentStatus, _ deployment: Deployment, previous: DeploymentStatus,
                                    current: ReplicaSet?, progress: Progress, now: Date) {
        let setName = current?.name ?? deployment.name
        switch progress {
        case .paused:
            set(&status, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now: now)
            return
        case .resumed:
            set(&status, "Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", now: now)
            return
        case .createdSet(let name):
            set(&status, "Progressing", "True", "NewReplicaSetCreated", "Created new replica set \"\(name)\"", now: now)
            return
        case .none:
            break
        }
        guard deployment.spec?.paused != true, let seconds = deployment.spec?.progressDeadlineSeconds, seconds != Int32.max else { return }
        let existing = status.conditions.first { $0.type == "Progressing" }
        if isComplete(deployment, status) {
            set(&status, "Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"\(setName)\" has successfully progressed.", now: now)
        } else if moved(previous, status) || existing == nil || existing?.reason == "DeploymentResumed" || existing?.reason == "DeploymentPaused" {
            // Progress refreshes lastUpdateTime even when the reason stays, so the deadline
            // counts from the last move.
            set(&status, "Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"\(setName)\" is progressing.", now: now, refresh: true)
        } else if let existing, existing.status == "True", let updated = existing.lastUpdateTime?.date,
                  now.timeIntervalSince(updated) >= TimeInterval(seconds) {
            set(&status, "Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet \"\(setName)\" has timed out progressing.", now: now)
        }
    }

    /// Whether more pods were updated, ready or available than before (upstream's
    /// DeploymentProgressing).
    private static func moved(_ old: DeploymentStatus, _ new: DeploymentStatus) -> Bool {
        (new.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0)
            || ((new.replicas ?? 0) - (new.updatedReplicas ?? 0)) < ((old.replicas ?? 0) - (old.updatedReplicas ?? 0))
            || (new.readyReplicas ?? 0) > (old.readyReplicas ?? 0)
            || (new.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
    }

    /// Sets a condition, as upstream's SetDeploymentCondition: unchanged when its status and
    /// reason already hold (unless `refresh`); the transition time moves only when its status
    /// changes.
    static func set(_ status: inout DeploymentStatus, _ type: String, _ value: String, _ reason: String, _ message: String,
                    now: Date, refresh: Bool = false) {
        if let index = status.conditions.firstIndex(where: { $0.type == type }) {
            var condition = status.conditions[index]
            if condition.status == value, condition.reason == reason, !refresh { return }
            if condition.status != value { condition.lastTransitionTime = Time(now) }
            condition.status = value
            condition.reason = reason
            condition.message = message
            condition.lastUpdateTime = Time(now)
            status.conditions[index] = condition
        } else {
            status.conditions.append(DeploymentCondition(type: type, status: value, lastUpdateTime: Time(now), lastTransitionTime: Time(now),
                                                         reason: reason, message: message))
        }
    }
}
