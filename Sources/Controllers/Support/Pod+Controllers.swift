import Foundation
import Resources

/// The pod facts the workload controllers decide on, as Kubernetes' podutil defines them.
extension Pod {
    /// Running or Pending, and not being deleted: a pod that counts towards replicas.
    public var isActive: Bool {
        let phase = status?.phase
        return phase != "Succeeded" && phase != "Failed" && metadata.deletionTimestamp == nil
    }

    public var isTerminating: Bool { metadata.deletionTimestamp != nil }

    /// The Ready condition, when the pod has one.
    public var readyCondition: PodCondition? { status?.conditions.first { $0.type == "Ready" } }

    public var isReady: Bool { readyCondition?.status == "True" }

    /// Ready for at least `minReadySeconds` at `now`.
    func isAvailable(minReadySeconds: Int32, now: Date) -> Bool {
        guard let ready = readyCondition, ready.status == "True" else { return false }
        guard minReadySeconds > 0 else { return true }
        guard let since = ready.lastTransitionTime?.date else { return false }
        return now.timeIntervalSince(since) >= TimeInterval(minReadySeconds)
    }

    /// When a ready pod becomes available, or nil when it is not ready or already available.
    func availableAt(minReadySeconds: Int32, now: Date) -> Date? {
        guard minReadySeconds > 0, let ready = readyCondition, ready.status == "True",
              let since = ready.lastTransitionTime?.date else { return nil }
        let at = since.addingTimeInterval(TimeInterval(minReadySeconds))
        return at > now ? at : nil
    }

    var restartCount: Int32 { (status?.containerStatuses ?? []).reduce(0) { $0 + $1.restartCount } }
}

extension ObjectMeta {
    /// The owner reference with `controller: true`, if any.
    var controllerReference: OwnerReference? {
        ownerReferences?.first { $0.controller == true }
    }
}

extension OwnerReference {
    /// A controller reference to `owner`, blocking its foreground deletion until this
    /// dependent is gone.
    static func controller(_ owner: some APIResource) -> OwnerReference {
        OwnerReference(apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name,
                       uid: owner.metadata.uid ?? "", controller: true, blockOwnerDeletion: true)
    }
}

extension PodTemplateSpec {
    /// A new pod from this template for `owner`: the template's labels, annotations and spec,
    /// `generateName` `PREFIX`, and a controller reference.
    func makePod(owner: some APIResource, generateName: String) -> Pod {
        var pod = Pod()
        pod.metadata.namespace = owner.metadata.namespace
        pod.metadata.generateName = generateName
        pod.metadata.labels = metadata.labels
        pod.metadata.annotations = metadata.annotations
        pod.metadata.finalizers = metadata.finalizers
        pod.metadata.ownerReferences = [.controller(owner)]
        pod.spec = spec
        return pod
    }
}
