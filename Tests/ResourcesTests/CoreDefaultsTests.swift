import Testing
@testable import Resources

/// Defaulting follows Kubernetes' SetDefaults_* rules for core/v1.
@Suite struct CoreDefaultsTests {
    @Test func minimalPodGetsKubernetesDefaults() throws {
        var pod = try JSONValue.parse(#"""
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"web","image":"nginx",
          "ports":[{"containerPort":80}],
          "livenessProbe":{"httpGet":{"port":80}},
          "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":3},
          "env":[{"name":"POD","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}]}],
          "initContainers":[{"name":"init","image":"busybox:1.36"}]}}
        """#).decode(Pod.self)
        pod.applyDefaults()
        let spec = try #require(pod.spec)
        #expect(spec.restartPolicy == "Always")
        #expect(spec.dnsPolicy == "ClusterFirst")
        #expect(spec.terminationGracePeriodSeconds == 30)
        #expect(spec.schedulerName == "default-scheduler")
        #expect(spec.securityContext == PodSecurityContext())
        #expect(spec.enableServiceLinks == true)

        let web = spec.containers[0]
        #expect(web.imagePullPolicy == "Always")
        #expect(web.terminationMessagePath == "/dev/termination-log")
        #expect(web.terminationMessagePolicy == "File")
        #expect(web.ports[0].protocol == "TCP")
        #expect(web.ports[0].hostPort == nil)
        #expect(web.env[0].valueFrom?.fieldRef?.apiVersion == "v1")
        let liveness = try #require(web.livenessProbe)
        #expect(liveness.timeoutSeconds == 1)
        #expect(liveness.periodSeconds == 10)
        #expect(liveness.successThreshold == 1)
        #expect(liveness.failureThreshold == 3)
        #expect(liveness.httpGet?.scheme == "HTTP")
        #expect(liveness.httpGet?.path == "/")
        #expect(web.readinessProbe?.periodSeconds == 3)

        let initContainer = spec.initContainers[0]
        #expect(initContainer.imagePullPolicy == "IfNotPresent")
        #expect(initContainer.terminationMessagePolicy == "File")

        // The defaulted pod serializes securityContext as {} like the API server does.
        #expect(try JSONValue(encoding: pod)["spec"]?["securityContext"] == [:])
    }

    @Test func imagePullPolicyFollowsTheImageTag() {
        func policy(_ image: String?) -> String? {
            var c = Container(name: "c", image: image)
            c.applyDefaults()
            return c.imagePullPolicy
        }
        #expect(policy("nginx") == "Always")
        #expect(policy("nginx:latest") == "Always")
        #expect(policy("nginx:1.25") == "IfNotPresent")
        #expect(policy("registry.example.com:5000/shop/web") == "Always")
        #expect(policy("registry.example.com:5000/shop/web:v2") == "IfNotPresent")
        #expect(policy("nginx@sha256:0123456789abcdef") == "IfNotPresent")
        #expect(policy("nginx:latest@sha256:0123456789abcdef") == "Always")
        #expect(policy(nil) == "IfNotPresent")
    }

    @Test func defaultingNeverOverwritesSetValues() throws {
        var pod = Pod(spec: PodSpec(
            containers: [Container(name: "c", image: "nginx", imagePullPolicy: "Never")],
            restartPolicy: "OnFailure", terminationGracePeriodSeconds: 5, dnsPolicy: "Default",
            schedulerName: "custom", enableServiceLinks: false))
        pod.applyDefaults()
        let spec = try #require(pod.spec)
        #expect(spec.restartPolicy == "OnFailure")
        #expect(spec.terminationGracePeriodSeconds == 5)
        #expect(spec.dnsPolicy == "Default")
        #expect(spec.schedulerName == "custom")
        #expect(spec.enableServiceLinks == false)
        #expect(spec.containers[0].imagePullPolicy == "Never")
    }

    @Test func defaultingIsIdempotent() throws {
        var pod = Pod(spec: PodSpec(volumes: [Volume(name: "v")], containers: [Container(name: "c", image: "nginx")]))
        pod.applyDefaults()
        let once = pod
        pod.applyDefaults()
        #expect(pod == once)
    }

    @Test func podOnlyDefaultsStayOffTemplates() throws {
        var template = PodTemplateSpec(spec: PodSpec(containers: [Container(name: "c", image: "nginx:1.25")]))
        template.applyDefaults()
        let spec = try #require(template.spec)
        #expect(spec.restartPolicy == "Always")
        #expect(spec.containers[0].imagePullPolicy == "IfNotPresent")
        #expect(spec.enableServiceLinks == nil)
    }

    @Test func requestsDefaultToLimitsAndHostNetworkPortsToContainerPorts() throws {
        var pod = Pod(spec: PodSpec(
            containers: [Container(
                name: "c", image: "nginx", ports: [ContainerPort(containerPort: 8080)],
                resources: ResourceRequirements(limits: ["cpu": "1", "memory": "1Gi"], requests: ["cpu": "500m"]))],
            hostNetwork: true))
        pod.applyDefaults()
        let c = try #require(pod.spec?.containers.first)
        #expect(c.resources?.requests == ["cpu": "500m", "memory": "1Gi"])
        #expect(c.ports[0].hostPort == 8080)
    }

    @Test func volumeSourcesGetTheirDefaults() throws {
        var spec = PodSpec(volumes: [
            Volume(name: "bare"),
            Volume(name: "secret", secret: SecretVolumeSource(secretName: "s")),
            Volume(name: "cm", configMap: ConfigMapVolumeSource(name: "c", defaultMode: 0o400)),
            Volume(name: "host", hostPath: HostPathVolumeSource(path: "/var/log")),
            Volume(name: "token", projected: ProjectedVolumeSource(sources: [
                VolumeProjection(serviceAccountToken: ServiceAccountTokenProjection(path: "token"))])),
            Volume(name: "eph", ephemeral: EphemeralVolumeSource(volumeClaimTemplate: PersistentVolumeClaimTemplate(
                spec: PersistentVolumeClaimSpec(accessModes: ["ReadWriteOnce"])))),
            Volume(name: "legacy", unknownFields: ["gcePersistentDisk": ["pdName": "d"]]),
        ])
        spec.applyDefaults()
        let v = Dictionary(uniqueKeysWithValues: spec.volumes.map { ($0.name, $0) })
        #expect(v["bare"]?.emptyDir == EmptyDirVolumeSource())
        #expect(v["secret"]?.secret?.defaultMode == 0o644)
        #expect(v["cm"]?.configMap?.defaultMode == 0o400)
        #expect(v["host"]?.hostPath?.type == "")
        #expect(v["token"]?.projected?.defaultMode == 0o644)
        #expect(v["token"]?.projected?.sources.first?.serviceAccountToken?.expirationSeconds == 3600)
        #expect(v["eph"]?.ephemeral?.volumeClaimTemplate?.spec?.volumeMode == "Filesystem")
        #expect(v["legacy"]?.emptyDir == nil)
    }

    @Test func minimalServiceGetsKubernetesDefaults() throws {
        var service = try JSONValue.parse(#"""
        {"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},
         "ports":[{"port":80},{"name":"named","port":443,"targetPort":"https","protocol":"UDP"}]}}
        """#).decode(Service.self)
        service.applyDefaults()
        let spec = try #require(service.spec)
        #expect(spec.type == "ClusterIP")
        #expect(spec.sessionAffinity == "None")
        #expect(spec.internalTrafficPolicy == "Cluster")
        #expect(spec.externalTrafficPolicy == nil)
        #expect(spec.ports[0].protocol == "TCP")
        #expect(spec.ports[0].targetPort == .int(80))
        #expect(spec.ports[1].protocol == "UDP")
        #expect(spec.ports[1].targetPort == .string("https"))
    }

    @Test func loadBalancerAndClientIPServicesGetTheirDefaults() throws {
        var service = Service(spec: ServiceSpec(
            ports: [ServicePort(port: 80, targetPort: .int(0))], type: "LoadBalancer", sessionAffinity: "ClientIP"))
        service.applyDefaults()
        let spec = try #require(service.spec)
        #expect(spec.ports[0].targetPort == .int(80))
        #expect(spec.externalTrafficPolicy == "Cluster")
        #expect(spec.allocateLoadBalancerNodePorts == true)
        #expect(spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == 10800)
    }

    @Test func otherKindsGetTheirDefaults() throws {
        var secret = Secret()
        secret.applyDefaults()
        #expect(secret.type == "Opaque")

        var ns = Namespace(metadata: ObjectMeta(name: "shop"))
        ns.applyDefaults()
        #expect(ns.status?.phase == "Active")
        #expect(ns.metadata.labels?["kubernetes.io/metadata.name"] == "shop")

        var pvc = PersistentVolumeClaim(spec: PersistentVolumeClaimSpec(accessModes: ["ReadWriteOnce"]))
        pvc.applyDefaults()
        #expect(pvc.spec?.volumeMode == "Filesystem")
        #expect(pvc.status?.phase == "Pending")

        var pv = PersistentVolume(spec: PersistentVolumeSpec(capacity: ["storage": "1Gi"]))
        pv.applyDefaults()
        #expect(pv.spec?.persistentVolumeReclaimPolicy == "Retain")
        #expect(pv.spec?.volumeMode == "Filesystem")
        #expect(pv.status?.phase == "Pending")

        var ep = Endpoints(subsets: [EndpointSubset(ports: [EndpointPort(port: 80)])])
        ep.applyDefaults()
        #expect(ep.subsets[0].ports[0].protocol == "TCP")

        var node = Node(status: NodeStatus(capacity: ["cpu": "4"]))
        node.applyDefaults()
        #expect(node.status?.allocatable == ["cpu": "4"])
        #expect(node.spec == nil)
    }
}
