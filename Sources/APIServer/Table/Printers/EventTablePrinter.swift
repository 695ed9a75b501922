import Foundation
import Resources

/// Events: `LAST SEEN TYPE REASON OBJECT MESSAGE`, wide `SUBOBJECT SOURCE FIRST SEEN COUNT NAME`
/// (upstream `printEvent`; the wide columns sit between OBJECT and MESSAGE and at the end).
///
/// FIRST SEEN falls back to `eventTime`, LAST SEEN to FIRST SEEN; a series overrides LAST SEEN
/// and COUNT; a singleton event without a count counts 1. OBJECT is `kind/name` in lower case.
/// SOURCE is `component, host`, falling back to the reporting controller and instance.
enum EventTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        TableColumn("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
        TableColumn("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
        TableColumn("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        TableColumn("Object", "The object that this event is about."),
        .wide("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]."),
        .wide("Source", "The component reporting this event. Should be a short machine understandable string."),
        TableColumn("Message", "A human-readable description of the status of this operation."),
        .wide("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"),
        .wide("Count", "The number of times this event has occurred."),
        TableColumn("Name", format: "name", priority: 1, ObjectMetaDocs.name),
    ]

    static func row(for event: Event, now: Date) -> TableRow {
        let firstSeen = event.firstTimestamp.map { TableCellFormat.age(since: $0, now: now) }
            ?? TableCellFormat.age(since: event.eventTime?.time, now: now)
        var lastSeen = event.lastTimestamp.map { TableCellFormat.age(since: $0, now: now) } ?? firstSeen
        var count = Int64(event.count ?? 0)
        if let series = event.series {
            lastSeen = TableCellFormat.age(since: series.lastObservedTime?.time, now: now)
            count = Int64(series.count ?? 0)
        } else if count == 0 {
            count = 1
        }
        let involved = event.involvedObject ?? ObjectReference()
        let kind = (involved.kind ?? "").lowercased()
        let target = (involved.name ?? "").isEmpty ? kind : "\(kind)/\(involved.name ?? "")"
        return TableRow(cells: [
            .string(lastSeen),
            .string(event.type ?? ""),
            .string(event.reason ?? ""),
            .string(target),
            .string(involved.fieldPath ?? ""),
            .string(source(of: event)),
            .string((event.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)),
            .string(firstSeen),
            .integer(count),
            .string(event.name),
        ])
    }

    /// `formatEventSource`: `component, host` without an empty host.
    static func source(of event: Event) -> String {
        let component = firstNonEmpty(event.source?.component, event.reportingComponent)
        let instance = firstNonEmpty(event.source?.host, event.reportingInstance)
        return instance.isEmpty ? component : "\(component), \(instance)"
    }

    private static func firstNonEmpty(_ candidates: String?...) -> String {
        candidates.lazy.compactMap { $0 }.first { !$0.isEmpty } ?? ""
    }
}
