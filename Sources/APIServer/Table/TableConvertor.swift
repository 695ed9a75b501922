import Foundation
import Resources

/// Turns objects into a `meta.k8s.io/v1` `Table` with the columns kubectl prints for the kind
/// (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`).
///
/// Columns and cells follow upstream's internal-version printers (kubernetes v1.32); every
/// column is sent, wide ones with `priority: 1`, and kubectl hides those without `-o wide`.
/// A kind without a printer gets upstream's default `Name` / `Created At` table. Pure: ages are
/// measured against `now`, and no object can fail the table (one that does not decode still
/// gets its name and age).
public struct TableConvertor: Sendable {
    public let resource: ServedResource

    public init(resource: ServedResource) { self.resource = resource }

    /// The Table of `objects`, carrying `listMetadata` (resourceVersion, continue, …) as its
    /// metadata.
    ///
    /// `includeObject`, as `?includeObject=`: `None` leaves each row's `object` null,
    /// `Object` embeds the full object, and `Metadata` (the default, also for unknown values)
    /// embeds a `meta.k8s.io/v1` `PartialObjectMetadata`.
    public func table(objects: [JSONValue], listMetadata: JSONValue, includeObject: String, now: Date) -> JSONValue {
        let printer = TableRowPrinterRegistry.printer(for: resource.objectType)
        let rows = objects.map { object -> JSONValue in
            let row = printer.row(for: object, now: now)
            var members: [String: JSONValue] = [
                "cells": .array(row.cells),
                "object": rowObject(object, includeObject: includeObject),
            ]
            if !row.conditions.isEmpty { members["conditions"] = .array(row.conditions.map(\.json)) }
            return .object(members)
        }
        return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": listMetadata,
                "columnDefinitions": .array(printer.columns.map(\.json)), "rows": .array(rows)]
    }

    private func rowObject(_ object: JSONValue, includeObject: String) -> JSONValue {
        switch includeObject {
        case "None": return .null
        case "Object": return object
        default:
            return ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object["metadata"] ?? [:]]
        }
    }
}
