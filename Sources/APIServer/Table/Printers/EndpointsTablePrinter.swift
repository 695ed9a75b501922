import Foundation
import Resources

/// Endpoints: `NAME ENDPOINTS AGE` (upstream `printEndpoints`).
///
/// ENDPOINTS lists ready addresses as `ip:port` for every port of their subset (bare `ip` for
/// a subset without ports), the first three and then `+ N more...`; `<none>` without subsets.
enum EndpointsTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Endpoints", "The set of all endpoints is the union of all subsets."),
        .age,
    ]

    static func row(for endpoints: Endpoints, now: Date) -> TableRow {
        TableRow(cells: [
            .string(endpoints.name),
            .string(formatEndpoints(endpoints.subsets)),
            .string(TableCellFormat.age(since: endpoints.metadata.creationTimestamp, now: now)),
        ])
    }

    /// `formatEndpoints(endpoints, nil)`.
    static func formatEndpoints(_ subsets: [EndpointSubset]) -> String {
        if subsets.isEmpty { return TableCellFormat.none }
        let max = 3
        var list: [String] = []
        var more = false
        var count = 0
        for subset in subsets {
            if subset.ports.isEmpty {
                // Headless services may have no ports.
                count += subset.addresses.count
                for address in subset.addresses {
                    if list.count == max { more = true; break }
                    list.append(address.ip)
                }
                continue
            }
            for port in subset.ports {
                count += subset.addresses.count
                for address in subset.addresses {
                    if list.count == max { more = true; break }
                    list.append(TableCellFormat.hostPort(address.ip, port.port))
                }
            }
        }
        let joined = list.joined(separator: ",")
        return more ? "\(joined) + \(count - max) more..." : joined
    }
}
