import Foundation
import Resources

/// EndpointSlices: `NAME ADDRESSTYPE PORTS ENDPOINTS AGE` (upstream `printEndpointSlice`).
///
/// PORTS and ENDPOINTS list the first three entries and `+ N more...`, `<unset>` when empty; a
/// port without a number prints its name, or `*`.
enum EndpointSliceTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("AddressType", "addressType specifies the type of address carried by this EndpointSlice."),
        TableColumn("Ports", "ports specifies the list of network ports exposed by each endpoint in this slice."),
        TableColumn("Endpoints", "endpoints is a list of unique endpoints in this slice."),
        .age,
    ]

    static let maxListed = 3

    static func row(for slice: EndpointSlice, now: Date) -> TableRow {
        TableRow(cells: [
            .string(slice.name),
            .string(slice.addressType ?? ""),
            .string(formatPorts(slice.ports)),
            .string(formatEndpoints(slice.endpoints)),
            .string(TableCellFormat.age(since: slice.metadata.creationTimestamp, now: now)),
        ])
    }

    /// `formatDiscoveryPorts`.
    static func formatPorts(_ ports: [EndpointSlicePort]) -> String {
        let names = ports.map { port in port.port.map(String.init) ?? port.name ?? "*" }
        return TableCellFormat.listWithMore(Array(names.prefix(maxListed)), more: names.count > maxListed,
                                            count: names.count, max: maxListed)
    }

    /// `formatDiscoveryEndpoints`: every address of every endpoint.
    static func formatEndpoints(_ endpoints: [Endpoint]) -> String {
        let addresses = endpoints.flatMap(\.addresses)
        return TableCellFormat.listWithMore(Array(addresses.prefix(maxListed)), more: addresses.count > maxListed,
                                            count: addresses.count, max: maxListed)
    }
}
