import Testing
@testable import Resources

/// A pod as the API server returns it, touching every member family of PodSpec, Container,
/// Volume and PodStatus, with members this model does not declare at several depths.
private let podJSON = #"""
{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web-0", "namespace": "shop", "labels": {"app": "web"}, "uid": "1b2c",
               "creationTimestamp": "2024-05-01T12:00:00Z"},
  "futureTopLevel": {"x": 1},
  "spec": {
    "futureSpecField": [1, "two"],
    "restartPolicy": "Always",
    "terminationGracePeriodSeconds": 45,
    "activeDeadlineSeconds": 600,
    "dnsPolicy": "None",
    "dnsConfig": {"nameservers": ["10.0.0.10"], "searches": ["shop.svc.cluster.local"],
                  "options": [{"name": "ndots", "value": "2"}, {"name": "edns0"}]},
    "nodeSelector": {"disktype": "ssd"},
    "serviceAccountName": "web",
    "serviceAccount": "web",
    "automountServiceAccountToken": false,
    "nodeName": "node-a",
    "hostNetwork": false,
    "hostPID": false,
    "hostIPC": false,
    "shareProcessNamespace": true,
    "securityContext": {"runAsUser": 1000, "runAsGroup": 3000, "runAsNonRoot": true, "fsGroup": 2000,
                        "supplementalGroups": [4000], "fsGroupChangePolicy": "OnRootMismatch",
                        "sysctls": [{"name": "net.core.somaxconn", "value": "1024"}],
                        "seccompProfile": {"type": "RuntimeDefault"}},
    "imagePullSecrets": [{"name": "regcred"}],
    "hostname": "web-0",
    "subdomain": "web",
    "affinity": {
      "nodeAffinity": {
        "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
          {"matchExpressions": [{"key": "zone", "operator": "In", "values": ["a", "b"]}],
           "matchFields": [{"key": "metadata.name", "operator": "NotIn", "values": ["node-z"]}]}]},
        "preferredDuringSchedulingIgnoredDuringExecution": [
          {"weight": 10, "preference": {"matchExpressions": [{"key": "gpu", "operator": "Exists"}]}}]
      },
      "podAffinity": {
        "requiredDuringSchedulingIgnoredDuringExecution": [
          {"labelSelector": {"matchLabels": {"app": "cache"}}, "topologyKey": "kubernetes.io/hostname",
           "namespaces": ["shop"], "matchLabelKeys": ["pod-template-hash"]}]
      },
      "podAntiAffinity": {
        "preferredDuringSchedulingIgnoredDuringExecution": [
          {"weight": 100, "podAffinityTerm": {"labelSelector": {"matchExpressions": [
            {"key": "app", "operator": "In", "values": ["web"]}]}, "topologyKey": "zone",
            "namespaceSelector": {}}}]
      }
    },
    "schedulerName": "default-scheduler",
    "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute",
                     "tolerationSeconds": 300},
                    {"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"}],
    "hostAliases": [{"ip": "127.0.0.1", "hostnames": ["foo.local", "bar.local"]}],
    "priorityClassName": "high",
    "priority": 1000,
    "readinessGates": [{"conditionType": "example.com/ready"}],
    "runtimeClassName": "runc",
    "enableServiceLinks": false,
    "preemptionPolicy": "PreemptLowerPriority",
    "overhead": {"cpu": "250m", "memory": "120Mi"},
    "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "zone", "whenUnsatisfiable": "DoNotSchedule",
                                   "labelSelector": {"matchLabels": {"app": "web"}}, "minDomains": 2,
                                   "nodeAffinityPolicy": "Honor", "nodeTaintsPolicy": "Ignore"}],
    "os": {"name": "linux"},
    "initContainers": [{"name": "migrate", "image": "registry.example.com:5000/shop/migrate@sha256:abcd",
                        "command": ["/migrate"], "restartPolicy": "Always"}],
    "containers": [{
      "name": "web",
      "image": "nginx:1.25",
      "command": ["nginx"],
      "args": ["-g", "daemon off;"],
      "workingDir": "/srv",
      "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"},
                {"containerPort": 9090, "hostPort": 19090, "hostIP": "0.0.0.0", "protocol": "UDP"}],
      "envFrom": [{"configMapRef": {"name": "web-config"}, "prefix": "CFG_"},
                  {"secretRef": {"name": "web-secret", "optional": true}}],
      "env": [
        {"name": "LITERAL", "value": "x"},
        {"name": "POD_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}},
        {"name": "CPU_LIMIT", "valueFrom": {"resourceFieldRef": {"containerName": "web", "resource": "limits.cpu",
                                                                  "divisor": "1m"}}},
        {"name": "MODE", "valueFrom": {"configMapKeyRef": {"name": "web-config", "key": "mode"}}},
        {"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "web-secret", "key": "token", "optional": false},
                                        "futureSource": {"deep": true}}}
      ],
      "resources": {"limits": {"cpu": "500m", "memory": "256Mi"}, "requests": {"cpu": "100m", "memory": "128Mi"},
                    "claims": [{"name": "gpu"}]},
      "volumeMounts": [{"name": "data", "mountPath": "/data", "readOnly": true, "subPath": "web",
                        "mountPropagation": "HostToContainer"}],
      "volumeDevices": [{"name": "raw", "devicePath": "/dev/xvda"}],
      "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http", "scheme": "HTTP",
                                    "httpHeaders": [{"name": "X-Probe", "value": "1"}]},
                        "initialDelaySeconds": 5, "timeoutSeconds": 2, "periodSeconds": 10,
                        "successThreshold": 1, "failureThreshold": 3},
      "readinessProbe": {"tcpSocket": {"port": 8080}, "periodSeconds": 5},
      "startupProbe": {"exec": {"command": ["cat", "/tmp/ready"]}, "failureThreshold": 30},
      "lifecycle": {"postStart": {"exec": {"command": ["/bin/warm"]}},
                    "preStop": {"sleep": {"seconds": 5}}},
      "terminationMessagePath": "/dev/termination-log",
      "terminationMessagePolicy": "FallbackToLogsOnError",
      "imagePullPolicy": "IfNotPresent",
      "securityContext": {"capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}, "privileged": false,
                          "runAsUser": 101, "runAsGroup": 101, "runAsNonRoot": true,
                          "readOnlyRootFilesystem": true, "allowPrivilegeEscalation": false,
                          "seccompProfile": {"type": "Localhost", "localhostProfile": "profiles/web.json"}},
      "stdin": false,
      "stdinOnce": false,
      "tty": false,
      "futureContainerField": "kept"
    }, {
      "name": "grpc",
      "image": "example/grpc",
      "livenessProbe": {"grpc": {"port": 9000, "service": "health"}}
    }],
    "volumes": [
      {"name": "scratch", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}},
      {"name": "host", "hostPath": {"path": "/var/log", "type": "Directory"}},
      {"name": "config", "configMap": {"name": "web-config", "items": [{"key": "nginx.conf", "path": "nginx.conf",
                                                                        "mode": 420}], "defaultMode": 420}},
      {"name": "secret", "secret": {"secretName": "web-secret", "optional": true}},
      {"name": "data", "persistentVolumeClaim": {"claimName": "web-data", "readOnly": false}},
      {"name": "token", "projected": {"defaultMode": 420, "sources": [
        {"serviceAccountToken": {"audience": "vault", "expirationSeconds": 3600, "path": "token"}},
        {"configMap": {"name": "ca", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
        {"secret": {"name": "extra", "optional": true}},
        {"downwardAPI": {"items": [{"path": "labels", "fieldRef": {"fieldPath": "metadata.labels"}}]}}]}},
      {"name": "podinfo", "downwardAPI": {"items": [
        {"path": "cpu", "resourceFieldRef": {"containerName": "web", "resource": "requests.cpu", "divisor": "1m"}}]}},
      {"name": "shared", "nfs": {"server": "nfs.example.com", "path": "/exports", "readOnly": true}},
      {"name": "inline", "csi": {"driver": "secrets-store.csi.k8s.io", "readOnly": true,
                                  "volumeAttributes": {"secretProviderClass": "web"},
                                  "nodePublishSecretRef": {"name": "csi-creds"}}},
      {"name": "scratch-pvc", "ephemeral": {"volumeClaimTemplate": {
        "metadata": {"labels": {"type": "scratch"}},
        "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "fast",
                 "resources": {"requests": {"storage": "1Gi"}}}}}},
      {"name": "legacy", "gcePersistentDisk": {"pdName": "disk-1", "fsType": "ext4"}}
    ]
  },
  "status": {
    "phase": "Running",
    "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2024-05-01T12:00:10Z"},
                   {"type": "PodScheduled", "status": "True", "lastProbeTime": "2024-05-01T12:00:01Z"}],
    "message": "all good",
    "reason": "Started",
    "hostIP": "192.168.1.10",
    "hostIPs": [{"ip": "192.168.1.10"}],
    "podIP": "10.244.1.7",
    "podIPs": [{"ip": "10.244.1.7"}, {"ip": "fd00::7"}],
    "startTime": "2024-05-01T12:00:02Z",
    "nominatedNodeName": "node-b",
    "qosClass": "Burstable",
    "initContainerStatuses": [{"name": "migrate", "ready": true, "restartCount": 0, "image": "migrate",
                               "imageID": "sha256:1", "started": true,
                               "state": {"terminated": {"exitCode": 0, "reason": "Completed",
                                                        "startedAt": "2024-05-01T12:00:03Z",
                                                        "finishedAt": "2024-05-01T12:00:04Z",
                                                        "containerID": "containerd://aaa"}}}],
    "containerStatuses": [{"name": "web", "ready": true, "restartCount": 2, "image": "nginx:1.25",
                           "imageID": "docker.io/library/nginx@sha256:2", "containerID": "containerd://bbb",
                           "started": true,
                           "state": {"running": {"startedAt": "2024-05-01T12:00:05Z"}},
                           "lastState": {"terminated": {"exitCode": 137, "signal": 9, "reason": "OOMKilled",
                                                        "message": "out of memory"}}},
                          {"name": "grpc", "ready": false, "restartCount": 5, "image": "example/grpc",
                           "imageID": "", "state": {"waiting": {"reason": "CrashLoopBackOff",
                                                                "message": "back-off 40s"}}}]
  }
}
"""#

@Suite struct PodRoundTripTests {
    @Test func realisticPodDecodesToTypedValues() throws {
        let pod = try JSONValue.parse(podJSON).decode(Pod.self)
        #expect(pod.metadata.name == "web-0")
        #expect(pod.metadata.namespace == "shop")
        let spec = try #require(pod.spec)
        #expect(spec.restartPolicy == PodSpec.RestartPolicy.always.rawValue)
        #expect(spec.terminationGracePeriodSeconds == 45)
        #expect(spec.dnsConfig?.options.map(\.name) == ["ndots", "edns0"])
        #expect(spec.nodeSelector == ["disktype": "ssd"])
        #expect(spec.securityContext?.sysctls.first?.value == "1024")
        #expect(spec.securityContext?.supplementalGroups == [4000])
        #expect(spec.imagePullSecrets.first?.name == "regcred")
        #expect(spec.overhead["memory"] == Quantity("120Mi"))
        #expect(spec.topologySpreadConstraints.first?.minDomains == 2)
        #expect(spec.os?.name == "linux")
        #expect(spec.initContainers.first?.restartPolicy == "Always")

        let nodeAffinity = try #require(spec.affinity?.nodeAffinity)
        let required = try #require(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution)
        #expect(required.nodeSelectorTerms.first?.matchExpressions.first?.operator == "In")
        #expect(required.nodeSelectorTerms.first?.matchFields.first?.values == ["node-z"])
        #expect(nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution.first?.weight == 10)
        #expect(spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution.first?.topologyKey
            == "kubernetes.io/hostname")
        let anti = try #require(spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution.first)
        #expect(anti.weight == 100)
        #expect(anti.podAffinityTerm?.namespaceSelector == LabelSelector())
        #expect(spec.tolerations.map(\.operator) == ["Exists", "Equal"])
        #expect(spec.tolerations.first?.tolerationSeconds == 300)

        let web = try #require(spec.containers.first)
        #expect(web.name == "web")
        #expect(web.args == ["-g", "daemon off;"])
        #expect(web.ports.map(\.containerPort) == [8080, 9090])
        #expect(web.ports[1].protocol == "UDP")
        #expect(web.envFrom.first?.configMapRef?.name == "web-config")
        #expect(web.env[1].valueFrom?.fieldRef?.fieldPath == "metadata.name")
        #expect(web.env[2].valueFrom?.resourceFieldRef?.divisor == Quantity("1m"))
        #expect(web.env[3].valueFrom?.configMapKeyRef?.key == "mode")
        #expect(web.env[4].valueFrom?.secretKeyRef?.optional == false)
        #expect(web.resources?.limits["cpu"] == Quantity("500m"))
        #expect(web.resources?.requests["memory"] == Quantity("128Mi"))
        #expect(web.resources?.claims.first?.name == "gpu")
        #expect(web.volumeMounts.first?.readOnly == true)
        #expect(web.volumeDevices.first?.devicePath == "/dev/xvda")
        #expect(web.livenessProbe?.httpGet?.port == .string("http"))
        #expect(web.livenessProbe?.httpGet?.httpHeaders.first?.name == "X-Probe")
        #expect(web.readinessProbe?.tcpSocket?.port == .int(8080))
        #expect(web.startupProbe?.exec?.command == ["cat", "/tmp/ready"])
        #expect(web.lifecycle?.preStop?.sleep?.seconds == 5)
        #expect(web.securityContext?.capabilities?.drop == ["ALL"])
        #expect(web.securityContext?.seccompProfile?.localhostProfile == "profiles/web.json")
        #expect(web.securityContext?.allowPrivilegeEscalation == false)
        #expect(spec.containers[1].livenessProbe?.grpc?.service == "health")

        let volumes = Dictionary(uniqueKeysWithValues: spec.volumes.map { ($0.name, $0) })
        #expect(volumes["scratch"]?.emptyDir?.sizeLimit == Quantity("64Mi"))
        #expect(volumes["host"]?.hostPath?.type == "Directory")
        #expect(volumes["config"]?.configMap?.items.first?.mode == 0o644)
        #expect(volumes["secret"]?.secret?.secretName == "web-secret")
        #expect(volumes["data"]?.persistentVolumeClaim?.claimName == "web-data")
        let sources = try #require(volumes["token"]?.projected?.sources)
        #expect(sources[0].serviceAccountToken?.audience == "vault")
        #expect(sources[1].configMap?.items.first?.key == "ca.crt")
        #expect(sources[2].secret?.optional == true)
        #expect(sources[3].downwardAPI?.items.first?.fieldRef?.fieldPath == "metadata.labels")
        #expect(volumes["podinfo"]?.downwardAPI?.items.first?.resourceFieldRef?.resource == "requests.cpu")
        #expect(volumes["shared"]?.nfs?.server == "nfs.example.com")
        #expect(volumes["inline"]?.csi?.volumeAttributes == ["secretProviderClass": "web"])
        let claim = try #require(volumes["scratch-pvc"]?.ephemeral?.volumeClaimTemplate)
        #expect(claim.metadata?.labels == ["type": "scratch"])
        #expect(claim.spec?.resources?.requests["storage"] == Quantity("1Gi"))
        #expect(volumes["legacy"]?.unknownFields["gcePersistentDisk"]?["pdName"] == "disk-1")

        let status = try #require(pod.status)
        #expect(status.phase == PodStatus.Phase.running.rawValue)
        #expect(status.conditions.first?.lastTransitionTime == Time(rfc3339: "2024-05-01T12:00:10Z"))
        #expect(status.podIPs.map(\.ip) == ["10.244.1.7", "fd00::7"])
        #expect(status.hostIPs.first?.ip == "192.168.1.10")
        #expect(status.qosClass == "Burstable")
        #expect(status.initContainerStatuses.first?.state?.terminated?.reason == "Completed")
        let webStatus = try #require(status.containerStatuses.first)
        #expect(webStatus.restartCount == 2)
        #expect(webStatus.ready)
        #expect(webStatus.state?.running?.startedAt == Time(rfc3339: "2024-05-01T12:00:05Z"))
        #expect(webStatus.lastState?.terminated?.exitCode == 137)
        #expect(webStatus.lastState?.terminated?.signal == 9)
        #expect(status.containerStatuses[1].state?.waiting?.reason == "CrashLoopBackOff")
    }

    @Test func realisticPodReencodesToTheSameJSON() throws {
        let pod = try JSONValue.parse(podJSON).decode(Pod.self)
        #expect(try JSONValue(encoding: pod) == JSONValue.parse(podJSON))
    }

    @Test func unknownMembersSurviveAtEveryDepth() throws {
        let pod = try JSONValue.parse(podJSON).decode(Pod.self)
        #expect(pod.unknownFields["futureTopLevel"] == ["x": 1])
        #expect(pod.spec?.unknownFields["futureSpecField"] == [1, "two"])
        #expect(pod.spec?.containers.first?.unknownFields["futureContainerField"] == "kept")
        #expect(pod.spec?.containers.first?.env[4].valueFrom?.unknownFields["futureSource"] == ["deep": true])

        let reencoded = try JSONValue(encoding: pod)
        #expect(reencoded["spec"]?["containers"]?.arrayValue?.first?["futureContainerField"] == "kept")
        #expect(reencoded["spec"]?["volumes"]?.arrayValue?.last?["gcePersistentDisk"]?["fsType"] == "ext4")
    }

    @Test func podTemplateSpecCarriesMetadataAndSpec() throws {
        let text = #"{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}"#
        let template = try JSONValue.parse(text).decode(PodTemplateSpec.self)
        #expect(template.metadata.labels == ["app": "web"])
        #expect(template.spec?.containers.first?.image == "nginx")
        #expect(try JSONValue(encoding: template) == JSONValue.parse(text))
    }

    @Test func minimalPodEncodesWithoutEmptyMembers() throws {
        let pod = Pod(metadata: ObjectMeta(name: "p"), spec: PodSpec(containers: [Container(name: "c", image: "busybox")]))
        let expected = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"busybox","name":"c"}]}}"#
        #expect(try JSONValue(encoding: pod) == JSONValue.parse(expected))
    }
}
