import Foundation
import Resources

/// ReplicaSets: `NAME DESIRED CURRENT READY AGE`, wide `CONTAINERS IMAGES SELECTOR` (upstream
/// `printReplicaSet`).
enum ReplicaSetTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Desired", type: "integer", "Replicas is the number of desired replicas."),
        TableColumn("Current", type: "integer", "Replicas is the most recently observed number of replicas."),
        TableColumn("Ready", type: "integer", "The number of ready replicas for this replica set."),
        .age,
        .wide("Containers", "Names of each container in the template."),
        .wide("Images", "Images referenced by each container in the template."),
        .wide("Selector", "Selector is a label query over pods that should match the replica count."),
    ]

    static func row(for replicaSet: ReplicaSet, now: Date) -> TableRow {
        let spec = replicaSet.spec ?? ReplicaSetSpec()
        let status = replicaSet.status ?? ReplicaSetStatus()
        let containers = TableCellFormat.containerNamesAndImages(spec.template?.spec?.containers ?? [])
        return TableRow(cells: [
            .string(replicaSet.name),
            .integer(Int64(spec.replicas ?? 1)),
            .integer(Int64(status.replicas ?? 0)),
            .integer(Int64(status.readyReplicas ?? 0)),
            .string(TableCellFormat.age(since: replicaSet.metadata.creationTimestamp, now: now)),
            .string(containers.names),
            .string(containers.images),
            .string(TableCellFormat.labelSelector(spec.selector)),
        ])
    }
}
