import Foundation
import Resources

/// A `TableRowPrinter` with its model type erased, so the convertor can pick one by the
/// served kind and feed it untyped objects.
///
/// Contract: `row(for:now:)` never fails. An object that does not decode to the printer's
/// model still gets a row with its name and age; its other cells read `<unknown>`.
struct AnyTableRowPrinter: Sendable {
    let columns: [TableColumn]
    /// The model this printer reads (`Pod.self`, …); nil for the generic printer.
    let modelType: (any APIResource.Type)?
    private let printTyped: @Sendable (JSONValue, Date) -> TableRow?

    init<Printer: TableRowPrinter>(_ printer: Printer.Type) {
        self.columns = Printer.columns
        self.modelType = Printer.Object.self
        self.printTyped = { json, now in
            guard let object = try? json.decode(Printer.Object.self) else { return nil }
            return Printer.row(for: object, now: now)
        }
    }

    private init(columns: [TableColumn], printTyped: @escaping @Sendable (JSONValue, Date) -> TableRow?) {
        self.columns = columns
        self.modelType = nil
        self.printTyped = printTyped
    }

    /// The row of `object`, one cell per column.
    func row(for object: JSONValue, now: Date) -> TableRow {
        if let row = printTyped(object, now), row.cells.count == columns.count { return row }
        return fallbackRow(for: object, now: now)
    }

    /// Name and age read straight from the JSON metadata; `<unknown>` elsewhere.
    private func fallbackRow(for object: JSONValue, now: Date) -> TableRow {
        let metadata = object["metadata"]
        let name = metadata?["name"]?.stringValue ?? ""
        let created = metadata?["creationTimestamp"]?.stringValue.flatMap { Time(rfc3339: $0) }
        let cells: [JSONValue] = columns.map { column in
            if column.format == "name" { return .string(name) }
            if column == .age { return .string(TableCellFormat.age(since: created, now: now)) }
            return .string(TableCellFormat.unknown)
        }
        return TableRow(cells: cells)
    }

    /// What the API server prints for a kind without a printer (upstream's default table
    /// convertor): `Name`, and `Created At` as an RFC 3339 date.
    static let nameAndCreationTime = AnyTableRowPrinter(
        columns: [.name, TableColumn("Created At", type: "date", ObjectMetaDocs.creationTimestamp)]
    ) { object, _ in
        let metadata = object["metadata"]
        let name = metadata?["name"]?.stringValue ?? ""
        let created = metadata?["creationTimestamp"]?.stringValue.flatMap { Time(rfc3339: $0) }
        return TableRow(cells: [.string(name), .string(created?.rfc3339 ?? "0001-01-01T00:00:00Z")])
    }
}
