import Foundation
import Resources

/// Turns objects into a `meta.k8s.io/v1` `Table` with the columns kubectl prints for the kind.
/// (Placeholder: NAME and AGE for every kind until the per-kind columns land.)
public struct TableConvertor: Sendable {
    public let resource: ServedResource

    public init(resource: ServedResource) { self.resource = resource }

    /// `includeObject`: `None`, `Metadata` (the default) or `Object`, as `?includeObject=`.
    public func table(objects: [JSONValue], listMetadata: JSONValue, includeObject: String, now: Date) -> JSONValue {
        let columns: JSONValue = [
            ["name": "Name", "type": "string", "format": "name", "description": "Name", "priority": 0],
            ["name": "Age", "type": "string", "format": "", "description": "Age", "priority": 0],
        ]
        let rows = objects.map { object -> JSONValue in
            let name = object["metadata"]?["name"] ?? ""
            return ["cells": [name, .string("<unknown>")], "object": rowObject(object, includeObject: includeObject)]
        }
        return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": listMetadata,
                "columnDefinitions": columns, "rows": .array(rows)]
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
