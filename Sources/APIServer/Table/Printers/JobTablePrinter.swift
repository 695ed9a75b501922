import Foundation
import Resources

/// Jobs: `NAME STATUS COMPLETIONS DURATION AGE`, wide `CONTAINERS IMAGES SELECTOR` (upstream
/// `printJob`, v1.32).
///
/// STATUS is the first that applies of `Complete`, `Failed` (true conditions), `Terminating`
/// (deletion pending), `Suspended`, `FailureTarget`, else `Running`. COMPLETIONS is
/// `succeeded/completions`, or `succeeded/1` (`of <parallelism>` when above 1) without a
/// completion count. DURATION runs from start to completion, or to `now` while running.
enum JobTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Status", "Status of the job."),
        TableColumn("Completions", "The number of pods which reached phase Succeeded."),
        TableColumn("Duration", "Time required to complete the job."),
        .age,
        .wide("Containers", "Names of each container in the template."),
        .wide("Images", "Images referenced by each container in the template."),
        .wide("Selector", "A label query over pods that should match the pod count."),
    ]

    static func row(for job: Job, now: Date) -> TableRow {
        let spec = job.spec ?? JobSpec()
        let status = job.status ?? JobStatus()
        let succeeded = status.succeeded ?? 0

        let completions: String
        if let wanted = spec.completions {
            completions = "\(succeeded)/\(wanted)"
        } else if let parallelism = spec.parallelism, parallelism > 1 {
            completions = "\(succeeded)/1 of \(parallelism)"
        } else {
            completions = "\(succeeded)/1"
        }

        var duration = ""
        if let start = status.startTime {
            let end = status.completionTime?.secondsSince1970 ?? now.timeIntervalSince1970
            duration = TableCellFormat.humanDuration(seconds: end - start.secondsSince1970)
        }

        func hasCondition(_ type: String) -> Bool {
            status.conditions.first { $0.type == type }?.status == "True"
        }
        let state: String
        if hasCondition("Complete") {
            state = "Complete"
        } else if hasCondition("Failed") {
            state = "Failed"
        } else if job.metadata.deletionTimestamp != nil {
            state = "Terminating"
        } else if hasCondition("Suspended") {
            state = "Suspended"
        } else if hasCondition("FailureTarget") {
            state = "FailureTarget"
        } else {
            state = "Running"
        }

        let containers = TableCellFormat.containerNamesAndImages(spec.template?.spec?.containers ?? [])
        return TableRow(cells: [
            .string(job.name),
            .string(state),
            .string(completions),
            .string(duration),
            .string(TableCellFormat.age(since: job.metadata.creationTimestamp, now: now)),
            .string(containers.names),
            .string(containers.images),
            .string(TableCellFormat.labelSelector(spec.selector)),
        ])
    }
}
