import Testing
@testable import Resources

@Suite struct CoordinationSchedulingRoundTripTests {
    @Test func leaseKeepsMicrosecondTimesAndHolder() throws {
        let text = #"""
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease",
         "metadata":{"name":"kube-scheduler","namespace":"kube-system","resourceVersion":"812"},
         "spec":{"holderIdentity":"node-1_3f2a","leaseDurationSeconds":15,
                 "acquireTime":"2024-05-01T12:00:00.123456Z","renewTime":"2024-05-01T12:00:10.500000Z",
                 "leaseTransitions":3,"strategy":"OldestEmulationVersion","preferredHolder":"node-2"}}
        """#
        let lease = try JSONValue.parse(text).decode(Lease.self)
        let spec = try #require(lease.spec)
        #expect(spec.holderIdentity == "node-1_3f2a")
        #expect(spec.leaseDurationSeconds == 15)
        #expect(spec.leaseTransitions == 3)
        #expect(spec.preferredHolder == "node-2")
        #expect(spec.renewTime?.time == Time(rfc3339: "2024-05-01T12:00:10.5Z"))
        #expect(spec.acquireTime?.description == "2024-05-01T12:00:00.123456Z")
        #expect(try JSONValue(encoding: lease) == JSONValue.parse(text))
    }

    @Test func leaseIsNamespacedInTheCoordinationGroup() {
        #expect(Lease.resourceType.apiVersion == "coordination.k8s.io/v1")
        #expect(Lease.resourceType.plural == "leases")
        #expect(Lease.resourceType.namespaced)
        #expect(Lease().apiVersion == Lease.resourceType.apiVersion)
    }

    @Test func priorityClassFieldsSitAtTheTopLevel() throws {
        let text = #"""
        {"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"high"},
         "value":1000000,"globalDefault":false,"description":"Critical workloads.",
         "preemptionPolicy":"Never","futureField":{"x":1}}
        """#
        let pc = try JSONValue.parse(text).decode(PriorityClass.self)
        #expect(pc.value == 1_000_000)
        #expect(pc.globalDefault == false)
        #expect(pc.description == "Critical workloads.")
        #expect(pc.preemptionPolicy == "Never")
        #expect(pc.unknownFields["futureField"] == ["x": 1])
        #expect(try JSONValue(encoding: pc) == JSONValue.parse(text))
    }

    @Test func priorityClassIsClusterScoped() {
        #expect(!PriorityClass.resourceType.namespaced)
        #expect(PriorityClass.resourceType.plural == "priorityclasses")
    }

    @Test func controllerRevisionKeepsItsDataAsRawJSON() throws {
        let text = #"""
        {"apiVersion":"apps/v1","kind":"ControllerRevision",
         "metadata":{"name":"web-7d9f8b","namespace":"default"},
         "data":{"spec":{"template":{"$patch":"replace","spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}},
         "revision":4}
        """#
        let rev = try JSONValue.parse(text).decode(ControllerRevision.self)
        #expect(rev.revision == 4)
        #expect(rev.data?["spec"]?["template"]?["$patch"] == "replace")
        #expect(try JSONValue(encoding: rev) == JSONValue.parse(text))
    }
}
