import Testing
@testable import Resources

/// Per-kind validation, asserted by the exact error strings Kubernetes prints.
@Suite struct ValidationErrorPathTests {
    // MARK: Builders

    static func container(_ name: String = "app", image: String? = "nginx:1.27", ports: [ContainerPort] = [],
                          mounts: [VolumeMount] = [], resources: ResourceRequirements? = nil,
                          liveness: Probe? = nil, env: [EnvVar] = []) -> Container {
        Container(name: name, image: image, ports: ports, env: env, resources: resources, volumeMounts: mounts,
                  livenessProbe: liveness)
    }

    static func podSpec(_ containers: [Container] = [container()], volumes: [Volume] = [],
                        restartPolicy: String? = nil, dnsPolicy: String? = nil) -> PodSpec {
        PodSpec(volumes: volumes, containers: containers, restartPolicy: restartPolicy, dnsPolicy: dnsPolicy)
    }

    static func pod(_ spec: PodSpec = podSpec(), name: String = "web") -> Pod {
        Pod(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec)
    }

    static func template(labels: [String: String] = ["app": "web"], _ spec: PodSpec = podSpec()) -> PodTemplateSpec {
        PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: spec)
    }

    static func deployment(selector: LabelSelector? = LabelSelector(matchLabels: ["app": "web"]),
                           template: PodTemplateSpec = template(), replicas: Int32? = 2,
                           strategy: DeploymentStrategy? = nil) -> Deployment {
        Deployment(metadata: ObjectMeta(name: "web", namespace: "default"),
                   spec: DeploymentSpec(replicas: replicas, selector: selector, template: template, strategy: strategy))
    }

    static func errors(_ errs: [FieldError]) -> [String] { errs.map(\.description) }

    // MARK: Pod

    @Test func validPodHasNoErrors() {
        #expect(Self.pod().validate().isEmpty)
    }

    static let labelMessage = NameValidationTests.dns1123LabelMessage

    @Test(arguments: [
        (podSpec([]), ["spec.containers: Required value"]),
        (podSpec([container(image: nil)]), ["spec.containers[0].image: Required value"]),
        (podSpec([container(""), ]), ["spec.containers[0].name: Required value"]),
        (podSpec([container("App")]), ["spec.containers[0].name: Invalid value: \"App\": " + labelMessage]),
        (podSpec([container("a"), container("a")]), ["spec.containers[1].name: Duplicate value: \"a\""]),
        (podSpec([container(ports: [ContainerPort(name: "http", containerPort: 80), ContainerPort(name: "http", containerPort: 70000)])]),
         ["spec.containers[0].ports[1].name: Duplicate value: \"http\"",
          "spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"]),
        (podSpec([container(ports: [ContainerPort(containerPort: 0, protocol: "ICMP")])]),
         ["spec.containers[0].ports[0].containerPort: Required value",
          "spec.containers[0].ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\""]),
        (podSpec([container(ports: [ContainerPort(name: "Web_Port", containerPort: 80)])]),
         ["spec.containers[0].ports[0].name: Invalid value: \"Web_Port\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"]),
        (podSpec([container(resources: ResourceRequirements(limits: ["cpu": "500m"], requests: ["cpu": "1", "memory": "lots"]))]),
         ["spec.containers[0].resources.requests[cpu]: Invalid value: \"1\": must be less than or equal to cpu limit of 500m",
          "spec.containers[0].resources.requests[memory]: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]),
        (podSpec([container(resources: ResourceRequirements(limits: ["memory": "-1Gi"]))]),
         ["spec.containers[0].resources.limits[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0"]),
        (podSpec([container(liveness: Probe())]),
         ["spec.containers[0].livenessProbe: Required value: must specify a handler type"]),
        (podSpec([container(liveness: Probe(exec: ExecAction(command: ["true"]), tcpSocket: TCPSocketAction(port: 80)))]),
         ["spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type"]),
        (podSpec([container(liveness: Probe(httpGet: HTTPGetAction(port: 0), successThreshold: 2))]),
         ["spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive",
          "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"]),
        (podSpec(restartPolicy: "Sometimes", dnsPolicy: "Google"),
         ["spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
          "spec.dnsPolicy: Unsupported value: \"Google\": supported values: \"ClusterFirst\", \"ClusterFirstWithHostNet\", \"Default\", \"None\""]),
        (podSpec(volumes: [Volume(name: "data", emptyDir: EmptyDirVolumeSource()), Volume(name: "data", emptyDir: EmptyDirVolumeSource())]),
         ["spec.volumes[1].name: Duplicate value: \"data\""]),
        (podSpec(volumes: [Volume(name: "data")]), ["spec.volumes[0]: Required value: must specify a volume type"]),
        (podSpec(volumes: [Volume(name: "data", hostPath: HostPathVolumeSource(path: "/srv"), emptyDir: EmptyDirVolumeSource())]),
         ["spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type"]),
        (podSpec([container(mounts: [VolumeMount(name: "cache", mountPath: "/cache")])]),
         ["spec.containers[0].volumeMounts[0].name: Not found: \"cache\""]),
        (podSpec([container(env: [EnvVar(name: "1BAD", value: "x")])]),
         ["spec.containers[0].env[0].name: Invalid value: \"1BAD\": " + NameValidationTests.envVarMessage]),
    ] as [(PodSpec, [String])])
    func podSpecErrorsArePrintedAsKubernetesPrintsThem(_ spec: PodSpec, _ expected: [String]) {
        #expect(Self.errors(Self.pod(spec).validate()) == expected)
    }

    @Test func podUpdateMayChangeOnlyImagesDeadlineAndTolerations() {
        let old = Self.pod()
        var imageBump = old
        imageBump.metadata.resourceVersion = "2"
        imageBump.spec?.containers[0].image = "nginx:1.28"
        imageBump.spec?.tolerations = [Toleration(key: "k", operator: "Exists")]
        #expect(imageBump.validateUpdate(from: old).isEmpty)

        var portChange = imageBump
        portChange.spec?.containers[0].ports = [ContainerPort(containerPort: 8080)]
        #expect(Self.errors(portChange.validateUpdate(from: old)) == [
            "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
        ])
    }

    // MARK: Deployment

    @Test func validDeploymentHasNoErrors() {
        #expect(Self.deployment().validate().isEmpty)
    }

    @Test(arguments: [
        (deployment(template: template(podSpec([container(image: nil)]))),
         ["spec.template.spec.containers[0].image: Required value"]),
        (deployment(template: template(labels: ["app": "x"])),
         ["spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: `selector` does not match template `labels`"]),
        (deployment(selector: nil), ["spec.selector: Required value"]),
        (deployment(selector: LabelSelector()), ["spec.selector: Invalid value: {}: empty selector is invalid for deployment"]),
        (deployment(replicas: -1), ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]),
        (deployment(template: template(podSpec(restartPolicy: "Never"))),
         ["spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""]),
        (deployment(strategy: DeploymentStrategy(type: "RollingUpdate", rollingUpdate: RollingUpdateDeployment(maxUnavailable: 0, maxSurge: "0%"))),
         ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"]),
        (deployment(strategy: DeploymentStrategy(type: "RollingUpdate", rollingUpdate: RollingUpdateDeployment(maxUnavailable: "150%", maxSurge: "x"))),
         ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"150%\": must not be greater than 100%",
          "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"x\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]),
        (deployment(strategy: DeploymentStrategy(type: "Recreate", rollingUpdate: RollingUpdateDeployment())),
         ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]),
        (deployment(strategy: DeploymentStrategy(type: "BlueGreen")),
         ["spec.strategy.type: Unsupported value: \"BlueGreen\": supported values: \"Recreate\", \"RollingUpdate\""]),
    ] as [(Deployment, [String])])
    func deploymentErrorsArePrintedAsKubernetesPrintsThem(_ deployment: Deployment, _ expected: [String]) {
        #expect(Self.errors(deployment.validate()) == expected)
    }

    @Test func workloadSelectorsAreImmutable() {
        var old = Self.deployment()
        old.metadata.resourceVersion = "1"
        var new = old
        new.spec?.selector = LabelSelector(matchLabels: ["app": "web", "v": "2"])
        new.spec?.template?.metadata.labels = ["app": "web", "v": "2"]
        #expect(Self.errors(new.validateUpdate(from: old)) == [
            "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\",\"v\":\"2\"}}: field is immutable",
        ])
        var scaled = old
        scaled.spec?.replicas = 5
        #expect(scaled.validateUpdate(from: old).isEmpty)
    }

    @Test func replicaSetAndDaemonSetShareTheTemplateChecks() {
        let rs = ReplicaSet(metadata: ObjectMeta(name: "web-1", namespace: "default"),
                            spec: ReplicaSetSpec(replicas: 1, selector: LabelSelector(matchLabels: ["app": "web"]),
                                                 template: Self.template(labels: ["app": "api"])))
        #expect(Self.errors(rs.validate()) == [
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\"}: `selector` does not match template `labels`",
        ])
        let ds = DaemonSet(metadata: ObjectMeta(name: "agent", namespace: "default"),
                           spec: DaemonSetSpec(selector: LabelSelector(), template: Self.template()))
        #expect(Self.errors(ds.validate()) == ["spec.selector: Invalid value: {}: empty selector is invalid for daemonset"])
    }

    @Test func statefulSetUpdatesMayChangeOnlyReplicasTemplateAndStrategy() {
        var old = StatefulSet(metadata: ObjectMeta(name: "db", namespace: "default", resourceVersion: "1"),
                              spec: StatefulSetSpec(replicas: 1, selector: LabelSelector(matchLabels: ["app": "web"]),
                                                    template: Self.template(), serviceName: "db"))
        old.spec?.podManagementPolicy = "OrderedReady"
        var scaled = old
        scaled.spec?.replicas = 3
        scaled.spec?.template?.spec?.containers[0].image = "postgres:17"
        #expect(scaled.validateUpdate(from: old).isEmpty)
        var renamed = old
        renamed.spec?.serviceName = "db2"
        #expect(Self.errors(renamed.validateUpdate(from: old)) == [
            "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ])
    }

    // MARK: Batch

    @Test func jobPodsMustNotRestartAlwaysAndTemplateIsImmutable() {
        let job = Job(metadata: ObjectMeta(name: "pi", namespace: "default", resourceVersion: "1"),
                      spec: JobSpec(template: Self.template(Self.podSpec(restartPolicy: "Always"))))
        #expect(Self.errors(job.validate()) == [
            "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
        ])
        let unset = Job(metadata: ObjectMeta(name: "pi", namespace: "default"), spec: JobSpec(template: Self.template()))
        #expect(Self.errors(unset.validate()) == [
            "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
        ])
        let old = Job(metadata: ObjectMeta(name: "pi", namespace: "default", resourceVersion: "1"),
                      spec: JobSpec(template: Self.template(Self.podSpec(restartPolicy: "Never"))))
        var new = old
        new.spec?.template?.spec?.containers[0].image = "perl:5.40"
        #expect(Self.errors(new.validateUpdate(from: old)).count == 1)
        #expect(new.validateUpdate(from: old).first?.field == "spec.template")
        #expect(new.validateUpdate(from: old).first?.detail == "field is immutable")
    }

    @Test func cronJobNeedsAScheduleAndAJobTemplate() {
        let cron = CronJob(metadata: ObjectMeta(name: "nightly", namespace: "default"), spec: CronJobSpec(concurrencyPolicy: "Sometimes"))
        #expect(Self.errors(cron.validate()) == [
            "spec.schedule: Required value",
            "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\"",
            "spec.jobTemplate: Required value",
        ])
    }

    // MARK: Core

    @Test func serviceRules() {
        let noPorts = Service(metadata: ObjectMeta(name: "web", namespace: "default"), spec: ServiceSpec(selector: ["app": "web"]))
        #expect(Self.errors(noPorts.validate()) == ["spec.ports: Required value"])

        let twoPorts = Service(metadata: ObjectMeta(name: "web", namespace: "default"),
                               spec: ServiceSpec(ports: [ServicePort(port: 80), ServicePort(name: "https", port: 443)], type: "Magic"))
        #expect(Self.errors(twoPorts.validate()) == [
            "spec.type: Unsupported value: \"Magic\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"",
            "spec.ports[0].name: Required value",
        ])

        let badName = Service(metadata: ObjectMeta(name: "1web", namespace: "default"), spec: ServiceSpec(ports: [ServicePort(port: 80)]))
        #expect(badName.validate().map(\.field) == ["metadata.name"])

        var old = Service(metadata: ObjectMeta(name: "web", namespace: "default", resourceVersion: "1"),
                          spec: ServiceSpec(ports: [ServicePort(port: 80)], clusterIP: "10.96.0.10"))
        old.spec?.clusterIPs = ["10.96.0.10"]
        var new = old
        new.spec?.clusterIP = "10.96.0.11"
        #expect(Self.errors(new.validateUpdate(from: old)) == ["spec.clusterIP: Invalid value: \"10.96.0.11\": field is immutable"])
    }

    @Test func configMapKeysSizeAndImmutability() {
        let bad = ConfigMap(metadata: ObjectMeta(name: "cfg", namespace: "default"), data: ["a/b": "x"])
        #expect(Self.errors(bad.validate()) == [
            "data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        ])
        let big = ConfigMap(metadata: ObjectMeta(name: "cfg", namespace: "default"), data: ["k": String(repeating: "x", count: 1024 * 1024)])
        #expect(Self.errors(big.validate()) == [": Too long: may not be more than 1048576 bytes"])

        let old = ConfigMap(metadata: ObjectMeta(name: "cfg", namespace: "default", resourceVersion: "1"), immutable: true, data: ["k": "v"])
        var new = old
        new.data["k"] = "w"
        #expect(Self.errors(new.validateUpdate(from: old)) == ["data: Forbidden: field is immutable when `immutable` is set"])
    }

    @Test func secretTypeIsImmutable() {
        let old = Secret(metadata: ObjectMeta(name: "s", namespace: "default", resourceVersion: "1"), data: ["k": "dg=="], type: "Opaque")
        var new = old
        new.type = "kubernetes.io/tls"
        #expect(Self.errors(new.validateUpdate(from: old)) == [
            "type: Invalid value: \"kubernetes.io/tls\": field is immutable",
            "data[tls.key]: Required value",
            "data[tls.crt]: Required value",
        ])
    }

    @Test func persistentVolumeClaimSpecIsImmutableExceptRequests() {
        let old = PersistentVolumeClaim(
            metadata: ObjectMeta(name: "data", namespace: "default", resourceVersion: "1"),
            spec: PersistentVolumeClaimSpec(accessModes: ["ReadWriteOnce"], resources: VolumeResourceRequirements(requests: ["storage": "1Gi"])))
        #expect(old.validate().isEmpty)
        var grown = old
        grown.spec?.resources?.requests["storage"] = "2Gi"
        #expect(grown.validateUpdate(from: old).isEmpty)
        var changed = old
        changed.spec?.accessModes = ["ReadWriteMany"]
        #expect(Self.errors(changed.validateUpdate(from: old)) == [
            "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims",
        ])
    }

    @Test func namespacesAreClusterScopedDNSLabels() {
        let ns = Namespace(metadata: ObjectMeta(name: "team.a", namespace: "default"))
        #expect(Self.errors(ns.validate()) == [
            "metadata.name: Invalid value: \"team.a\": must not contain dots",
            "metadata.namespace: Forbidden: not allowed on this type",
        ])
    }

    // MARK: Cluster plumbing

    @Test func nodeTaintsAndImmutablePodCIDR() {
        let old = Node(metadata: ObjectMeta(name: "n1", resourceVersion: "1"), spec: NodeSpec(podCIDR: "10.244.0.0/24"))
        var new = old
        new.spec?.podCIDR = "10.244.1.0/24"
        new.spec?.taints = [Taint(key: "dedicated", value: "gpu", effect: "NoWhere")]
        #expect(Self.errors(new.validateUpdate(from: old)) == [
            "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid",
            "spec.taints[0].effect: Unsupported value: \"NoWhere\": supported values: \"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\"",
        ])
    }

    @Test func leasePriorityClassAndEndpointSliceRules() {
        let lease = Lease(metadata: ObjectMeta(name: "leader", namespace: "kube-system"), spec: LeaseSpec(leaseDurationSeconds: 0))
        #expect(Self.errors(lease.validate()) == ["spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"])

        let pc = PriorityClass(metadata: ObjectMeta(name: "urgent"), value: 2_000_000_000)
        #expect(Self.errors(pc.validate()) == ["value: Forbidden: maximum allowed value of a user defined priority is 1000000000"])
        var lowered = PriorityClass(metadata: ObjectMeta(name: "urgent", resourceVersion: "1"), value: 10)
        let old = lowered
        lowered.value = 5
        #expect(Self.errors(lowered.validateUpdate(from: old)) == ["value: Forbidden: may not be changed in an update."])

        let slice = EndpointSlice(metadata: ObjectMeta(name: "web-abc", namespace: "default"), addressType: "IPv4",
                                  endpoints: [Endpoint(addresses: ["10.0.0.1", "10.0.0.300"])],
                                  ports: [EndpointSlicePort(name: "http", port: 80), EndpointSlicePort(name: "http", port: 81)])
        #expect(Self.errors(slice.validate()) == [
            "endpoints[0].addresses[1]: Invalid value: \"10.0.0.300\": must be a valid IPv4 address",
            "ports[1].name: Duplicate value: \"http\"",
        ])
    }

    /// Every kind the API serves is checked through the one `Validatable` mechanism.
    @Test func everyServedKindIsValidatable() {
        let kinds: [any Validatable.Type] = [
            Pod.self, Service.self, ConfigMap.self, Secret.self, Namespace.self, Node.self, ServiceAccount.self,
            PersistentVolumeClaim.self, Deployment.self, ReplicaSet.self, StatefulSet.self, DaemonSet.self,
            Job.self, CronJob.self, Lease.self, EndpointSlice.self, PriorityClass.self,
        ]
        #expect(kinds.count == 17)
    }
}
