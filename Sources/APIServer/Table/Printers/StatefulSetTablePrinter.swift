import Foundation
import Resources

/// StatefulSets: `NAME READY AGE`, wide `CONTAINERS IMAGES` (upstream `printStatefulSet`).
/// READY is `ready/desired`.
enum StatefulSetTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Ready", "Number of the pod with ready state"),
        .age,
        .wide("Containers", "Names of each container in the template."),
        .wide("Images", "Images referenced by each container in the template."),
    ]

    static func row(for statefulSet: StatefulSet, now: Date) -> TableRow {
        let spec = statefulSet.spec ?? StatefulSetSpec()
        let containers = TableCellFormat.containerNamesAndImages(spec.template?.spec?.containers ?? [])
        return TableRow(cells: [
            .string(statefulSet.name),
            .string("\(statefulSet.status?.readyReplicas ?? 0)/\(spec.replicas ?? 1)"),
            .string(TableCellFormat.age(since: statefulSet.metadata.creationTimestamp, now: now)),
            .string(containers.names),
            .string(containers.images),
        ])
    }
}
