import Foundation
import Resources
import Testing
@testable import APIServer

/// Leases, EndpointSlices and PriorityClasses.
@Suite struct ClusterTablePrintersTests {
    typealias F = TableFixtures

    @Test func leaseShowsHolder() {
        #expect(F.cells(Lease(metadata: F.meta("kube-scheduler"), spec: LeaseSpec(holderIdentity: "node1_abc"))) ==
                [.s("kube-scheduler"), .s("node1_abc"), .s("<unknown>")])
        #expect(F.cells(Lease(metadata: F.meta("free")))[1] == .s(""))
    }

    /// printers_test.go TestPrintEndpointSlice.
    @Test func endpointSliceListsPortsAndAddressesWithMore() {
        let slice = EndpointSlice(
            metadata: F.meta("abcslice.123", created: F.ago(10 * F.year)), addressType: "IPv4",
            endpoints: [Endpoint(addresses: ["10.1.2.3", "2001:db8::1234:5678"]), Endpoint(addresses: ["10.2.3.4"]),
                        Endpoint(addresses: ["10.3.4.5"])],
            ports: [EndpointSlicePort(name: "http", port: 80), EndpointSlicePort(name: "https"),
                    EndpointSlicePort(), EndpointSlicePort(port: 8443)])
        #expect(F.cells(slice) == [.s("abcslice.123"), .s("IPv4"), .s("80,https,* + 1 more..."),
                                   .s("10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more..."), .s("10y")])
        #expect(Array(F.cells(EndpointSlice(metadata: F.meta("empty"), addressType: "IPv6"))[2...3]) == [.s("<unset>"), .s("<unset>")])
    }

    /// printers_test.go TestPrintPriorityClass.
    @Test func priorityClassShowsValueGlobalDefaultAndPreemptionPolicy() {
        let pc = PriorityClass(metadata: F.meta("pc1", created: F.ago(10 * F.year)), value: 1,
                               globalDefault: true, preemptionPolicy: "PreemptLowerPriority")
        #expect(F.cells(pc) == [.s("pc1"), .integer(1), .bool(true), .s("10y"), .s("PreemptLowerPriority")])
        #expect(F.cells(PriorityClass(metadata: F.meta("pc2"), value: 1000000000)) ==
                [.s("pc2"), .integer(1000000000), .bool(false), .s("<unknown>"), .s("")])
    }
}
