@testable import Controllers
import Resources
import Testing

/// Which pods back a Service, and on which ports.
@Suite struct EndpointsPlannerTests {
    static func service(selector: [String: String] = ["app": "web"], ports: [(String?, Int32, IntOrString?)] = [("http", 80, 8080)],
                        publishNotReady: Bool? = nil) -> Service {
        var service = Service()
        service.metadata.name = "web"
        service.metadata.namespace = "default"
        var spec = ServiceSpec()
        spec.selector = selector
        spec.ports = ports.map { name, port, target in
            var servicePort = ServicePort()
            servicePort.name = name
            servicePort.port = port
            servicePort.targetPort = target
            return servicePort
        }
        spec.publishNotReadyAddresses = publishNotReady
        service.spec = spec
        return service
    }

    static func pod(_ name: String, ip: String?, ready: Bool = true, labels: [String: String] = ["app": "web"], namespace: String = "default",
                    phase: String = "Running", terminating: Bool = false, containerPorts: [(String, Int32)] = []) -> Pod {
        var pod = Pod()
        pod.metadata.name = name
        pod.metadata.namespace = namespace
        pod.metadata.uid = "uid-\(name)"
        pod.metadata.labels = labels
        if terminating { pod.metadata.deletionTimestamp = Time(secondsSince1970: 1) }
        var spec = PodSpec()
        var container = Container()
        container.name = "app"
        container.ports = containerPorts.map { name, number in
            var port = ContainerPort()
            port.name = name
            port.containerPort = number
            return port
        }
        spec.containers = [container]
        spec.nodeName = "node-1"
        pod.spec = spec
        var status = PodStatus()
        status.podIP = ip
        status.phase = phase
        var condition = PodCondition()
        condition.type = "Ready"
        condition.status = ready ? "True" : "False"
        status.conditions = [condition]
        pod.status = status
        return pod
    }

    @Test func readyAndNotReadyPodsAreSplitAndOthersLeftOut() {
        let pods = [
            Self.pod("a", ip: "10.42.0.2"), Self.pod("b", ip: "10.42.0.3", ready: false),
            Self.pod("no-ip", ip: nil), Self.pod("other", ip: "10.42.0.4", labels: ["app": "db"]),
            Self.pod("elsewhere", ip: "10.42.0.5", namespace: "prod"), Self.pod("done", ip: "10.42.0.6", phase: "Succeeded"),
            Self.pod("leaving", ip: "10.42.0.7", terminating: true),
        ]
        let subsets = EndpointsPlanner.subsets(EndpointsPlanner.backends(of: Self.service(), pods: pods))
        #expect(subsets.count == 1)
        #expect(subsets.first?.addresses.map(\.ip) == ["10.42.0.2"])
        #expect(subsets.first?.notReadyAddresses.map(\.ip) == ["10.42.0.3"])
        #expect(subsets.first?.ports.map(\.port) == [8080])
        #expect(subsets.first?.addresses.first?.targetRef?.name == "a")
    }

    @Test func namedTargetPortResolvesPerPodAndPodsWithoutItAreLeftOut() {
        let service = Self.service(ports: [("http", 80, "web")])
        let pods = [
            Self.pod("a", ip: "10.42.0.2", containerPorts: [("web", 8080)]),
            Self.pod("b", ip: "10.42.0.3", containerPorts: [("web", 9090)]),
            Self.pod("c", ip: "10.42.0.4", containerPorts: [("metrics", 9100)]),
        ]
        let subsets = EndpointsPlanner.subsets(EndpointsPlanner.backends(of: service, pods: pods))
        #expect(subsets.map { $0.ports.map(\.port) } == [[8080], [9090]])
        #expect(subsets.map { $0.addresses.map(\.ip) } == [["10.42.0.2"], ["10.42.0.3"]])
    }

    @Test func missingTargetPortMeansTheServicePort() {
        let service = Self.service(ports: [(nil, 5432, nil)])
        let subsets = EndpointsPlanner.subsets(EndpointsPlanner.backends(of: service, pods: [Self.pod("a", ip: "10.42.0.2")]))
        #expect(subsets.first?.ports.first?.port == 5432)
        #expect(subsets.first?.ports.first?.protocol == "TCP")
    }

    @Test func publishNotReadyAddressesListsEveryPodAsReady() {
        let service = Self.service(publishNotReady: true)
        let pods = [Self.pod("a", ip: "10.42.0.2", ready: false), Self.pod("b", ip: "10.42.0.3", terminating: true)]
        let subsets = EndpointsPlanner.subsets(EndpointsPlanner.backends(of: service, pods: pods))
        #expect(subsets.first?.addresses.map(\.ip) == ["10.42.0.2", "10.42.0.3"])
        #expect(subsets.first?.notReadyAddresses.isEmpty == true)
    }

    @Test func serviceWithoutSelectorHasNoManagedBackends() {
        let service = Self.service(selector: [:])
        #expect(EndpointsPlanner.backends(of: service, pods: [Self.pod("a", ip: "10.42.0.2")]).isEmpty)
    }

    @Test func slicesCarryReadinessAndServingConditions() {
        let pods = [Self.pod("a", ip: "10.42.0.2"), Self.pod("b", ip: "10.42.0.3", ready: false)]
        let slices = EndpointsPlanner.slices(EndpointsPlanner.backends(of: Self.service(), pods: pods))
        #expect(slices.count == 1)
        #expect(slices.first?.ports.first?.port == 8080)
        #expect(slices.first?.ports.first?.name == "http")
        #expect(slices.first?.endpoints.map { $0.conditions?.ready } == [true, false])
        #expect(slices.first?.endpoints.first?.nodeName == "node-1")
    }
}
