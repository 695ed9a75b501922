/// core/v1 PodTemplateSpec: the metadata and spec of pods a workload controller creates
/// (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job).
@APIObject(.core)
public struct PodTemplateSpec {
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: PodSpec?
}
