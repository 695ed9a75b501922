import Foundation
import Resources
import Testing
@testable import APIServer

/// Services, Endpoints, Namespaces, ConfigMaps, Secrets, ServiceAccounts, volumes and events.
@Suite struct CoreTablePrintersTests {
    typealias F = TableFixtures

    private func service(_ type: String?, clusterIPs: [String] = ["10.9.8.7"], externalIPs: [String] = [],
                         ingress: [LoadBalancerIngress] = [], externalName: String? = nil,
                         ports: [ServicePort] = [], selector: [String: String] = [:]) -> Service {
        Service(metadata: F.meta("svc", created: F.ago(5 * F.minute)),
                spec: ServiceSpec(ports: ports, selector: selector, clusterIPs: clusterIPs, type: type,
                                  externalIPs: externalIPs, externalName: externalName),
                status: ServiceStatus(loadBalancer: LoadBalancerStatus(ingress: ingress)))
    }

    /// printers_test.go TestPrintService.
    @Test func servicePrintsTypeClusterIPExternalIPPortsAndSelector() {
        let ports = [ServicePort(protocol: "TCP", port: 2233), ServicePort(protocol: "UDP", port: 53, nodePort: 30053)]
        #expect(F.cells(service("NodePort", ports: ports, selector: ["app": "dns", "tier": "a"])) ==
                [.s("svc"), .s("NodePort"), .s("10.9.8.7"), .s("<none>"), .s("2233/TCP,53:30053/UDP"), .s("5m"), .s("app=dns,tier=a")])
        #expect(F.cells(service("ClusterIP", clusterIPs: []))[2...4] == [.s("<none>"), .s("<none>"), .s("<none>")])
    }

    @Test(arguments: [
        ("ClusterIP", ["1.1.1.1", "2.2.2.2"], [String](), "1.1.1.1,2.2.2.2"),
        ("NodePort", [], [], "<none>"),
        ("LoadBalancer", [], [], "<pending>"),
        ("LoadBalancer", [], ["3.3.3.3", "lb.example.com", "3.3.3.3"], "3.3.3.3,lb.example.com"),
        ("LoadBalancer", ["9.9.9.9"], ["3.3.3.3"], "3.3.3.3,9.9.9.9"),
        ("Bogus", [], [], "<unknown>"),
    ])
    func serviceExternalIPDependsOnType(type: String, externalIPs: [String], ingress: [String], expected: String) {
        let lb = ingress.map { $0.first!.isNumber ? LoadBalancerIngress(ip: $0) : LoadBalancerIngress(hostname: $0) }
        #expect(F.cells(service(type, externalIPs: externalIPs, ingress: lb))[3] == .s(expected))
    }

    @Test func externalNameServiceShowsTheName() {
        #expect(F.cells(service("ExternalName", clusterIPs: [], externalName: "db.example.com"))[3] == .s("db.example.com"))
    }

    /// printers_test.go TestPrintEndpoint.
    @Test func endpointsListFirstThreeAddressPortsThenMore() {
        func endpoints(_ subsets: [EndpointSubset]) -> Endpoints { Endpoints(metadata: F.meta("ep"), subsets: subsets) }
        let addresses = ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map { EndpointAddress(ip: $0) }
        #expect(F.cells(endpoints([]))[1] == .s("<none>"))
        #expect(F.cells(endpoints([EndpointSubset(addresses: [EndpointAddress(ip: "127.0.0.1")])]))[1] == .s("127.0.0.1"))
        #expect(F.cells(endpoints([EndpointSubset(addresses: [EndpointAddress(ip: "127.0.0.1")],
                                                  ports: [EndpointPort(port: 8080)])]))[1] == .s("127.0.0.1:8080"))
        #expect(F.cells(endpoints([EndpointSubset(addresses: addresses, ports: [EndpointPort(port: 80), EndpointPort(port: 443)])]))[1]
                == .s("1.1.1.1:80,2.2.2.2:80,3.3.3.3:80 + 3 more..."))
        #expect(F.cells(endpoints([EndpointSubset(addresses: [EndpointAddress(ip: "::1")], ports: [EndpointPort(port: 80)])]))[1]
                == .s("[::1]:80"))
    }

    @Test func namespaceShowsPhase() {
        let ns = Namespace(metadata: F.meta("default", created: F.ago(400 * F.day)), status: NamespaceStatus(phase: "Active"))
        #expect(F.cells(ns) == [.s("default"), .s("Active"), .s("400d")])
    }

    @Test func configMapCountsDataAndBinaryData() {
        let cm = ConfigMap(metadata: F.meta("cm"), data: ["a": "1", "b": "2"], binaryData: ["c": "AA=="])
        #expect(F.cells(cm) == [.s("cm"), .integer(3), .s("<unknown>")])
    }

    @Test func secretShowsTypeAndCountsKeysOfDataAndStringData() {
        let secret = Secret(metadata: F.meta("s"), data: ["a": "MQ=="], stringData: ["a": "1", "b": "2"], type: "Opaque")
        #expect(F.cells(secret) == [.s("s"), .s("Opaque"), .integer(2), .s("<unknown>")])
    }

    @Test func serviceAccountCountsSecrets() {
        let sa = ServiceAccount(metadata: F.meta("default"), secrets: [ObjectReference(name: "token")])
        #expect(F.cells(sa) == [.s("default"), .integer(1), .s("<unknown>")])
    }

    @Test func persistentVolumePrintsCapacityModesClaimAndClass() {
        let pv = PersistentVolume(
            metadata: F.meta("pv1", created: F.ago(90), annotations: ["volume.beta.kubernetes.io/storage-class": "beta"]),
            spec: PersistentVolumeSpec(capacity: ["storage": "1.5Gi"], accessModes: ["ReadWriteOnce", "ReadOnlyMany"],
                                       claimRef: ObjectReference(namespace: "ns", name: "data"),
                                       persistentVolumeReclaimPolicy: "Retain", storageClassName: "standard"),
            status: PersistentVolumeStatus(phase: "Bound"))
        #expect(F.cells(pv) == [.s("pv1"), .s("1536Mi"), .s("RWO,ROX"), .s("Retain"), .s("Bound"), .s("ns/data"),
                                .s("beta"), .s("<unset>"), .s(""), .s("90s"), .s("<unset>")])
        var deleting = pv
        deleting.metadata.deletionTimestamp = F.ago(1)
        #expect(F.cells(deleting)[4] == .s("Terminating"))
    }

    @Test func persistentVolumeClaimShowsCapacityOnlyOnceBound() {
        var pvc = PersistentVolumeClaim(
            metadata: F.meta("data"),
            spec: PersistentVolumeClaimSpec(accessModes: ["ReadWriteOnce"], storageClassName: "fast", volumeMode: "Filesystem"),
            status: PersistentVolumeClaimStatus(phase: "Pending", accessModes: ["ReadWriteOnce"], capacity: ["storage": "1Gi"]))
        #expect(F.cells(pvc) == [.s("data"), .s("Pending"), .s(""), .s(""), .s(""), .s("fast"), .s("<unset>"),
                                 .s("<unknown>"), .s("Filesystem")])
        pvc.spec?.volumeName = "pv1"
        pvc.status?.phase = "Bound"
        #expect(Array(F.cells(pvc)[1...4]) == [.s("Bound"), .s("pv1"), .s("1Gi"), .s("RWO")])
    }

    /// printers_test.go TestPrintEvent: wide cells included, count defaults to 1, series wins.
    @Test func eventPrintsLastSeenTypeReasonObjectAndMessage() {
        let event = Event(metadata: F.meta("web.17a"),
                          involvedObject: ObjectReference(kind: "Pod", name: "web", fieldPath: "spec.containers{app}"),
                          reason: "BackOff", message: "  Back-off restarting failed container\n",
                          source: EventSource(component: "kubelet", host: "node1"),
                          firstTimestamp: F.ago(3 * F.day), lastTimestamp: F.ago(30), type: "Warning")
        #expect(F.cells(event) == [.s("30s"), .s("Warning"), .s("BackOff"), .s("pod/web"), .s("spec.containers{app}"),
                                   .s("kubelet, node1"), .s("Back-off restarting failed container"), .s("3d"),
                                   .integer(1), .s("web.17a")])
    }

    @Test func eventFallsBackToEventTimeSeriesAndReportingController() {
        let event = Event(metadata: F.meta("e"), involvedObject: ObjectReference(kind: "Node"),
                          eventTime: MicroTime(F.ago(600)),
                          series: EventSeries(count: 7, lastObservedTime: MicroTime(F.ago(20))),
                          reportingComponent: "scheduler")
        let cells = F.cells(event)
        #expect(cells[0] == .s("20s"))
        #expect(cells[3] == .s("node"))
        #expect(cells[5] == .s("scheduler"))
        #expect(cells[7] == .s("10m"))
        #expect(cells[8] == .integer(7))
    }
}
