import APIServer

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
