import APIServer
import Resources

/// A `StrategicMergeSchema` given as a table of members, for tests.
struct SchemaFixture: StrategicMergeSchema {
    let members: [String: StrategicMergeMember]

    init(_ members: [String: StrategicMergeMember] = [:]) { self.members = members }

    func member(_ name: String) -> StrategicMergeMember? { members[name] }
}

extension StrategicMergeMember {
    /// A list merged element-wise by `key`.
    static func mergeList(by key: String, _ elements: (any StrategicMergeSchema)? = nil, retainKeys: Bool = false) -> Self {
        .init(patchStrategies: retainKeys ? ["merge", "retainKeys"] : ["merge"], patchMergeKey: key, valueSchema: elements)
    }

    /// A list of primitives merged as a union.
    static let mergePrimitives = Self(patchStrategies: ["merge"])

    /// A nested object (or list or map of objects) without a strategy of its own.
    static func object(_ schema: any StrategicMergeSchema) -> Self { .init(valueSchema: schema) }
}

/// Parses JSON text in a test; a typo in a fixture fails the test.
func json(_ text: String) throws -> JSONValue {
    try JSONValue.parse(text)
}
