import Foundation
import Resources

/// Small, valid objects for tests: one container, labels `app: NAME`, in `default`.
public enum Fixtures {
    public static func podTemplate(app: String, image: String) -> PodTemplateSpec {
        var template = PodTemplateSpec()
        template.metadata.labels = ["app": app]
        var container = Container()
        container.name = "main"
        container.image = image
        var spec = PodSpec()
        spec.containers = [container]
        spec.terminationGracePeriodSeconds = 1
        template.spec = spec
        return template
    }

    public static func deployment(_ name: String, replicas: Int32, image: String = "registry.local/web:v1",
                                  maxSurge: IntOrString? = nil, maxUnavailable: IntOrString? = nil,
                                  namespace: String = "default") -> Deployment {
        var deployment = Deployment()
        deployment.metadata.name = name
        deployment.metadata.namespace = namespace
        var spec = DeploymentSpec()
        spec.replicas = replicas
        spec.selector = LabelSelector(matchLabels: ["app": name])
        spec.template = podTemplate(app: name, image: image)
        if maxSurge != nil || maxUnavailable != nil {
            spec.strategy = DeploymentStrategy(type: "RollingUpdate",
                                               rollingUpdate: RollingUpdateDeployment(maxUnavailable: maxUnavailable, maxSurge: maxSurge))
        }
        deployment.spec = spec
        return deployment
    }

    public static func replicaSet(_ name: String, replicas: Int32, image: String = "registry.local/web:v1",
                                  namespace: String = "default") -> ReplicaSet {
        var set = ReplicaSet()
        set.metadata.name = name
        set.metadata.namespace = namespace
        var spec = ReplicaSetSpec()
        spec.replicas = replicas
        spec.selector = LabelSelector(matchLabels: ["app": name])
        spec.template = podTemplate(app: name, image: image)
        set.spec = spec
        return set
    }

    /// A StatefulSet governed by the headless service `NAME`, with one 1Gi claim template
    /// `data` when `claims` is set.
    public static func statefulSet(_ name: String, replicas: Int32, image: String = "registry.local/web:v1",
                                   podManagementPolicy: String? = nil, partition: Int32? = nil, claims: Bool = false,
                                   namespace: String = "default") -> StatefulSet {
        var set = StatefulSet()
        set.metadata.name = name
        set.metadata.namespace = namespace
        var spec = StatefulSetSpec()
        spec.replicas = replicas
        spec.serviceName = name
        spec.selector = LabelSelector(matchLabels: ["app": name])
        spec.template = podTemplate(app: name, image: image)
        spec.podManagementPolicy = podManagementPolicy
        if let partition {
            spec.updateStrategy = StatefulSetUpdateStrategy(type: "RollingUpdate",
                                                            rollingUpdate: RollingUpdateStatefulSetStrategy(partition: partition))
        }
        if claims {
            var claim = PersistentVolumeClaim()
            claim.metadata.name = "data"
            var claimSpec = PersistentVolumeClaimSpec()
            claimSpec.accessModes = ["ReadWriteOnce"]
            claimSpec.resources = VolumeResourceRequirements(requests: ["storage": Quantity("1Gi")])
            claim.spec = claimSpec
            spec.volumeClaimTemplates = [claim]
        }
        set.spec = spec
        return set
    }

    public static func daemonSet(_ name: String, image: String = "registry.local/agent:v1", maxUnavailable: IntOrString? = nil,
                                 maxSurge: IntOrString? = nil, namespace: String = "default") -> DaemonSet {
        var set = DaemonSet()
        set.metadata.name = name
        set.metadata.namespace = namespace
        var spec = DaemonSetSpec()
        spec.selector = LabelSelector(matchLabels: ["app": name])
        spec.template = podTemplate(app: name, image: image)
        if maxUnavailable != nil || maxSurge != nil {
            spec.updateStrategy = DaemonSetUpdateStrategy(type: "RollingUpdate",
                                                          rollingUpdate: RollingUpdateDaemonSet(maxUnavailable: maxUnavailable, maxSurge: maxSurge))
        }
        set.spec = spec
        return set
    }

    /// A bare pod labelled `app: APP`, owned by nothing.
    public static func pod(_ name: String, app: String, image: String = "registry.local/web:v1", namespace: String = "default") -> Pod {
        let template = podTemplate(app: app, image: image)
        var pod = Pod()
        pod.metadata = template.metadata
        pod.metadata.name = name
        pod.metadata.namespace = namespace
        pod.spec = template.spec
        return pod
    }

    /// A Job whose pods (labelled `app: NAME`) are never restarted in place.
    public static func job(_ name: String, completions: Int32? = 1, parallelism: Int32? = 1, backoffLimit: Int32? = nil,
                           indexed: Bool = false, namespace: String = "default") -> Job {
        var job = Job()
        job.metadata.name = name
        job.metadata.namespace = namespace
        var spec = JobSpec()
        spec.completions = completions
        spec.parallelism = parallelism
        spec.backoffLimit = backoffLimit
        if indexed { spec.completionMode = "Indexed" }
        var template = podTemplate(app: name, image: "registry.local/task:v1")
        template.spec?.restartPolicy = "Never"
        spec.template = template
        job.spec = spec
        return job
    }
}
