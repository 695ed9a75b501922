/// core/v1 Endpoints: the addresses and ports that currently back a service, grouped in subsets.
@APIObject(.core)
public struct Endpoints: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Endpoints", plural: "endpoints", namespaced: true)

    public var apiVersion: String = "v1"
    public var kind: String = "Endpoints"
    public var metadata: ObjectMeta = ObjectMeta()
    @ListType("atomic")
    public var subsets: [EndpointSubset] = []
}

/// core/v1 EndpointSubset: addresses that all expose the same ports.
@APIObject(.core)
public struct EndpointSubset {
    @ListType("atomic")
    public var addresses: [EndpointAddress] = []
    @ListType("atomic")
    public var notReadyAddresses: [EndpointAddress] = []
    @ListType("atomic")
    public var ports: [EndpointPort] = []
}

/// core/v1 EndpointAddress: one backend address, usually a pod.
@APIObject(.core)
public struct EndpointAddress {
    public var ip: String = ""
    public var hostname: String?
    public var nodeName: String?
    public var targetRef: ObjectReference?
}

/// core/v1 EndpointPort: one port of an endpoint subset.
@APIObject(.core)
public struct EndpointPort {
    public var name: String?
    public var port: Int32 = 0
    public var `protocol`: String?
    public var appProtocol: String?
}
