import Foundation
import Resources

/// CronJobs: `NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE`, wide `CONTAINERS IMAGES
/// SELECTOR` of the job template (upstream `printCronJob`).
enum CronJobTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Schedule", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
        TableColumn("Timezone", "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones."),
        TableColumn("Suspend", type: "boolean", "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions."),
        TableColumn("Active", type: "integer", "A list of pointers to currently running jobs."),
        TableColumn("Last Schedule", "Information when was the last time the job was successfully scheduled."),
        .age,
        .wide("Containers", "Names of each container in the template."),
        .wide("Images", "Images referenced by each container in the template."),
        .wide("Selector", "A label query over pods that should match the pod count."),
    ]

    static func row(for cronJob: CronJob, now: Date) -> TableRow {
        let spec = cronJob.spec ?? CronJobSpec()
        let status = cronJob.status ?? CronJobStatus()
        let jobSpec = spec.jobTemplate?.spec
        let lastSchedule = status.lastScheduleTime.map { TableCellFormat.age(since: $0, now: now) } ?? TableCellFormat.none
        let containers = TableCellFormat.containerNamesAndImages(jobSpec?.template?.spec?.containers ?? [])
        return TableRow(cells: [
            .string(cronJob.name),
            .string(spec.schedule ?? ""),
            .string(spec.timeZone ?? TableCellFormat.none),
            .string(TableCellFormat.bool(spec.suspend)),
            .integer(Int64(status.active.count)),
            .string(lastSchedule),
            .string(TableCellFormat.age(since: cronJob.metadata.creationTimestamp, now: now)),
            .string(containers.names),
            .string(containers.images),
            .string(TableCellFormat.labelSelector(jobSpec?.selector)),
        ])
    }
}
