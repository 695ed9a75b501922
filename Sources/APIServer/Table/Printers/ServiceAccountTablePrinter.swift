import Foundation
import Resources

/// ServiceAccounts: `NAME SECRETS AGE` (upstream `printServiceAccount`).
enum ServiceAccountTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."),
        .age,
    ]

    static func row(for account: ServiceAccount, now: Date) -> TableRow {
        TableRow(cells: [
            .string(account.name),
            .integer(Int64(account.secrets.count)),
            .string(TableCellFormat.age(since: account.metadata.creationTimestamp, now: now)),
        ])
    }
}
