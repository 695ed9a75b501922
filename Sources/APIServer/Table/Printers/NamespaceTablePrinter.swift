import Foundation
import Resources

/// Namespaces: `NAME STATUS AGE`, STATUS being the phase (upstream `printNamespace`).
enum NamespaceTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Status", "The status of the namespace"),
        .age,
    ]

    static func row(for namespace: Namespace, now: Date) -> TableRow {
        TableRow(cells: [
            .string(namespace.name),
            .string(namespace.status?.phase ?? ""),
            .string(TableCellFormat.age(since: namespace.metadata.creationTimestamp, now: now)),
        ])
    }
}
