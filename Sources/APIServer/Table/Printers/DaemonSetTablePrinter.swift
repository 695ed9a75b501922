import Foundation
import Resources

/// DaemonSets: `NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE`, wide
/// `CONTAINERS IMAGES SELECTOR` (upstream `printDaemonSet`).
enum DaemonSetTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Desired", type: "integer", "The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod)."),
        TableColumn("Current", type: "integer", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod."),
        TableColumn("Ready", type: "integer", "numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition."),
        TableColumn("Up-to-date", type: "integer", "The total number of nodes that are running updated daemon pod"),
        TableColumn("Available", type: "integer", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
        TableColumn("Node Selector", "NodeSelector is a selector which must be true for the pod to fit on a node."),
        .age,
        .wide("Containers", "Names of each container in the template."),
        .wide("Images", "Images referenced by each container in the template."),
        .wide("Selector", "A label query over pods that are managed by the daemon set."),
    ]

    static func row(for daemonSet: DaemonSet, now: Date) -> TableRow {
        let spec = daemonSet.spec ?? DaemonSetSpec()
        let status = daemonSet.status ?? DaemonSetStatus()
        let podSpec = spec.template?.spec
        let containers = TableCellFormat.containerNamesAndImages(podSpec?.containers ?? [])
        return TableRow(cells: [
            .string(daemonSet.name),
            .integer(Int64(status.desiredNumberScheduled ?? 0)),
            .integer(Int64(status.currentNumberScheduled ?? 0)),
            .integer(Int64(status.numberReady ?? 0)),
            .integer(Int64(status.updatedNumberScheduled ?? 0)),
            .integer(Int64(status.numberAvailable ?? 0)),
            .string(TableCellFormat.labels(podSpec?.nodeSelector)),
            .string(TableCellFormat.age(since: daemonSet.metadata.creationTimestamp, now: now)),
            .string(containers.names),
            .string(containers.images),
            .string(TableCellFormat.labelSelector(spec.selector)),
        ])
    }
}
