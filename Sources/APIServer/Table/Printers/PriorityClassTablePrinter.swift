import Foundation
import Resources

/// PriorityClasses: `NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY` (upstream
/// `printPriorityClass`). PREEMPTIONPOLICY has priority 0 upstream but is only filled in wide
/// output; server-side tables are always wide, so it is always filled.
enum PriorityClassTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Value", type: "integer", "value represents the integer value of this priority class."),
        TableColumn("Global-Default", type: "boolean", "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class."),
        .age,
        TableColumn("PreemptionPolicy", "preemptionPolicy is the Policy for preempting pods with lower priority."),
    ]

    static func row(for priorityClass: PriorityClass, now: Date) -> TableRow {
        TableRow(cells: [
            .string(priorityClass.name),
            .integer(Int64(priorityClass.value ?? 0)),
            .bool(priorityClass.globalDefault ?? false),
            .string(TableCellFormat.age(since: priorityClass.metadata.creationTimestamp, now: now)),
            .string(priorityClass.preemptionPolicy ?? ""),
        ])
    }
}
