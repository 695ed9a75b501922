// core/v1 messages, with the field numbers of upstream's k8s.io/api/core/v1/generated.proto.
//
// One table per model type in `Core/`, in the order the types are declared there. Members
// that upstream carries inside an embedded message (Go's inlined `LocalObjectReference`,
// `ProbeHandler`, `VolumeSource`, `PersistentVolumeSource`) are declared `.inlined` under
// upstream's name of the embedded field.

// MARK: - Affinity

extension Affinity: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "nodeAffinity": 1, "podAffinity": 2, "podAntiAffinity": 3
    ]
}

extension NodeAffinity: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "requiredDuringSchedulingIgnoredDuringExecution": 1,
        "preferredDuringSchedulingIgnoredDuringExecution": 2
    ]
}

extension PreferredSchedulingTerm: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["weight": .keepsZero(1), "preference": 2]
}

extension PodAffinity: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "requiredDuringSchedulingIgnoredDuringExecution": 1,
        "preferredDuringSchedulingIgnoredDuringExecution": 2
    ]
}

extension PodAntiAffinity: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "requiredDuringSchedulingIgnoredDuringExecution": 1,
        "preferredDuringSchedulingIgnoredDuringExecution": 2
    ]
}

extension PodAffinityTerm: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "labelSelector": 1, "namespaces": 2, "topologyKey": .keepsZero(3), "namespaceSelector": 4,
        "matchLabelKeys": 5, "mismatchLabelKeys": 6
    ]
}

extension WeightedPodAffinityTerm: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "weight": .keepsZero(1), "podAffinityTerm": 2
    ]
}

// MARK: - ConfigMap

extension ConfigMap: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "metadata": 1, "data": 2, "binaryData": .bytes(3), "immutable": .keepsZero(4)
    ]
}

// MARK: - Container

extension Container: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "image": 2, "command": 3, "args": 4, "workingDir": 5, "ports": 6,
        "env": 7, "resources": 8, "volumeMounts": 9, "livenessProbe": 10, "readinessProbe": 11,
        "lifecycle": 12, "terminationMessagePath": 13, "imagePullPolicy": 14, "securityContext": 15,
        "stdin": 16, "stdinOnce": 17, "tty": 18, "envFrom": 19, "terminationMessagePolicy": 20,
        "volumeDevices": 21, "startupProbe": 22, "resizePolicy": 23, "restartPolicy": .keepsZero(24)
    ]
}

extension ContainerPort: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": 1, "hostPort": 2, "containerPort": .keepsZero(3), "protocol": 4, "hostIP": 5
    ]
}

extension VolumeMount: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "readOnly": 2, "mountPath": .keepsZero(3), "subPath": 4,
        "mountPropagation": .keepsZero(5), "subPathExpr": 6, "recursiveReadOnly": .keepsZero(7)
    ]
}

extension VolumeDevice: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "devicePath": .keepsZero(2)
    ]
}

extension ContainerResizePolicy: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "resourceName": .keepsZero(1), "restartPolicy": .keepsZero(2)
    ]
}

// MARK: - ContainerStatus

extension ContainerStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "state": 2, "lastState": 3, "ready": .keepsZero(4),
        "restartCount": .keepsZero(5), "image": .keepsZero(6), "imageID": .keepsZero(7),
        "containerID": 8, "started": .keepsZero(9), "allocatedResources": 10, "resources": 11,
        "volumeMounts": 12
    ]
}

extension ContainerState: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["waiting": 1, "running": 2, "terminated": 3]
}

extension ContainerStateWaiting: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["reason": 1, "message": 2]
}

extension ContainerStateRunning: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["startedAt": 1]
}

extension ContainerStateTerminated: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "exitCode": .keepsZero(1), "signal": 2, "reason": 3, "message": 4, "startedAt": 5,
        "finishedAt": 6, "containerID": 7
    ]
}

extension VolumeMountStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "mountPath": .keepsZero(2), "readOnly": 3,
        "recursiveReadOnly": .keepsZero(4)
    ]
}

// MARK: - DownwardAPIVolumeSource

extension DownwardAPIVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["items": 1, "defaultMode": .keepsZero(2)]
}

extension DownwardAPIVolumeFile: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "path": .keepsZero(1), "fieldRef": 2, "resourceFieldRef": 3, "mode": .keepsZero(4)
    ]
}

// MARK: - Endpoints

extension Endpoints: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "subsets": 2]
}

extension EndpointSubset: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "addresses": 1, "notReadyAddresses": 2, "ports": 3
    ]
}

extension EndpointAddress: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "ip": .keepsZero(1), "targetRef": 2, "hostname": 3, "nodeName": .keepsZero(4)
    ]
}

extension EndpointPort: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": 1, "port": .keepsZero(2), "protocol": 3, "appProtocol": .keepsZero(4)
    ]
}

// MARK: - EnvVar

extension EnvVar: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "value": 2, "valueFrom": 3
    ]
}

extension EnvVarSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "fieldRef": 1, "resourceFieldRef": 2, "configMapKeyRef": 3, "secretKeyRef": 4
    ]
}

extension ObjectFieldSelector: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["apiVersion": 1, "fieldPath": .keepsZero(2)]
}

extension ResourceFieldSelector: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "containerName": 1, "resource": .keepsZero(2), "divisor": 3
    ]
}

extension ConfigMapKeySelector: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "localObjectReference": .inlined(1, ["name": 1]), "key": .keepsZero(2), "optional": .keepsZero(3)
    ]
}

extension SecretKeySelector: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "localObjectReference": .inlined(1, ["name": 1]), "key": .keepsZero(2), "optional": .keepsZero(3)
    ]
}

extension EnvFromSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "prefix": 1, "configMapRef": 2, "secretRef": 3
    ]
}

extension ConfigMapEnvSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["localObjectReference": .inlined(1, ["name": 1]), "optional": .keepsZero(2)]
}

extension SecretEnvSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["localObjectReference": .inlined(1, ["name": 1]), "optional": .keepsZero(2)]
}

// MARK: - Event

extension Event: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "metadata": 1, "involvedObject": 2, "reason": 3, "message": 4, "source": 5,
        "firstTimestamp": 6, "lastTimestamp": 7, "count": 8, "type": 9, "eventTime": 10,
        "series": 11, "action": 12, "related": 13, "reportingComponent": .keepsZero(14),
        "reportingInstance": .keepsZero(15)
    ]
}

extension EventSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["component": 1, "host": 2]
}

extension EventSeries: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["count": 1, "lastObservedTime": 2]
}

// MARK: - Lifecycle

extension Lifecycle: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "postStart": 1, "preStop": 2, "stopSignal": .keepsZero(3)
    ]
}

extension LifecycleHandler: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "exec": 1, "httpGet": 2, "tcpSocket": 3, "sleep": 4
    ]
}

extension SleepAction: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["seconds": .keepsZero(1)]
}

// MARK: - LoadBalancerStatus

extension LoadBalancerStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["ingress": 1]
}

extension LoadBalancerIngress: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "ip": 1, "hostname": 2, "ipMode": .keepsZero(3), "ports": 4
    ]
}

extension PortStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "port": .keepsZero(1), "protocol": .keepsZero(2), "error": .keepsZero(3)
    ]
}

// MARK: - LocalObjectReference

extension LocalObjectReference: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["name": 1]
}

// MARK: - Namespace

extension Namespace: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension NamespaceSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["finalizers": 1]
}

extension NamespaceStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["phase": 1, "conditions": 2]
}

extension NamespaceCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "lastTransitionTime": 4, "reason": 5,
        "message": 6
    ]
}

// MARK: - Node

extension Node: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension NodeSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "podCIDR": 1, "providerID": 3, "unschedulable": 4, "taints": 5, "podCIDRs": 7
    ]
}

// MARK: - NodeSelector

extension NodeSelector: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["nodeSelectorTerms": 1]
}

extension NodeSelectorTerm: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["matchExpressions": 1, "matchFields": 2]
}

extension NodeSelectorRequirement: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "key": .keepsZero(1), "operator": .keepsZero(2), "values": 3
    ]
}

// MARK: - NodeStatus

extension NodeStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "capacity": 1, "allocatable": 2, "phase": 3, "conditions": 4, "addresses": 5,
        "daemonEndpoints": 6, "nodeInfo": 7, "images": 8, "volumesInUse": 9, "volumesAttached": 10
    ]
}

extension NodeCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "lastHeartbeatTime": 3,
        "lastTransitionTime": 4, "reason": 5, "message": 6
    ]
}

extension NodeAddress: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "address": .keepsZero(2)
    ]
}

extension NodeDaemonEndpoints: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["kubeletEndpoint": 1]
}

extension DaemonEndpoint: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["Port": .keepsZero(1)]
}

extension NodeSystemInfo: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "machineID": .keepsZero(1), "systemUUID": .keepsZero(2), "bootID": .keepsZero(3),
        "kernelVersion": .keepsZero(4), "osImage": .keepsZero(5),
        "containerRuntimeVersion": .keepsZero(6), "kubeletVersion": .keepsZero(7),
        "kubeProxyVersion": .keepsZero(8), "operatingSystem": .keepsZero(9),
        "architecture": .keepsZero(10)
    ]
}

extension ContainerImage: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["names": 1, "sizeBytes": 2]
}

extension AttachedVolume: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "devicePath": .keepsZero(2)
    ]
}

// MARK: - ObjectReference

extension ObjectReference: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "kind": 1, "namespace": 2, "name": 3, "uid": 4, "apiVersion": 5, "resourceVersion": 6,
        "fieldPath": 7
    ]
}

// MARK: - PersistentVolume

extension PersistentVolume: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension PersistentVolumeSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "capacity": 1,
        "persistentVolumeSource": .inlined(2, ["hostPath": 3, "nfs": 5, "local": 20, "csi": 22]),
        "accessModes": 3, "claimRef": 4, "persistentVolumeReclaimPolicy": 5,
        "storageClassName": 6, "mountOptions": 7, "volumeMode": .keepsZero(8), "nodeAffinity": 9,
        "volumeAttributesClassName": .keepsZero(10)
    ]
}

extension PersistentVolumeStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "phase": 1, "message": 2, "reason": 3, "lastPhaseTransitionTime": 4
    ]
}

extension LocalVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "path": .keepsZero(1), "fsType": .keepsZero(2)
    ]
}

extension CSIPersistentVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "driver": .keepsZero(1), "volumeHandle": .keepsZero(2), "readOnly": 3, "fsType": 4,
        "volumeAttributes": 5, "controllerPublishSecretRef": 6, "nodeStageSecretRef": 7,
        "nodePublishSecretRef": 8, "controllerExpandSecretRef": 9, "nodeExpandSecretRef": 10
    ]
}

extension SecretReference: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["name": 1, "namespace": 2]
}

extension VolumeNodeAffinity: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["required": 1]
}

// MARK: - PersistentVolumeClaim

extension PersistentVolumeClaim: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension PersistentVolumeClaimSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "accessModes": 1, "resources": 2, "volumeName": 3, "selector": 4,
        "storageClassName": .keepsZero(5), "volumeMode": .keepsZero(6), "dataSource": 7,
        "dataSourceRef": 8, "volumeAttributesClassName": .keepsZero(9)
    ]
}

extension VolumeResourceRequirements: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["limits": 1, "requests": 2]
}

extension PersistentVolumeClaimStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "phase": 1, "accessModes": 2, "capacity": 3, "conditions": 4, "allocatedResources": 5,
        "allocatedResourceStatuses": 7, "currentVolumeAttributesClassName": .keepsZero(8)
    ]
}

extension PersistentVolumeClaimCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "lastProbeTime": 3, "lastTransitionTime": 4,
        "reason": 5, "message": 6
    ]
}

extension TypedLocalObjectReference: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "apiGroup": .keepsZero(1), "kind": .keepsZero(2), "name": .keepsZero(3)
    ]
}

extension TypedObjectReference: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "apiGroup": .keepsZero(1), "kind": .keepsZero(2), "name": .keepsZero(3),
        "namespace": .keepsZero(4)
    ]
}

// MARK: - Pod

extension Pod: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

// MARK: - PodSecurityContext

extension PodSecurityContext: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "seLinuxOptions": 1, "runAsUser": .keepsZero(2), "runAsNonRoot": .keepsZero(3),
        "supplementalGroups": 4, "fsGroup": .keepsZero(5), "runAsGroup": .keepsZero(6),
        "sysctls": 7, "windowsOptions": 8, "fsGroupChangePolicy": .keepsZero(9),
        "seccompProfile": 10, "appArmorProfile": 11, "supplementalGroupsPolicy": .keepsZero(12),
        "seLinuxChangePolicy": .keepsZero(13)
    ]
}

extension Sysctl: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "value": .keepsZero(2)
    ]
}

// MARK: - PodSpec

extension PodSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "volumes": 1, "containers": 2, "restartPolicy": 3,
        "terminationGracePeriodSeconds": .keepsZero(4), "activeDeadlineSeconds": .keepsZero(5),
        "dnsPolicy": 6, "nodeSelector": 7, "serviceAccountName": 8, "serviceAccount": 9,
        "nodeName": 10, "hostNetwork": 11, "hostPID": 12, "hostIPC": 13, "securityContext": 14,
        "imagePullSecrets": 15, "hostname": 16, "subdomain": 17, "affinity": 18,
        "schedulerName": 19, "initContainers": 20, "automountServiceAccountToken": .keepsZero(21),
        "tolerations": 22, "hostAliases": 23, "priorityClassName": 24, "priority": .keepsZero(25),
        "dnsConfig": 26, "shareProcessNamespace": .keepsZero(27), "readinessGates": 28,
        "runtimeClassName": .keepsZero(29), "enableServiceLinks": .keepsZero(30),
        "preemptionPolicy": .keepsZero(31), "overhead": 32, "topologySpreadConstraints": 33,
        "setHostnameAsFQDN": .keepsZero(35), "os": 36, "hostUsers": .keepsZero(37),
        "schedulingGates": 38, "resourceClaims": 39, "resources": 40
    ]
}

extension PodDNSConfig: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "nameservers": 1, "searches": 2, "options": 3
    ]
}

extension PodDNSConfigOption: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["name": 1, "value": .keepsZero(2)]
}

extension HostAlias: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["ip": .keepsZero(1), "hostnames": 2]
}

extension PodReadinessGate: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["conditionType": .keepsZero(1)]
}

extension PodOS: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["name": .keepsZero(1)]
}

extension PodSchedulingGate: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["name": .keepsZero(1)]
}

extension PodResourceClaim: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "resourceClaimName": .keepsZero(3),
        "resourceClaimTemplateName": .keepsZero(4)
    ]
}

// MARK: - PodStatus

extension PodStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "phase": 1, "conditions": 2, "message": 3, "reason": 4, "hostIP": 5, "podIP": 6,
        "startTime": 7, "containerStatuses": 8, "qosClass": 9, "initContainerStatuses": 10,
        "nominatedNodeName": 11, "podIPs": 12, "ephemeralContainerStatuses": 13, "resize": 14,
        "hostIPs": 16, "observedGeneration": 17
    ]
}

extension PodCondition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "lastProbeTime": 3, "lastTransitionTime": 4,
        "reason": 5, "message": 6, "observedGeneration": 7
    ]
}

extension PodIP: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["ip": .keepsZero(1)]
}

extension HostIP: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["ip": .keepsZero(1)]
}

// MARK: - PodTemplateSpec

extension PodTemplateSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2]
}

// MARK: - Probe

extension Probe: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "handler": .inlined(1, ["exec": 1, "httpGet": 2, "tcpSocket": 3, "grpc": 4]),
        "initialDelaySeconds": 2, "timeoutSeconds": 3, "periodSeconds": 4, "successThreshold": 5,
        "failureThreshold": 6, "terminationGracePeriodSeconds": .keepsZero(7)
    ]
}

extension ExecAction: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["command": 1]
}

extension HTTPGetAction: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "path": 1, "port": 2, "host": 3, "scheme": 4, "httpHeaders": 5
    ]
}

extension HTTPHeader: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "value": .keepsZero(2)
    ]
}

extension TCPSocketAction: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["port": 1, "host": 2]
}

extension GRPCAction: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "port": .keepsZero(1), "service": .keepsZero(2)
    ]
}

// MARK: - ProjectedVolumeSource

extension ProjectedVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["sources": 1, "defaultMode": .keepsZero(2)]
}

extension VolumeProjection: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "secret": 1, "downwardAPI": 2, "configMap": 3, "serviceAccountToken": 4,
        "clusterTrustBundle": 5
    ]
}

extension SecretProjection: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["localObjectReference": .inlined(1, ["name": 1]), "items": 2, "optional": .keepsZero(4)]
}

extension ConfigMapProjection: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["localObjectReference": .inlined(1, ["name": 1]), "items": 2, "optional": .keepsZero(4)]
}

extension DownwardAPIProjection: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["items": 1]
}

extension ServiceAccountTokenProjection: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "audience": 1, "expirationSeconds": .keepsZero(2), "path": .keepsZero(3)
    ]
}

extension ClusterTrustBundleProjection: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "signerName": .keepsZero(2), "labelSelector": 3,
        "path": .keepsZero(4), "optional": .keepsZero(5)
    ]
}

// MARK: - ResourceRequirements

extension ResourceRequirements: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["limits": 1, "requests": 2, "claims": 3]
}

extension ResourceClaim: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["name": .keepsZero(1), "request": 2]
}

// MARK: - Secret

extension Secret: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "metadata": 1, "data": .bytes(2), "type": 3, "stringData": 4, "immutable": .keepsZero(5)
    ]
}

// MARK: - SecurityContext

extension SecurityContext: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "capabilities": 1, "privileged": .keepsZero(2), "seLinuxOptions": 3,
        "runAsUser": .keepsZero(4), "runAsNonRoot": .keepsZero(5),
        "readOnlyRootFilesystem": .keepsZero(6), "allowPrivilegeEscalation": .keepsZero(7),
        "runAsGroup": .keepsZero(8), "procMount": .keepsZero(9), "windowsOptions": 10,
        "seccompProfile": 11, "appArmorProfile": 12
    ]
}

extension Capabilities: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["add": 1, "drop": 2]
}

extension SELinuxOptions: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["user": 1, "role": 2, "type": 3, "level": 4]
}

extension WindowsSecurityContextOptions: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "gmsaCredentialSpecName": .keepsZero(1), "gmsaCredentialSpec": .keepsZero(2),
        "runAsUserName": .keepsZero(3), "hostProcess": .keepsZero(4)
    ]
}

extension SeccompProfile: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "localhostProfile": .keepsZero(2)
    ]
}

extension AppArmorProfile: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "localhostProfile": .keepsZero(2)
    ]
}

// MARK: - Service

extension Service: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension ServiceSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "ports": 1, "selector": 2, "clusterIP": 3, "type": 4, "externalIPs": 5,
        "sessionAffinity": 7, "loadBalancerIP": 8, "loadBalancerSourceRanges": 9,
        "externalName": 10, "externalTrafficPolicy": 11, "healthCheckNodePort": 12,
        "publishNotReadyAddresses": 13, "sessionAffinityConfig": 14,
        "ipFamilyPolicy": .keepsZero(17), "clusterIPs": 18, "ipFamilies": 19,
        "allocateLoadBalancerNodePorts": .keepsZero(20), "loadBalancerClass": .keepsZero(21),
        "internalTrafficPolicy": .keepsZero(22), "trafficDistribution": .keepsZero(23)
    ]
}

extension ServicePort: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": 1, "protocol": 2, "port": .keepsZero(3), "targetPort": 4, "nodePort": 5,
        "appProtocol": .keepsZero(6)
    ]
}

extension SessionAffinityConfig: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["clientIP": 1]
}

extension ClientIPConfig: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["timeoutSeconds": .keepsZero(1)]
}

extension ServiceStatus: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["loadBalancer": 1, "conditions": 2]
}

// MARK: - ServiceAccount

extension ServiceAccount: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "metadata": 1, "secrets": 2, "imagePullSecrets": 3,
        "automountServiceAccountToken": .keepsZero(4)
    ]
}

// MARK: - Taint

extension Taint: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "key": .keepsZero(1), "value": 2, "effect": .keepsZero(3), "timeAdded": 4
    ]
}

// MARK: - Toleration

extension Toleration: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "key": 1, "operator": 2, "value": 3, "effect": 4, "tolerationSeconds": .keepsZero(5)
    ]
}

// MARK: - TopologySpreadConstraint

extension TopologySpreadConstraint: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "maxSkew": .keepsZero(1), "topologyKey": .keepsZero(2), "whenUnsatisfiable": .keepsZero(3),
        "labelSelector": 4, "minDomains": .keepsZero(5), "nodeAffinityPolicy": .keepsZero(6),
        "nodeTaintsPolicy": .keepsZero(7), "matchLabelKeys": 8
    ]
}

// MARK: - Volume

extension Volume: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1),
        "volumeSource": .inlined(2, [
            "hostPath": 1, "emptyDir": 2, "secret": 6, "nfs": 7, "persistentVolumeClaim": 10,
            "downwardAPI": 16, "configMap": 19, "projected": 26, "csi": 28, "ephemeral": 29, "image": 30,
        ]),
    ]
}

extension EmptyDirVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["medium": 1, "sizeLimit": 2]
}

extension HostPathVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "path": .keepsZero(1), "type": .keepsZero(2)
    ]
}

extension SecretVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "secretName": 1, "items": 2, "defaultMode": .keepsZero(3), "optional": .keepsZero(4)
    ]
}

extension ConfigMapVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "localObjectReference": .inlined(1, ["name": 1]), "items": 2, "defaultMode": .keepsZero(3), "optional": .keepsZero(4)
    ]
}

extension KeyToPath: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "key": .keepsZero(1), "path": .keepsZero(2), "mode": .keepsZero(3)
    ]
}

extension NFSVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "server": .keepsZero(1), "path": .keepsZero(2), "readOnly": 3
    ]
}

extension PersistentVolumeClaimVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["claimName": .keepsZero(1), "readOnly": 2]
}

extension CSIVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "driver": .keepsZero(1), "readOnly": .keepsZero(2), "fsType": .keepsZero(3),
        "volumeAttributes": 4, "nodePublishSecretRef": 5
    ]
}

extension EphemeralVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["volumeClaimTemplate": 1]
}

extension PersistentVolumeClaimTemplate: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2]
}

extension ImageVolumeSource: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["reference": 1, "pullPolicy": 2]
}
