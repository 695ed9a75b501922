import Foundation
import Resources

/// Deployments: `NAME READY UP-TO-DATE AVAILABLE AGE`, wide `CONTAINERS IMAGES SELECTOR`
/// (upstream `printDeployment`). READY is `ready/desired`.
enum DeploymentTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Ready", "Number of the pod with ready state"),
        TableColumn("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
        TableColumn("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
        .age,
        .wide("Containers", "Names of each container in the template."),
        .wide("Images", "Images referenced by each container in the template."),
        .wide("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment."),
    ]

    static func row(for deployment: Deployment, now: Date) -> TableRow {
        let spec = deployment.spec ?? DeploymentSpec()
        let status = deployment.status ?? DeploymentStatus()
        // apps/v1 defaulting sets replicas to 1; stored objects always carry it.
        let desired = spec.replicas ?? 1
        let containers = TableCellFormat.containerNamesAndImages(spec.template?.spec?.containers ?? [])
        return TableRow(cells: [
            .string(deployment.name),
            .string("\(status.readyReplicas ?? 0)/\(desired)"),
            .integer(Int64(status.updatedReplicas ?? 0)),
            .integer(Int64(status.availableReplicas ?? 0)),
            .string(TableCellFormat.age(since: deployment.metadata.creationTimestamp, now: now)),
            .string(containers.names),
            .string(containers.images),
            .string(TableCellFormat.selectorString(spec.selector)),
        ])
    }
}
