import Foundation
import Resources

/// Prints the rows of one kind, as upstream's `printXxx` function and column definitions in
/// `pkg/printers/internalversion/printers.go` (kubernetes v1.32).
///
/// Contract: `row(for:now:)` returns exactly one cell per entry of `columns`, wide (priority 1)
/// cells included, in column order; it is pure (ages are measured against `now`) and total —
/// missing optional fields print as upstream prints their zero value.
protocol TableRowPrinter: Sendable {
    /// The typed model the printer reads.
    associatedtype Object: APIResource

    /// The columns, in upstream order.
    static var columns: [TableColumn] { get }

    /// The cells (and row conditions) of `object`.
    static func row(for object: Object, now: Date) -> TableRow
}
