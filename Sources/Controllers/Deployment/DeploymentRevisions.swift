import Foundation
import Resources

/// Which ReplicaSet is a Deployment's current revision, and the bookkeeping upstream keeps on
/// it: the `pod-template-hash` label, the `deployment.kubernetes.io/revision` number (a set
/// that becomes current again, as after `kubectl rollout undo`, takes the next number), the
/// Deployment's own annotations copied over (so `kubernetes.io/change-cause` shows in
/// `kubectl rollout history`), and which old sets the history limit lets go. Pure.
enum DeploymentRevisions {
    static let revisionAnnotation = "deployment.kubernetes.io/revision"
    static let revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"
    static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
    static let maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas"
    static let hashLabel = "pod-template-hash"
    /// Annotations of a Deployment that are not copied to its ReplicaSets.
    static let privateAnnotations: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", revisionAnnotation, revisionHistoryAnnotation,
        desiredReplicasAnnotation, maxReplicasAnnotation, "deprecated.deployment.rollback.to",
    ]

    static func revision(of set: ReplicaSet) -> Int64 {
        Int64(set.metadata.annotations?[revisionAnnotation] ?? "") ?? 0
    }

    /// The template without the `pod-template-hash` label, for comparing templates.
    static func withoutHash(_ template: PodTemplateSpec?) -> PodTemplateSpec? {
        guard var template else { return nil }
        template.metadata.labels?[hashLabel] = nil
        if template.metadata.labels?.isEmpty == true { template.metadata.labels = nil }
        return template
    }

    /// The set whose template equals the Deployment's (ignoring the hash label); the oldest
    /// when several do.
    static func currentSet(of deployment: Deployment, among sets: [ReplicaSet]) -> ReplicaSet? {
        let wanted = withoutHash(deployment.spec?.template)
        return sets.filter { TemplateHash.same(withoutHash($0.spec?.template), wanted) }.sorted(by: RolloutMath.creationOrder).first
    }

    /// The next revision number: one past the highest among `old`.
    static func nextRevision(old: [ReplicaSet]) -> Int64 {
        (old.map(revision(of:)).max() ?? 0) + 1
    }

    /// The Deployment's annotations that its ReplicaSets carry.
    static func copiedAnnotations(_ deployment: Deployment) -> [String: String] {
        (deployment.metadata.annotations ?? [:]).filter { !privateAnnotations.contains($0.key) }
    }

    /// A new ReplicaSet for the Deployment's template at `revision`, sized `replicas`.
    static func makeSet(for deployment: Deployment, revision: Int64, replicas: Int32) -> ReplicaSet {
        let hash = TemplateHash.hash(deployment.spec?.template ?? PodTemplateSpec(), collisionCount: deployment.status?.collisionCount)
        var template = deployment.spec?.template ?? PodTemplateSpec()
        template.metadata.labels = (template.metadata.labels ?? [:]).merging([hashLabel: hash]) { $1 }
        var selector = deployment.spec?.selector ?? LabelSelector()
        selector.matchLabels = (selector.matchLabels ?? [:]).merging([hashLabel: hash]) { $1 }
        var set = ReplicaSet()
        set.metadata.name = "\(deployment.name)-\(hash)"
        set.metadata.namespace = deployment.metadata.namespace
        set.metadata.labels = template.metadata.labels
        set.metadata.ownerReferences = [.controller(deployment)]
        var annotations = copiedAnnotations(deployment)
        annotations[revisionAnnotation] = String(revision)
        annotations.merge(replicaAnnotations(deployment)) { $1 }
        set.metadata.annotations = annotations
        set.spec = ReplicaSetSpec(replicas: replicas, minReadySeconds: deployment.spec?.minReadySeconds,
                                  selector: selector, template: template)
        return set
    }

    /// `desired-replicas` and `max-replicas`, which proportional scaling reads.
    static func replicaAnnotations(_ deployment: Deployment) -> [String: String] {
        let desired = deployment.spec?.replicas ?? 1
        let surge = deployment.spec?.strategy?.type == "Recreate" ? 0
            : RolloutMath.fenceposts(deployment.spec?.strategy?.rollingUpdate, desired: desired).surge
        return [desiredReplicasAnnotation: String(desired), maxReplicasAnnotation: String(desired + surge)]
    }

    /// The current set brought up to date: its revision at least `revision` (recording the
    /// numbers it had before in `revision-history`), the Deployment's annotations, and its
    /// minReadySeconds. Returns nil when nothing changes.
    static func synced(_ set: ReplicaSet, for deployment: Deployment, revision: Int64) -> ReplicaSet? {
        var updated = set
        var annotations = set.metadata.annotations ?? [:]
        for (key, value) in copiedAnnotations(deployment) { annotations[key] = value }
        let old = Self.revision(of: set)
        if old < revision {
            if old > 0 {
                let history = annotations[revisionHistoryAnnotation].map { $0 + "," } ?? ""
                annotations[revisionHistoryAnnotation] = history + String(old)
            }
            annotations[revisionAnnotation] = String(revision)
        }
        updated.metadata.annotations = annotations
        if updated.spec?.minReadySeconds != deployment.spec?.minReadySeconds {
            updated.spec?.minReadySeconds = deployment.spec?.minReadySeconds
        }
        return updated == set ? nil : updated
    }

    /// Old sets to delete beyond `revisionHistoryLimit`, lowest revision first; only sets
    /// with no pods wanted or left, whose status has caught up, are deleted.
    static func setsToCleanUp(_ deployment: Deployment, old: [ReplicaSet]) -> [ReplicaSet] {
        let limit = Int(deployment.spec?.revisionHistoryLimit ?? 10)
        let cleanable = old.filter { $0.metadata.deletionTimestamp == nil }
        let excess = cleanable.count - limit
        guard excess > 0 else { return [] }
        let idle = cleanable.sorted { (revision(of: $0), $0.name) < (revision(of: $1), $1.name) }.filter {
            RolloutMath.replicas($0) == 0 && ($0.status?.replicas ?? 0) == 0
                && ($0.metadata.generation ?? 0) <= ($0.status?.observedGeneration ?? 0)
        }
        return Array(idle.prefix(excess))
    }
}
