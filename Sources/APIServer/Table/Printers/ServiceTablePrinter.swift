import Foundation
import Resources

/// Services: `NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE`, wide `SELECTOR` (upstream
/// `printService`).
///
/// EXTERNAL-IP depends on the type: external IPs (or `<none>`) for ClusterIP and NodePort; the
/// load balancer's ingress IPs/hostnames followed by external IPs, or `<pending>`, for
/// LoadBalancer; the external name for ExternalName. Server-side tables are always wide, so the
/// load balancer list is never clipped. PORT(S) is `port[:nodePort]/protocol`, comma-joined.
enum ServiceTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Type", "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer."),
        TableColumn("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned randomly."),
        TableColumn("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
        TableColumn("Port(s)", "The list of ports that are exposed by this service."),
        .age,
        .wide("Selector", "Route service traffic to pods with label keys and values matching this selector."),
    ]

    static func row(for service: Service, now: Date) -> TableRow {
        let spec = service.spec ?? ServiceSpec()
        let clusterIP = spec.clusterIPs.first ?? nonEmpty(spec.clusterIP) ?? TableCellFormat.none
        let ports = spec.ports.map { port in
            let proto = port.protocol ?? "TCP"
            if let nodePort = port.nodePort, nodePort > 0 { return "\(port.port):\(nodePort)/\(proto)" }
            return "\(port.port)/\(proto)"
        }.joined(separator: ",")
        return TableRow(cells: [
            .string(service.name),
            .string(spec.type ?? ""),
            .string(clusterIP),
            .string(externalIP(of: service)),
            .string(ports.isEmpty ? TableCellFormat.none : ports),
            .string(TableCellFormat.age(since: service.metadata.creationTimestamp, now: now)),
            .string(TableCellFormat.labels(spec.selector)),
        ])
    }

    /// `getServiceExternalIP` with `wide` set.
    static func externalIP(of service: Service) -> String {
        let spec = service.spec ?? ServiceSpec()
        switch spec.type {
        case "ClusterIP", "NodePort":
            return spec.externalIPs.isEmpty ? TableCellFormat.none : spec.externalIPs.joined(separator: ",")
        case "LoadBalancer":
            let ingress = service.status?.loadBalancer?.ingress ?? []
            let loadBalancerIPs = Set(ingress.compactMap { nonEmpty($0.ip) ?? nonEmpty($0.hostname) }).sorted()
            let all = loadBalancerIPs + spec.externalIPs
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case "ExternalName":
            return spec.externalName ?? ""
        default:
            return TableCellFormat.unknown
        }
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
