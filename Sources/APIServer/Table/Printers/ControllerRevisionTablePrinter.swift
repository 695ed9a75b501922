import Foundation
import Resources

/// ControllerRevisions: `NAME CONTROLLER REVISION AGE` (upstream `printControllerRevision`).
///
/// CONTROLLER is the controlling owner as `kind.group/name` in lower case (`statefulset.apps/web`),
/// `<none>` without one.
enum ControllerRevisionTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Controller", "Controller of the object"),
        TableColumn("Revision", "Revision indicates the revision of the state represented by Data."),
        .age,
    ]

    static func row(for revision: ControllerRevision, now: Date) -> TableRow {
        var controller = TableCellFormat.none
        if let owner = revision.metadata.ownerReferences?.first(where: { $0.controller == true }) {
            controller = controllerName(owner)
        }
        return TableRow(cells: [
            .string(revision.name),
            .string(controller),
            .integer(revision.revision ?? 0),
            .string(TableCellFormat.age(since: revision.metadata.creationTimestamp, now: now)),
        ])
    }

    /// `formatResourceName(gvk.GroupKind(), name, true)`: `kind.group/name`, lower-cased.
    /// (Upstream fails the whole table on an unparsable apiVersion; here the group is dropped.)
    static func controllerName(_ owner: OwnerReference) -> String {
        let parts = owner.apiVersion.split(separator: "/", omittingEmptySubsequences: false)
        let group = parts.count == 2 ? String(parts[0]) : ""
        if group.isEmpty && owner.kind.isEmpty { return owner.name }
        let groupKind = group.isEmpty ? owner.kind : "\(owner.kind).\(group)"
        return groupKind.lowercased() + "/" + owner.name
    }
}
