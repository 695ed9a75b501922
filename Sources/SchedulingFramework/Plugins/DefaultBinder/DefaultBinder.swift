import Resources

/// Binds the pod through `pods/NAME/binding`, with its UID as a precondition so that a pod
/// deleted and re-created under the same name is not bound by mistake.
public struct DefaultBinder: BindPlugin {
    public let name = "DefaultBinder"

    public init() {}

    public func bind(_ pod: Pod, node: String, state: CycleState) -> BindingWrite? {
        .bindPod(namespace: pod.metadata.namespace ?? "default", name: pod.metadata.name ?? "", uid: pod.metadata.uid ?? "", node: node)
    }
}
