import Resources

/// Which addresses and ports back a Service, with Kubernetes' semantics: the pods in its
/// namespace that match its selector and have an IP; ready ones as addresses, the rest as
/// not-ready (all as ready with `publishNotReadyAddresses`); terminated pods left out, and
/// terminating ones too unless not-ready addresses are published. Each service port resolves
/// its `targetPort` per pod (a number, a named container port, or the service port itself); a
/// pod that lacks a named port is left out of that port. Pure: the reconciler writes the result.
enum EndpointsPlanner {
    /// One pod's address for one set of resolved ports.
    struct Backend: Hashable, Sendable {
        var ip: String
        var ready: Bool
        var terminating: Bool
        var nodeName: String?
        var hostname: String?
        var pod: ObjectReference
        var ports: [EndpointPort]
    }

    static let serviceNameLabel = "kubernetes.io/service-name"
    static let managedByLabel = "endpointslice.kubernetes.io/managed-by"
    static let managedBy = "endpointslice-controller.k8s.io"

    /// The backends of `service` among `pods` (any namespace; only its own count), ordered by IP.
    static func backends(of service: Service, pods: [Pod]) -> [Backend] {
        guard let spec = service.spec, !spec.selector.isEmpty else { return [] }
        let selector = Selector(matching: spec.selector)
        let publishNotReady = spec.publishNotReadyAddresses ?? false
        var result: [Backend] = []
        for pod in pods where pod.metadata.namespace == service.metadata.namespace {
            guard selector.matches(pod.metadata.labels ?? [:]), let ip = pod.status?.podIP, !ip.isEmpty else { continue }
            let phase = pod.status?.phase
            if phase == "Succeeded" || phase == "Failed" { continue }
            let terminating = pod.metadata.deletionTimestamp != nil
            if terminating, !publishNotReady { continue }
            let ports = spec.ports.compactMap { resolve($0, on: pod) }
            if !spec.ports.isEmpty, ports.isEmpty { continue }
            var hostname: String?
            if let podHostname = pod.spec?.hostname, !podHostname.isEmpty, pod.spec?.subdomain == service.name {
                hostname = podHostname
            }
            var reference = ObjectReference()
            reference.kind = "Pod"
            reference.namespace = pod.metadata.namespace
            reference.name = pod.name
            reference.uid = pod.metadata.uid
            result.append(Backend(ip: ip, ready: publishNotReady || (isReady(pod) && !terminating), terminating: terminating,
                                  nodeName: pod.spec?.nodeName, hostname: hostname, pod: reference, ports: ports))
        }
        return result.sorted { ($0.ip, $0.pod.name ?? "") < ($1.ip, $1.pod.name ?? "") }
    }

    /// The Endpoints subsets: backends grouped by identical port lists.
    static func subsets(_ backends: [Backend]) -> [EndpointSubset] {
        var groups: [[EndpointPort]: EndpointSubset] = [:]
        var order: [[EndpointPort]] = []
        for backend in backends {
            if groups[backend.ports] == nil {
                var subset = EndpointSubset()
                subset.ports = backend.ports
                groups[backend.ports] = subset
                order.append(backend.ports)
            }
            var address = EndpointAddress()
            address.ip = backend.ip
            address.nodeName = backend.nodeName
            address.hostname = backend.hostname
            address.targetRef = backend.pod
            if backend.ready {
                groups[backend.ports]?.addresses.append(address)
            } else {
                groups[backend.ports]?.notReadyAddresses.append(address)
            }
        }
        return order.compactMap { groups[$0] }
    }

    /// The EndpointSlice contents: one (ports, endpoints) pair per distinct port list.
    static func slices(_ backends: [Backend]) -> [(ports: [EndpointSlicePort], endpoints: [Endpoint])] {
        var groups: [[EndpointPort]: [Endpoint]] = [:]
        var order: [[EndpointPort]] = []
        for backend in backends {
            if groups[backend.ports] == nil { order.append(backend.ports) }
            var endpoint = Endpoint()
            endpoint.addresses = [backend.ip]
            var conditions = EndpointConditions()
            conditions.ready = backend.ready && !backend.terminating
            conditions.serving = backend.ready
            conditions.terminating = backend.terminating
            endpoint.conditions = conditions
            endpoint.nodeName = backend.nodeName
            endpoint.hostname = backend.hostname
            endpoint.targetRef = backend.pod
            groups[backend.ports, default: []].append(endpoint)
        }
        return order.map { ports in
            (ports.map { port in
                var slicePort = EndpointSlicePort()
                slicePort.name = port.name ?? ""
                slicePort.port = port.port
                slicePort.protocol = port.protocol
                slicePort.appProtocol = port.appProtocol
                return slicePort
            }, groups[ports] ?? [])
        }
    }

    /// The endpoint port `servicePort` maps to on `pod`, or nil when a named target port is
    /// not among the pod's container ports.
    static func resolve(_ servicePort: ServicePort, on pod: Pod) -> EndpointPort? {
        let proto = servicePort.protocol ?? "TCP"
        var number: Int32
        switch servicePort.targetPort {
        case .int(let value)?:
            number = value
        case .string(let name)?:
            if let value = Int32(name) {
                number = value
            } else {
                let ports = (pod.spec?.containers ?? []).flatMap(\.ports)
                guard let match = ports.first(where: { $0.name == name && ($0.protocol ?? "TCP") == proto }) else { return nil }
                number = match.containerPort
            }
        case nil:
            number = servicePort.port
        }
        if number == 0 { number = servicePort.port }
        var port = EndpointPort()
        port.name = servicePort.name
        port.port = number
        port.protocol = proto
        port.appProtocol = servicePort.appProtocol
        return port
    }

    /// Whether the pod's Ready condition is True.
    static func isReady(_ pod: Pod) -> Bool {
        pod.status?.conditions.contains { $0.type == "Ready" && $0.status == "True" } ?? false
    }
}
