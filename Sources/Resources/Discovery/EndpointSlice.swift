/// discovery.k8s.io/v1 EndpointSlice: a subset of the endpoints backing a service, with the
/// ports they serve. It has no spec: `addressType`, `endpoints` and `ports` sit beside metadata.
@APIObject(.discovery)
public struct EndpointSlice: APIResource {
    public static let resourceType = ResourceType(
        group: "discovery.k8s.io", version: "v1", kind: "EndpointSlice", plural: "endpointslices", namespaced: true)

    public var apiVersion: String = "discovery.k8s.io/v1"
    public var kind: String = "EndpointSlice"
    public var metadata: ObjectMeta = ObjectMeta()
    /// `IPv4`, `IPv6` or `FQDN`; immutable.
    public var addressType: String?
    @ListType("atomic")
    public var endpoints: [Endpoint] = []
    @ListType("atomic")
    public var ports: [EndpointSlicePort] = []
}

/// discoveryv1.Endpoint: one backend of an `EndpointSlice`, usually a pod.
@APIObject(.discovery)
public struct Endpoint {
    @ListType("set")
    public var addresses: [String] = []
    public var conditions: EndpointConditions?
    public var hostname: String?
    public var targetRef: ObjectReference?
    public var deprecatedTopology: [String: String] = [:]
    public var nodeName: String?
    public var zone: String?
    public var hints: EndpointHints?
}

/// discoveryv1.EndpointConditions: whether an endpoint is ready, serving, or terminating.
@APIObject(.discovery)
public struct EndpointConditions {
    public var ready: Bool?
    public var serving: Bool?
    public var terminating: Bool?
}

/// discoveryv1.EndpointHints: topology-aware routing hints for an endpoint.
@APIObject(.discovery)
public struct EndpointHints {
    @ListType("atomic")
    public var forZones: [ForZone] = []
    public var forNodes: [ForNode] = []
}

/// discoveryv1.ForZone: a zone an endpoint should serve.
@APIObject(.discovery)
public struct ForZone {
    public var name: String?
}

/// discoveryv1.ForNode: a node an endpoint should serve.
@APIObject(.discovery)
public struct ForNode {
    public var name: String?
}

/// discoveryv1.EndpointPort: a port every endpoint of an `EndpointSlice` serves. Named apart
/// from core/v1's `EndpointPort`, which shares this module.
@APIObject(.discovery, name: "EndpointPort")
public struct EndpointSlicePort {
    public var name: String?
    public var `protocol`: String?
    public var port: Int32?
    public var appProtocol: String?
}
