import Foundation
import Resources

/// Nodes: `NAME STATUS ROLES AGE VERSION`, wide `INTERNAL-IP EXTERNAL-IP OS-IMAGE
/// KERNEL-VERSION CONTAINER-RUNTIME` (upstream `printNode`).
///
/// STATUS is `Ready` / `NotReady` from the Ready condition (`Unknown` without one), plus
/// `,SchedulingDisabled` when cordoned. ROLES come from `node-role.kubernetes.io/<role>` label
/// keys and the `kubernetes.io/role` label value, sorted, `<none>` without any.
enum NodeTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Status", "The status of the node"),
        TableColumn("Roles", "The roles of the node"),
        .age,
        TableColumn("Version", "Kubelet Version reported by the node."),
        .wide("Internal-IP", "List of addresses reachable to the node."),
        .wide("External-IP", "List of addresses reachable to the node."),
        .wide("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
        .wide("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
        .wide("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."),
    ]

    static let roleLabelPrefix = "node-role.kubernetes.io/"
    static let roleLabel = "kubernetes.io/role"

    static func row(for node: Node, now: Date) -> TableRow {
        var status: [String] = []
        if let ready = node.status?.conditions.last(where: { $0.type == "Ready" }) {
            status.append(ready.status == "True" ? "Ready" : "NotReady")
        } else {
            status.append("Unknown")
        }
        if node.spec?.unschedulable == true { status.append("SchedulingDisabled") }

        let roles = self.roles(of: node)
        let info = node.status?.nodeInfo ?? NodeSystemInfo()
        return TableRow(cells: [
            .string(node.name),
            .string(status.joined(separator: ",")),
            .string(roles.isEmpty ? TableCellFormat.none : roles.joined(separator: ",")),
            .string(TableCellFormat.age(since: node.metadata.creationTimestamp, now: now)),
            .string(info.kubeletVersion),
            .string(address(of: node, type: "InternalIP")),
            .string(address(of: node, type: "ExternalIP")),
            .string(info.osImage.isEmpty ? TableCellFormat.unknown : info.osImage),
            .string(info.kernelVersion.isEmpty ? TableCellFormat.unknown : info.kernelVersion),
            .string(info.containerRuntimeVersion.isEmpty ? TableCellFormat.unknown : info.containerRuntimeVersion),
        ])
    }

    /// `findNodeRoles`: sorted, without duplicates.
    static func roles(of node: Node) -> [String] {
        var roles: Set<String> = []
        for (key, value) in node.metadata.labels ?? [:] {
            if key.hasPrefix(roleLabelPrefix) {
                let role = String(key.dropFirst(roleLabelPrefix.count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == roleLabel && !value.isEmpty {
                roles.insert(value)
            }
        }
        return roles.sorted()
    }

    /// The first address of `type`, or `<none>`.
    private static func address(of node: Node, type: String) -> String {
        node.status?.addresses.first { $0.type == type }?.address ?? TableCellFormat.none
    }
}
