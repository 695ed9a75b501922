import Foundation
import Resources

/// One resource the API server serves: where it lives in the API, how discovery lists it, and
/// the typed hooks (defaulting, validation, field selectors) the generic handlers call.
///
/// Objects travel through the server as `JSONValue`; the hooks decode to the typed model only
/// where a typed rule applies, and the model keeps unknown members, so nothing is lost.
public struct ServedResource: Sendable {
    public let type: ResourceType
    /// The Swift model of the kind (for schema, table and typed hooks).
    public let objectType: any (APIResource & SchemaDescribing).Type
    public let shortNames: [String]
    public let categories: [String]
    /// Subresources served under `NAME/…`: `status`, `scale`, `binding`, `log`, `exec`.
    public let subresources: Set<String>
    /// Dotted JSON paths a field selector may use besides `metadata.name` and `metadata.namespace`.
    public let selectableFields: [String]
    /// Whether the kind has a `spec` whose changes bump `metadata.generation`.
    public let tracksGeneration: Bool
    /// Whether `status` is only written through `/status`.
    public let hasStatusSubresource: Bool

    /// Decodes an object as the kind (throwing `DecodingError` on a type mismatch), applies the
    /// kind's defaults, and encodes it again without the members no type declares; returns
    /// it with those members' paths, for field validation.
    let normalize: @Sendable (JSONValue) throws -> (object: JSONValue, unknownFields: [FieldPath])
    /// Validation errors of a new object.
    let validateCreate: @Sendable (JSONValue) throws -> [FieldError]
    /// Validation errors of `new` replacing `old`.
    let validateUpdate: @Sendable (_ new: JSONValue, _ old: JSONValue) throws -> [FieldError]

    public init<T: APIResource & UnknownFieldsCarrying & SchemaDescribing>(
        _ model: T.Type,
        shortNames: [String] = [],
        categories: [String] = [],
        subresources: Set<String> = [],
        selectableFields: [String] = []
    ) {
        self.type = T.resourceType
        self.objectType = model
        self.shortNames = shortNames
        self.categories = categories
        self.subresources = subresources
        self.selectableFields = selectableFields
        self.hasStatusSubresource = subresources.contains("status")
        self.tracksGeneration = T.declaredJSONKeys.contains("spec")
        self.normalize = { json in
            let typed = try json.decode(T.self)
            let unknown = T.schema.unknownFieldPaths(in: json)
            var defaulted: any APIResource = typed
            if var d = typed as? any Defaultable {
                d.applyDefaults()
                defaulted = d as! T
            }
            let object = try UnknownFieldsEncoding.$omitted.withValue(true) { try JSONValue(encoding: defaulted) }
            return (object, unknown)
        }
        self.validateCreate = { json in
            guard let typed = try json.decode(T.self) as? any Validatable else { return [] }
            return typed.validate()
        }
        self.validateUpdate = { new, old in
            let typedNew = try new.decode(T.self)
            guard let validatable = typedNew as? any Validatable else { return [] }
            return Self.validate(validatable, replacing: try old.decode(T.self))
        }
    }

    private static func validate<V: Validatable>(_ new: V, replacing old: Any) -> [FieldError] {
        guard let old = old as? V else { return [] }
        return new.validateUpdate(from: old)
    }

    /// `apiVersion/kind` as objects carry them.
    public var apiVersion: String { type.apiVersion }
    public var kind: String { type.kind }
    /// Lower-case kind, as discovery's `singularName`.
    public var singularName: String { type.kind.lowercased() }

    /// The field set a field selector is matched against.
    public func selectorFields(of object: JSONValue) -> [String: String] {
        var fields: [String: String] = [
            "metadata.name": object["metadata"]?["name"]?.stringValue ?? ""
        ]
        if type.namespaced { fields["metadata.namespace"] = object["metadata"]?["namespace"]?.stringValue ?? "" }
        for path in selectableFields {
            var value: JSONValue? = object
            for part in path.split(separator: ".") { value = value?[String(part)] }
            switch value {
            case .string(let s): fields[path] = s
            case .bool(let b): fields[path] = b ? "true" : "false"
            case .integer(let i): fields[path] = String(i)
            default: fields[path] = ""
            }
        }
        return fields
    }
}

extension ServedResource {
    /// core/v1 Namespace, whose `spec.finalizers` hold its removal as metadata finalizers do.
    var isNamespace: Bool { type.group.isEmpty && kind == "Namespace" }

    /// Whether `object`, being deleted, has nothing left holding it: no metadata finalizers,
    /// and for a namespace no `spec.finalizers` either.
    func isReleased(_ object: JSONValue) -> Bool {
        guard (object.meta("finalizers")?.arrayValue ?? []).isEmpty else { return false }
        return !isNamespace || (object["spec"]?["finalizers"]?.arrayValue ?? []).isEmpty
    }
}
