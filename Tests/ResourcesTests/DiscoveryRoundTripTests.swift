import Testing
@testable import Resources

@Suite struct DiscoveryRoundTripTests {
    static let sliceText = #"""
    {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
     "metadata":{"name":"web-abc12","namespace":"shop",
                 "labels":{"kubernetes.io/service-name":"web","endpointslice.kubernetes.io/managed-by":"endpointslice-controller.k8s.io"}},
     "addressType":"IPv4",
     "endpoints":[
       {"addresses":["10.42.0.7"],"conditions":{"ready":true,"serving":true,"terminating":false},
        "hostname":"web-0","nodeName":"node-a","zone":"zone-1",
        "targetRef":{"kind":"Pod","name":"web-0","namespace":"shop","uid":"p-1"},
        "hints":{"forZones":[{"name":"zone-1"}],"forNodes":[{"name":"node-a"}]}},
       {"addresses":["10.42.1.9"],"conditions":{"ready":false,"serving":true,"terminating":true},
        "deprecatedTopology":{"topology.kubernetes.io/region":"eu"}}],
     "ports":[{"name":"http","protocol":"TCP","port":8080,"appProtocol":"http"},{"name":"metrics","port":9090}]}
    """#

    @Test func endpointSliceFieldsSitAtTheTopLevelAndRoundTrip() throws {
        let slice = try JSONValue.parse(Self.sliceText).decode(EndpointSlice.self)
        #expect(slice.addressType == "IPv4")
        #expect(slice.endpoints.count == 2)
        let first = slice.endpoints[0]
        #expect(first.addresses == ["10.42.0.7"])
        #expect(first.conditions == EndpointConditions(ready: true, serving: true, terminating: false))
        #expect(first.targetRef?.name == "web-0")
        #expect(first.nodeName == "node-a")
        #expect(first.zone == "zone-1")
        #expect(first.hints?.forZones.map(\.name) == ["zone-1"])
        #expect(first.hints?.forNodes.map(\.name) == ["node-a"])
        #expect(slice.endpoints[1].conditions?.terminating == true)
        #expect(slice.endpoints[1].deprecatedTopology == ["topology.kubernetes.io/region": "eu"])
        #expect(slice.ports.map(\.port) == [8080, 9090])
        #expect(slice.ports[0].protocol == "TCP")
        #expect(slice.ports[0].appProtocol == "http")
        #expect(slice.ports[1].protocol == nil)
        #expect(slice.unknownFields.isEmpty)
        #expect(try JSONValue(encoding: slice) == JSONValue.parse(Self.sliceText))
    }

    @Test func endpointSliceIsNamespacedInTheDiscoveryGroup() {
        #expect(EndpointSlice.resourceType.apiVersion == "discovery.k8s.io/v1")
        #expect(EndpointSlice.resourceType.plural == "endpointslices")
        #expect(EndpointSlice().apiVersion == EndpointSlice.resourceType.apiVersion)
    }
}
