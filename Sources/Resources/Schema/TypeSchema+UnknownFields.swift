extension TypeSchema {
    /// The path of every member of `value` that this schema does not declare, at any depth,
    /// in path order (`spec.template.spec.containers[0].imagePullPolicyy`). It reads the JSON
    /// against the schema: the same members a typed decode keeps as unknown, without
    /// decoding or walking the typed value by reflection.
    public func unknownFieldPaths(in value: JSONValue, under root: FieldPath = FieldPath("")) -> [FieldPath] {
        var found: [FieldPath] = []
        Self.visit(value, schema: self, at: root, into: &found)
        return found.sorted { $0.text < $1.text }
    }

    private static func visit(_ value: JSONValue, schema: TypeSchema, at path: FieldPath, into found: inout [FieldPath]) {
        guard case .object(let properties) = schema.shape, case .object(let members) = value else { return }
        for (key, member) in members {
            guard let property = properties.first(where: { $0.name == key }) else {
                found.append(path.child(key))
                continue
            }
            visit(member, as: property.value, at: path.child(key), into: &found)
        }
    }

    private static func visit(_ value: JSONValue, as schema: ValueSchema, at path: FieldPath, into found: inout [FieldPath]) {
        switch schema {
        case .array(let element):
            for (index, item) in (value.arrayValue ?? []).enumerated() { visit(item, as: element, at: path.index(index), into: &found) }
        case .map(let element):
            for (key, item) in value.objectValue ?? [:] { visit(item, as: element, at: path.key(key), into: &found) }
        case .reference(let type):
            visit(value, schema: type.schema, at: path, into: &found)
        case .string, .integer, .number, .boolean:
            return
        }
    }
}
