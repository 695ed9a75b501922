import Foundation
import Resources
import Testing
@testable import APIServer

/// A node and the STATUS and ROLES cells upstream prints for it.
struct NodeTableCase: Sendable, CustomTestStringConvertible {
    let label: String
    let node: Node
    let status: String
    let roles: String
    var testDescription: String { label }
}

private func node(ready: String? = nil, unschedulable: Bool? = nil, labels: [String: String]? = nil) -> Node {
    Node(metadata: TableFixtures.meta("node1", labels: labels),
         spec: NodeSpec(unschedulable: unschedulable),
         status: NodeStatus(conditions: ready.map { [NodeCondition(type: "Ready", status: $0)] } ?? []))
}

@Suite struct NodeTablePrinterTests {
    /// printers_test.go TestPrintNodeStatus and TestPrintNodeRole.
    static let cases: [NodeTableCase] = [
        NodeTableCase(label: "ready", node: node(ready: "True"), status: "Ready", roles: "<none>"),
        NodeTableCase(label: "ready and cordoned", node: node(ready: "True", unschedulable: true),
                 status: "Ready,SchedulingDisabled", roles: "<none>"),
        NodeTableCase(label: "not ready", node: node(ready: "False"), status: "NotReady", roles: "<none>"),
        NodeTableCase(label: "ready unknown", node: node(ready: "Unknown"), status: "NotReady", roles: "<none>"),
        NodeTableCase(label: "no conditions", node: node(), status: "Unknown", roles: "<none>"),
        NodeTableCase(label: "no conditions, cordoned", node: node(unschedulable: true),
                 status: "Unknown,SchedulingDisabled", roles: "<none>"),
        NodeTableCase(label: "role labels", node: node(ready: "True", labels: [
            "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/control-plane": "true"]),
                 status: "Ready", roles: "control-plane,worker"),
        NodeTableCase(label: "kubernetes.io/role label", node: node(ready: "True", labels: [
            "kubernetes.io/role": "nodeRole", "node-role.kubernetes.io/nodeRole": "", "other": "x"]),
                 status: "Ready", roles: "nodeRole"),
        NodeTableCase(label: "empty role suffix ignored", node: node(ready: "True", labels: [
            "node-role.kubernetes.io/": "", "kubernetes.io/role": ""]),
                 status: "Ready", roles: "<none>"),
    ]

    @Test(arguments: cases)
    func nodeStatusAndRolesMatchUpstream(_ c: NodeTableCase) {
        let cells = TableFixtures.cells(c.node)
        #expect(cells[1] == .s(c.status))
        #expect(cells[2] == .s(c.roles))
    }

    @Test func nodeVersionAndWideColumnsComeFromNodeInfoAndAddresses() {
        var n = node(ready: "True")
        n.metadata.creationTimestamp = TableFixtures.ago(50 * TableFixtures.hour)
        n.status?.addresses = [NodeAddress(type: "Hostname", address: "node1"),
                               NodeAddress(type: "InternalIP", address: "10.0.0.5"),
                               NodeAddress(type: "ExternalIP", address: "1.2.3.4")]
        n.status?.nodeInfo = NodeSystemInfo(kernelVersion: "6.8.0", osImage: "Ubuntu 24.04",
                                            containerRuntimeVersion: "containerd://2.0.0", kubeletVersion: "v1.32.0")
        #expect(TableFixtures.cells(n) == [.s("node1"), .s("Ready"), .s("<none>"), .s("2d2h"), .s("v1.32.0"),
                                           .s("10.0.0.5"), .s("1.2.3.4"), .s("Ubuntu 24.04"), .s("6.8.0"), .s("containerd://2.0.0")])
    }

    /// printers_test.go TestPrintNodeOSImage / KernelVersion / ContainerRuntimeVersion /
    /// ExternalIP / InternalIP: missing values print `<unknown>` or `<none>`.
    @Test func nodeWithoutInfoPrintsPlaceholders() {
        #expect(Array(TableFixtures.cells(node())[4...]) == [.s(""), .s("<none>"), .s("<none>"),
                                                             .s("<unknown>"), .s("<unknown>"), .s("<unknown>")])
    }
}
