import Foundation
@testable import APIServer
import Resources

/// Shared builders for the table tests: a fixed clock, times relative to it, and typed
/// objects turned into the JSON the convertor receives.
enum TableFixtures {
    /// The instant every test measures ages against.
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// The time `seconds` before `now`.
    static func ago(_ seconds: TimeInterval) -> Time {
        Time(secondsSince1970: now.timeIntervalSince1970 - seconds)
    }

    static let minute: TimeInterval = 60
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86400
    static let year: TimeInterval = 365 * 86400

    /// `metadata` with a name and, optionally, a creation and deletion time.
    static func meta(_ name: String, created: Time? = nil, deleted: Time? = nil,
                     labels: [String: String]? = nil, annotations: [String: String]? = nil,
                     owners: [OwnerReference]? = nil) -> ObjectMeta {
        ObjectMeta(name: name, creationTimestamp: created, deletionTimestamp: deleted, labels: labels,
                   annotations: annotations, ownerReferences: owners)
    }

    /// The row cells `T`'s printer gives `object` at `now`.
    static func cells<T: APIResource>(_ object: T) -> [JSONValue] {
        row(object).cells
    }

    /// The row `T`'s printer gives `object` at `now`, through the JSON the server stores.
    static func row<T: APIResource>(_ object: T) -> TableRow {
        let json = try! JSONValue(encoding: object)
        return TableRowPrinterRegistry.printer(for: T.self).row(for: json, now: now)
    }

    /// The full table for `objects` of `T`'s served resource.
    static func table<T: APIResource>(_ objects: [T], includeObject: String = "Metadata") -> JSONValue {
        let resource = ResourceRegistry.builtIn.resources.first { ObjectIdentifier($0.objectType) == ObjectIdentifier(T.self) }!
        return TableConvertor(resource: resource).table(
            objects: objects.map { try! JSONValue(encoding: $0) },
            listMetadata: ["resourceVersion": "42"], includeObject: includeObject, now: now)
    }

    /// The column names of `T`'s printer, upper-cased as kubectl prints them, with `*` marking
    /// wide-only (priority 1) columns.
    static func headers<T: APIResource>(_ model: T.Type) -> [String] {
        TableRowPrinterRegistry.printer(for: model).columns.map {
            $0.name.uppercased() + ($0.priority == 1 ? "*" : "")
        }
    }
}

extension JSONValue {
    /// Shorthand for string cells in expectations.
    static func s(_ text: String) -> JSONValue { .string(text) }
}
