import Foundation
import Resources

/// ConfigMaps: `NAME DATA AGE`, DATA counting `data` and `binaryData` keys (upstream
/// `printConfigMap`).
enum ConfigMapTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Data", "Data contains the configuration data."),
        .age,
    ]

    static func row(for configMap: ConfigMap, now: Date) -> TableRow {
        TableRow(cells: [
            .string(configMap.name),
            .integer(Int64(configMap.data.count + configMap.binaryData.count)),
            .string(TableCellFormat.age(since: configMap.metadata.creationTimestamp, now: now)),
        ])
    }
}
