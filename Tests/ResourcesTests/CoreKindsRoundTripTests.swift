import Testing
@testable import Resources

/// Decode-then-encode of every core/v1 kind besides Pod: typed values land where Kubernetes
/// puts them, and the JSON comes back unchanged.
@Suite struct CoreKindsRoundTripTests {
    /// Decodes `text` as `T`, checks the re-encoding equals the input, returns the value.
    private func roundTrip<T: Codable>(_ type: T.Type, _ text: String) throws -> T {
        let value = try JSONValue.parse(text).decode(T.self)
        #expect(try JSONValue(encoding: value) == JSONValue.parse(text))
        return value
    }

    @Test func serviceWithNamedTargetPortKeepsTheName() throws {
        let service = try roundTrip(Service.self, #"""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"},
         "spec":{"type":"NodePort","selector":{"app":"web"},
                 "ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":"http","nodePort":30080,
                           "appProtocol":"http"},
                          {"name":"metrics","port":9090,"targetPort":9091}],
                 "clusterIP":"10.96.0.20","clusterIPs":["10.96.0.20","fd00::20"],
                 "ipFamilies":["IPv4","IPv6"],"ipFamilyPolicy":"PreferDualStack",
                 "externalIPs":["203.0.113.9"],"sessionAffinity":"ClientIP",
                 "sessionAffinityConfig":{"clientIP":{"timeoutSeconds":600}},
                 "loadBalancerIP":"203.0.113.10","externalTrafficPolicy":"Local",
                 "internalTrafficPolicy":"Cluster","publishNotReadyAddresses":true,
                 "healthCheckNodePort":32000},
         "status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.10","ipMode":"VIP",
                                                "ports":[{"port":80,"protocol":"TCP"}]}]}}}
        """#)
        let spec = try #require(service.spec)
        #expect(spec.ports[0].targetPort == .string("http"))
        #expect(spec.ports[1].targetPort == .int(9091))
        #expect(spec.ports[0].nodePort == 30080)
        #expect(spec.type == ServiceSpec.ServiceType.nodePort.rawValue)
        #expect(spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == 600)
        #expect(spec.ipFamilies == ["IPv4", "IPv6"])
        #expect(spec.healthCheckNodePort == 32000)
        #expect(service.status?.loadBalancer?.ingress.first?.ip == "203.0.113.10")
    }

    @Test func secretKeepsBase64DataAndStringData() throws {
        let secret = try roundTrip(Secret.self, #"""
        {"apiVersion":"v1","kind":"Secret","metadata":{"name":"creds"},"type":"kubernetes.io/basic-auth",
         "data":{"username":"YWRtaW4=","blob":"AP8="},"stringData":{"password":"s3cret"},"immutable":true}
        """#)
        #expect(secret.data["username"] == "YWRtaW4=")
        #expect(secret.decodedData("username") == Array("admin".utf8))
        #expect(secret.decodedData("blob") == [0x00, 0xFF])
        #expect(secret.decodedData("missing") == nil)
        #expect(secret.stringData == ["password": "s3cret"])
        #expect(secret.type == Secret.SecretType.basicAuth.rawValue)
        #expect(secret.immutable == true)
    }

    @Test func configMapKeepsDataAndBinaryData() throws {
        let cm = try roundTrip(ConfigMap.self, #"""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},
         "data":{"mode":"fast","app.properties":"a=1\nb=2\n"},"binaryData":{"logo.png":"iVBORw0K"}}
        """#)
        #expect(cm.data["app.properties"] == "a=1\nb=2\n")
        #expect(cm.binaryData["logo.png"] == "iVBORw0K")
    }

    @Test func endpointsSubsetsCarryAddressesAndPorts() throws {
        let ep = try roundTrip(Endpoints.self, #"""
        {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"web"},
         "subsets":[{"addresses":[{"ip":"10.244.1.7","hostname":"web-0","nodeName":"node-a",
                                   "targetRef":{"kind":"Pod","namespace":"shop","name":"web-0","uid":"1b2c"}}],
                     "notReadyAddresses":[{"ip":"10.244.2.8"}],
                     "ports":[{"name":"http","port":8080,"protocol":"TCP","appProtocol":"http"}]}]}
        """#)
        #expect(ep.subsets[0].addresses[0].targetRef?.name == "web-0")
        #expect(ep.subsets[0].notReadyAddresses.map(\.ip) == ["10.244.2.8"])
        #expect(ep.subsets[0].ports[0].port == 8080)
    }

    @Test func nodeSpecAndStatusDecode() throws {
        let node = try roundTrip(Node.self, #"""
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"node-a"},
         "spec":{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"],"providerID":"capstan://node-a",
                 "unschedulable":true,
                 "taints":[{"key":"node.kubernetes.io/unschedulable","effect":"NoSchedule",
                            "timeAdded":"2024-05-01T12:00:00Z"}]},
         "status":{"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},
                   "allocatable":{"cpu":"3800m","memory":"7Gi","pods":"110"},
                   "conditions":[{"type":"Ready","status":"True","reason":"KubeletReady",
                                  "lastHeartbeatTime":"2024-05-01T12:00:30Z",
                                  "lastTransitionTime":"2024-05-01T11:00:00Z"}],
                   "addresses":[{"type":"InternalIP","address":"192.168.1.10"},{"type":"Hostname","address":"node-a"}],
                   "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},
                   "nodeInfo":{"machineID":"m","systemUUID":"s","bootID":"b","kernelVersion":"6.8.0",
                               "osImage":"Ubuntu 24.04","containerRuntimeVersion":"containerd://2.0.0",
                               "kubeletVersion":"v1.31.0","kubeProxyVersion":"","operatingSystem":"linux",
                               "architecture":"amd64"},
                   "images":[{"names":["docker.io/library/nginx:1.25"],"sizeBytes":70000000}],
                   "phase":"Running"}}
        """#)
        #expect(node.spec?.taints.first?.effect == "NoSchedule")
        #expect(node.spec?.unschedulable == true)
        let status = try #require(node.status)
        #expect(status.allocatable["cpu"] == Quantity("3800m"))
        #expect(status.conditions.first?.lastHeartbeatTime == Time(rfc3339: "2024-05-01T12:00:30Z"))
        #expect(status.addresses.map(\.type) == ["InternalIP", "Hostname"])
        #expect(status.daemonEndpoints?.kubeletEndpoint?.port == 10250)
        #expect(status.nodeInfo?.architecture == "amd64")
        #expect(status.images.first?.sizeBytes == 70_000_000)
    }

    @Test func eventCarriesInvolvedObjectAndMicroTime() throws {
        let event = try roundTrip(Event.self, #"""
        {"apiVersion":"v1","kind":"Event","metadata":{"name":"web-0.17c","namespace":"shop"},
         "involvedObject":{"kind":"Pod","namespace":"shop","name":"web-0","uid":"1b2c","apiVersion":"v1",
                           "resourceVersion":"42","fieldPath":"spec.containers{web}"},
         "reason":"BackOff","message":"Back-off restarting failed container","type":"Warning",
         "source":{"component":"kubelet","host":"node-a"},
         "firstTimestamp":"2024-05-01T12:00:00Z","lastTimestamp":"2024-05-01T12:05:00Z","count":7,
         "eventTime":"2024-05-01T12:00:00.250000Z","series":{"count":3,"lastObservedTime":"2024-05-01T12:05:00.500000Z"},
         "action":"Restarting","related":{"kind":"Node","name":"node-a"},
         "reportingComponent":"kubelet","reportingInstance":"node-a"}
        """#)
        #expect(event.involvedObject?.fieldPath == "spec.containers{web}")
        #expect(event.count == 7)
        #expect(event.eventTime == MicroTime(Time(secondsSince1970: 1_714_564_800.25)))
        #expect(event.series?.count == 3)
        #expect(event.related?.kind == "Node")
        #expect(event.source?.component == "kubelet")
    }

    @Test func namespaceServiceAccountDecode() throws {
        let ns = try roundTrip(Namespace.self, #"""
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"},"spec":{"finalizers":["kubernetes"]},
         "status":{"phase":"Terminating","conditions":[{"type":"NamespaceDeletionContentFailure","status":"False",
                                                         "reason":"ContentDeleted"}]}}
        """#)
        #expect(ns.spec?.finalizers == ["kubernetes"])
        #expect(ns.status?.phase == Namespace.Phase.terminating.rawValue)
        #expect(ns.status?.conditions.first?.reason == "ContentDeleted")
        #expect(Namespace.resourceType.namespaced == false)

        let sa = try roundTrip(ServiceAccount.self, #"""
        {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"web","namespace":"shop"},
         "secrets":[{"name":"web-token"}],"imagePullSecrets":[{"name":"regcred"}],"automountServiceAccountToken":false}
        """#)
        #expect(sa.secrets.first?.name == "web-token")
        #expect(sa.imagePullSecrets.first?.name == "regcred")
        #expect(sa.automountServiceAccountToken == false)
    }

    @Test func persistentVolumeAndClaimDecode() throws {
        let pv = try roundTrip(PersistentVolume.self, #"""
        {"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1"},
         "spec":{"capacity":{"storage":"10Gi"},"accessModes":["ReadWriteOnce"],
                 "persistentVolumeReclaimPolicy":"Delete","storageClassName":"local","volumeMode":"Filesystem",
                 "mountOptions":["noatime"],"local":{"path":"/mnt/disks/ssd1","fsType":"ext4"},
                 "claimRef":{"kind":"PersistentVolumeClaim","namespace":"shop","name":"web-data","uid":"9f"},
                 "nodeAffinity":{"required":{"nodeSelectorTerms":[{"matchExpressions":[
                     {"key":"kubernetes.io/hostname","operator":"In","values":["node-a"]}]}]}},
                 "csi":{"driver":"ebs.csi.aws.com","volumeHandle":"vol-1","fsType":"xfs",
                        "nodeStageSecretRef":{"name":"s","namespace":"kube-system"}}},
         "status":{"phase":"Bound","lastPhaseTransitionTime":"2024-05-01T12:00:00Z"}}
        """#)
        let spec = try #require(pv.spec)
        #expect(spec.capacity["storage"] == Quantity("10Gi"))
        #expect(spec.local?.path == "/mnt/disks/ssd1")
        #expect(spec.claimRef?.name == "web-data")
        #expect(spec.nodeAffinity?.required?.nodeSelectorTerms.first?.matchExpressions.first?.values == ["node-a"])
        #expect(spec.csi?.nodeStageSecretRef?.namespace == "kube-system")
        #expect(pv.status?.phase == PersistentVolume.Phase.bound.rawValue)
        #expect(PersistentVolume.resourceType.namespaced == false)

        let pvc = try roundTrip(PersistentVolumeClaim.self, #"""
        {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"web-data","namespace":"shop"},
         "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"5Gi"},"limits":{"storage":"10Gi"}},
                 "selector":{"matchLabels":{"tier":"fast"}},"storageClassName":"local","volumeName":"pv-1",
                 "volumeMode":"Block","dataSource":{"kind":"VolumeSnapshot","apiGroup":"snapshot.storage.k8s.io",
                                                    "name":"snap-1"}},
         "status":{"phase":"Bound","accessModes":["ReadWriteOnce"],"capacity":{"storage":"10Gi"},
                   "conditions":[{"type":"Resizing","status":"True"}]}}
        """#)
        #expect(pvc.spec?.resources?.requests["storage"] == Quantity("5Gi"))
        #expect(pvc.spec?.dataSource?.kind == "VolumeSnapshot")
        #expect(pvc.spec?.selector?.matchLabels == ["tier": "fast"])
        #expect(pvc.status?.capacity["storage"] == Quantity("10Gi"))
        #expect(pvc.status?.conditions.first?.type == "Resizing")
    }

    @Test func resourceTypesNameTheCoreGroup() {
        let types: [ResourceType] = [
            Namespace.resourceType, Pod.resourceType, Service.resourceType, Endpoints.resourceType,
            ConfigMap.resourceType, Secret.resourceType, Node.resourceType, Event.resourceType,
            ServiceAccount.resourceType, PersistentVolume.resourceType, PersistentVolumeClaim.resourceType,
        ]
        #expect(types.allSatisfy { $0.apiVersion == "v1" })
        #expect(types.map(\.plural) == [
            "namespaces", "pods", "services", "endpoints", "configmaps", "secrets", "nodes", "events",
            "serviceaccounts", "persistentvolumes", "persistentvolumeclaims",
        ])
        #expect(types.filter { !$0.namespaced }.map(\.kind) == ["Namespace", "Node", "PersistentVolume"])
    }
}
