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

/// The strategic merge metadata of a Pod, as far as the tests need it (from the `patchStrategy`
/// and `patchMergeKey` tags of `k8s.io/api/core/v1`).
enum PodFixture {
    static let container = SchemaFixture([
        "env": .mergeList(by: "name"),
        "ports": .mergeList(by: "containerPort"),
        "volumeMounts": .mergeList(by: "mountPath"),
    ])

    static let objectMeta = SchemaFixture([
        "finalizers": .mergePrimitives,
        "ownerReferences": .mergeList(by: "uid"),
    ])

    static let podSpec = SchemaFixture([
        "containers": .mergeList(by: "name", container),
        "initContainers": .mergeList(by: "name", container),
        "volumes": .mergeList(by: "name", SchemaFixture(), retainKeys: true),
    ])

    static let pod = SchemaFixture([
        "metadata": .object(objectMeta),
        "spec": .object(podSpec),
    ])
}

/// The `MergeItem` type of apimachinery's strategicpatch tests (patch_test.go), which the
/// upstream test tables are written against. It nests itself, hence computed members.
struct MergeItemSchema: StrategicMergeSchema {
    func member(_ name: String) -> StrategicMergeMember? {
        switch name {
        case "mergingList": .mergeList(by: "name", MergeItemSchema())
        case "nonMergingList": .object(MergeItemSchema())
        case "mergingIntList": .mergePrimitives
        case "mergeItemPtr": .init(patchStrategies: ["merge"], patchMergeKey: "name", valueSchema: MergeItemSchema())
        case "replacingItem": .init(patchStrategies: ["replace"])
        case "retainKeysMap": .init(patchStrategies: ["retainKeys"], valueSchema: RetainKeysMergeItemSchema())
        case "retainKeysMergingList": .mergeList(by: "name", MergeItemSchema(), retainKeys: true)
        default: nil
        }
    }
}

/// The `RetainKeysMergeItem` type of the upstream tests.
struct RetainKeysMergeItemSchema: StrategicMergeSchema {
    func member(_ name: String) -> StrategicMergeMember? {
        switch name {
        case "mergingIntList": .mergePrimitives
        case "mergingList": .mergeList(by: "name", MergeItemSchema())
        case "nonMergingList": .object(MergeItemSchema())
        default: nil
        }
    }
}

/// Parses JSON text in a test; a typo in a fixture fails the test.
func json(_ text: String) throws -> JSONValue {
    try JSONValue.parse(text)
}
