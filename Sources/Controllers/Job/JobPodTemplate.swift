import Resources

/// The pods a Job creates from its template.
enum JobPodTemplate {
    /// A pod for `job`, with the tracking finalizer; for an Indexed Job, pod `index` carries
    /// it as an annotation and label, in its hostname and in `JOB_COMPLETION_INDEX`.
    static func pod(for job: Job, template: PodTemplateSpec, index: Int32?) -> Pod {
        var pod = template.makePod(owner: job, generateName: index.map { "\(job.name)-\($0)-" } ?? "\(job.name)-")
        pod.metadata.finalizers = (pod.metadata.finalizers ?? []) + [JobPlanner.trackingFinalizer]
        guard let index else { return pod }
        let text = String(index)
        pod.metadata.annotations = (pod.metadata.annotations ?? [:]).merging([JobPlanner.completionIndexKey: text]) { $1 }
        pod.metadata.labels = (pod.metadata.labels ?? [:]).merging([JobPlanner.completionIndexKey: text]) { $1 }
        var spec = pod.spec ?? PodSpec()
        if spec.hostname == nil { spec.hostname = "\(job.name)-\(text)" }
        let env = EnvVar(name: "JOB_COMPLETION_INDEX", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(
            fieldPath: "metadata.annotations['\(JobPlanner.completionIndexKey)']")))
        for i in spec.containers.indices where !spec.containers[i].env.contains(where: { $0.name == env.name }) {
            spec.containers[i].env.append(env)
        }
        for i in spec.initContainers.indices where !spec.initContainers[i].env.contains(where: { $0.name == env.name }) {
            spec.initContainers[i].env.append(env)
        }
        pod.spec = spec
        return pod
    }
}
