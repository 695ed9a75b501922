import Foundation
import Resources

/// Leases: `NAME HOLDER AGE` (upstream `printLease`).
enum LeaseTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Holder", "holderIdentity contains the identity of the holder of a current lease."),
        .age,
    ]

    static func row(for lease: Lease, now: Date) -> TableRow {
        TableRow(cells: [
            .string(lease.name),
            .string(lease.spec?.holderIdentity ?? ""),
            .string(TableCellFormat.age(since: lease.metadata.creationTimestamp, now: now)),
        ])
    }
}
