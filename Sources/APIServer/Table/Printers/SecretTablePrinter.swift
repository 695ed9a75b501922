import Foundation
import Resources

/// Secrets: `NAME TYPE DATA AGE` (upstream `printSecret`).
///
/// DATA counts the keys of `data` and `stringData` together: upstream prints the internal
/// object, into which conversion has already merged `stringData`.
enum SecretTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Type", "Used to facilitate programmatic handling of secret data."),
        TableColumn("Data", "Data contains the secret data."),
        .age,
    ]

    static func row(for secret: Secret, now: Date) -> TableRow {
        let keys = Set(secret.data.keys).union(secret.stringData.keys)
        return TableRow(cells: [
            .string(secret.name),
            .string(secret.type ?? ""),
            .integer(Int64(keys.count)),
            .string(TableCellFormat.age(since: secret.metadata.creationTimestamp, now: now)),
        ])
    }
}
