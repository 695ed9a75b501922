// Ported from kubernetes/apimachinery pkg/util/strategicpatch/patch_test.go (commit eed236ce):
// the tables `strategicMergePatchRawTestCases` and `customStrategicMergePatchRawTestCases`,
// converted from YAML to compact JSON. Each upstream case yields up to two applications: its
// two-way patch to `Original` (expecting `TwoWayResult`, else `Modified`) and its three-way
// patch to `Current` (expecting `Result`). Upstream compares the serialized result, so list
// order counts here too. The schema is `MergeItemSchema`.

/// One application of a strategic merge patch with its expected outcome.
struct UpstreamStrategicMergeCase: Sendable, CustomStringConvertible {
    let description: String
    let original: String
    let patch: String
    /// The expected object, or nil when the patch must fail.
    let result: String?
    /// A fragment the error message must contain, when the patch must fail.
    let error: String?

    init(_ description: String, original: String, patch: String, result: String) {
        self.description = description
        self.original = original
        self.patch = patch
        self.result = result
        self.error = nil
    }

    init(_ description: String, original: String, patch: String, error: String) {
        self.description = description
        self.original = original
        self.patch = patch
        self.result = nil
        self.error = error
    }
}

extension UpstreamStrategicMergeCase {
    static let all: [UpstreamStrategicMergeCase] = [
        .init(
            "nested patch merge with empty list (two-way)",
            original: ##"{"name":"hi"}"##,
            patch: ##"{"mergingList":[{"name":"hello"},{"$patch":"delete","name":"doesntexist"}]}"##,
            result: ##"{"mergingList":[{"name":"hello"}],"name":"hi"}"##),
        .init(
            "nested patch merge with empty list (three-way)",
            original: ##"{"mergingList":[{"name":"hello2"}],"name":"hi"}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":"hello"},{"name":"doesntexist"}],"mergingList":[{"name":"hello"}]}"##,
            result: ##"{"mergingList":[{"name":"hello"},{"name":"hello2"}],"name":"hi"}"##),
        .init(
            "delete items in lists of scalars (two-way)",
            original: ##"{"mergingIntList":[1,2,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[1,2]}"##,
            result: ##"{"mergingIntList":[1,2]}"##),
        .init(
            "delete items in lists of scalars (three-way)",
            original: ##"{"mergingIntList":[1,2,3,4]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[1,2]}"##,
            result: ##"{"mergingIntList":[1,2,4]}"##),
        .init(
            "delete all duplicate items in lists of scalars (two-way)",
            original: ##"{"mergingIntList":[1,2,3,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[1,2]}"##,
            result: ##"{"mergingIntList":[1,2]}"##),
        .init(
            "delete all duplicate items in lists of scalars (three-way)",
            original: ##"{"mergingIntList":[1,2,3,3,4]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[1,2]}"##,
            result: ##"{"mergingIntList":[1,2,4]}"##),
        .init(
            "add and delete items in lists of scalars (two-way)",
            original: ##"{"mergingIntList":[1,2,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[1,2,4],"mergingIntList":[4]}"##,
            result: ##"{"mergingIntList":[1,2,4]}"##),
        .init(
            "add and delete items in lists of scalars (three-way)",
            original: ##"{"mergingIntList":[1,2,3,4]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[1,2,4]}"##,
            result: ##"{"mergingIntList":[1,2,4]}"##),
        .init(
            "merge lists of maps (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":4},{"name":1},{"name":2},{"name":3}],"mergingList":[{"name":4,"value":4},{"name":3,"value":3}]}"##,
            result: ##"{"mergingList":[{"name":4,"value":4},{"name":1},{"name":2,"value":2},{"name":3,"value":3}]}"##),
        .init(
            "merge lists of maps (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":4},{"name":1},{"name":2},{"name":3}],"mergingList":[{"name":4,"value":4},{"name":3,"value":3}]}"##,
            result: ##"{"mergingList":[{"name":4,"value":4},{"name":1,"other":"a"},{"name":2,"other":"b","value":2},{"name":3,"value":3}]}"##),
        .init(
            "merge lists of maps with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2},{"name":3}],"mergingList":[{"name":3,"value":3}]}"##,
            result: ##"{"mergingList":[{"name":1},{"name":2,"value":2},{"name":3,"value":3}]}"##),
        .init(
            "merge lists of maps with conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":3}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2},{"name":3}],"mergingList":[{"name":2,"value":2},{"name":3,"value":3}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2},{"name":3,"value":3}]}"##),
        .init(
            "add field to map in merging list (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}]}"##,
            result: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##),
        .init(
            "add field to map in merging list (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "add field to map in merging list (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}]}"##,
            result: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##),
        .init(
            "add field to map in merging list (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "add field to map in merging list with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}]}"##,
            result: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##),
        .init(
            "add field to map in merging list with conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":3,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"value":2},{"name":3,"other":"b","value":2}]}"##),
        .init(
            "add duplicate field to map in merging list (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}]}"##,
            result: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##),
        .init(
            "add duplicate field to map in merging list (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "add an item that already exists in current object in merging list (two-way)",
            original: ##"{"mergingList":[{"name":1,"value":"a"},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2},{"name":3}],"mergingList":[{"name":3}]}"##,
            result: ##"{"mergingList":[{"name":1,"value":"a"},{"name":2},{"name":3}]}"##),
        .init(
            "add an item that already exists in current object in merging list (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"x","value":"a"},{"name":2},{"name":3}]}"##,
            patch: ##"{}"##,
            result: ##"{"mergingList":[{"name":1,"other":"x","value":"a"},{"name":2},{"name":3}]}"##),
        .init(
            "add duplicate field to map in merging list with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}]}"##,
            result: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##),
        .init(
            "add duplicate field to map in merging list with conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":3}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":2,"value":2}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "replace map field value in merging list (two-way)",
            original: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":"a"}]}"##,
            result: ##"{"mergingList":[{"name":1,"value":"a"},{"name":2,"value":2}]}"##),
        .init(
            "replace map field value in merging list (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":"a"}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a","value":"a"},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "replace map field value in merging list with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":"a"}]}"##,
            result: ##"{"mergingList":[{"name":1,"value":"a"},{"name":2,"value":2}]}"##),
        .init(
            "replace map field value in merging list with conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a","value":3},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":"a"}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a","value":"a"},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "delete map from merging list (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2}],"mergingList":[{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2}]}"##),
        .init(
            "delete map from merging list (three-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2}],"mergingList":[{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2,"other":"b"}]}"##),
        .init(
            "delete map from merging list with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2}],"mergingList":[{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2}]}"##),
        .init(
            "delete map from merging list with conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2}],"mergingList":[{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2,"other":"b"}]}"##),
        .init(
            "delete missing map from merging list (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2}],"mergingList":[{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2}]}"##),
        .init(
            "delete missing map from merging list (three-way)",
            original: ##"{"mergingList":[{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2}],"mergingList":[{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2,"other":"b"}]}"##),
        .init(
            "delete missing map from merging list with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2}],"mergingList":[{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2}]}"##),
        .init(
            "delete missing map from merging list with conflict (three-way)",
            original: ##"{"mergingList":[{"name":3,"other":"a"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2}],"mergingList":[{"name":2},{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2},{"name":3,"other":"a"}]}"##),
        .init(
            "add map and delete map from merging list (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":3}],"mergingList":[{"name":3},{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2},{"name":3}]}"##),
        .init(
            "add map and delete map from merging list (three-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"other":"b"},{"name":4,"other":"c"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":3}],"mergingList":[{"name":3},{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2,"other":"b"},{"name":4,"other":"c"},{"name":3}]}"##),
        .init(
            "add map and delete map from merging list with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":3}],"mergingList":[{"name":3},{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":2},{"name":3}]}"##),
        .init(
            "add map and delete map from merging list with conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":4,"other":"c"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":3}],"mergingList":[{"name":2},{"name":3},{"$patch":"delete","name":1}]}"##,
            result: ##"{"mergingList":[{"name":4,"other":"c"},{"name":2},{"name":3}]}"##),
        .init(
            "delete field from map in merging list (two-way)",
            original: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":null}]}"##,
            result: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##),
        .init(
            "delete field from map in merging list (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":null}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "delete field from map in merging list with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":null}]}"##,
            result: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##),
        .init(
            "delete field from map in merging list with conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a","value":"a"},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":null}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"value":2}]}"##),
        .init(
            "delete missing field from map in merging list (two-way)",
            original: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":null}]}"##,
            result: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##),
        .init(
            "delete missing field from map in merging list (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":null}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "delete missing field from map in merging list with conflict (two-way)",
            original: ##"{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":null}]}"##,
            result: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##),
        .init(
            "delete missing field from map in merging list with conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":null},{"name":2,"value":2}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "replace non merging list nested in merging list (two-way)",
            original: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1},{"name":2,"value":2}]},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]}]}"##,
            result: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]},{"name":2}]}"##),
        .init(
            "replace non merging list nested in merging list (three-way)",
            original: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1},{"name":2,"value":2}],"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]}]}"##,
            result: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}],"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "replace non merging list nested in merging list with value conflict (two-way)",
            original: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1},{"name":2,"value":2}]},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]}]}"##,
            result: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]},{"name":2}]}"##),
        .init(
            "replace non merging list nested in merging list with value conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":"c"}],"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]}]}"##,
            result: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}],"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "replace non merging list nested in merging list with deletion conflict (two-way)",
            original: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1},{"name":2,"value":2}]},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]}]}"##,
            result: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]},{"name":2}]}"##),
        .init(
            "replace non merging list nested in merging list with deletion conflict (three-way)",
            original: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":2,"value":2}],"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}]}]}"##,
            result: ##"{"mergingList":[{"name":1,"nonMergingList":[{"name":1,"value":1}],"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "add field to map in merging list nested in merging list (two-way)",
            original: ##"{"mergingList":[{"mergingList":[{"name":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergingList":[{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##),
        .init(
            "add field to map in merging list nested in merging list (three-way)",
            original: ##"{"mergingList":[{"mergingList":[{"name":1},{"name":2,"value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergingList":[{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "add field to map in merging list nested in merging list with value conflict (two-way)",
            original: ##"{"mergingList":[{"mergingList":[{"name":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergingList":[{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##),
        .init(
            "add field to map in merging list nested in merging list with value conflict (three-way)",
            original: ##"{"mergingList":[{"mergingList":[{"name":1,"other":"c","value":"a"},{"name":2,"other":"d","value":"b"}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1},{"name":2,"value":2}],"name":1}]}"##,
            result: ##"{"mergingList":[{"mergingList":[{"name":1,"other":"c","value":1},{"name":2,"other":"d","value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "add field to map in merging list nested in merging list with deletion conflict (two-way)",
            original: ##"{"mergingList":[{"mergingList":[{"name":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergingList":[{"mergingList":[{"name":1,"value":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##),
        .init(
            "add field to map in merging list nested in merging list with deletion conflict (three-way)",
            original: ##"{"mergingList":[{"mergingList":[{"name":2,"other":"d","value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergingList":[{"mergingList":[{"name":1,"value":1},{"name":2,"other":"d","value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "add field to map in merging list nested in merging list with deletion conflict (two-way)",
            original: ##"{"mergingList":[{"mergingList":[{"name":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"$setElementOrder/mergingList":[{"name":2},{"name":1}],"mergingList":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergingList":[{"mergingList":[{"name":2,"value":2},{"name":1,"value":1}],"name":1},{"name":2}]}"##),
        .init(
            "add field to map in merging list nested in merging list with deletion conflict (three-way)",
            original: ##"{"mergingList":[{"mergingList":[{"name":2,"other":"d","value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2}],"mergingList":[{"$setElementOrder/mergingList":[{"name":2},{"name":1}],"mergingList":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergingList":[{"mergingList":[{"name":2,"other":"d","value":2},{"name":1,"value":1}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "add map to merging list by pointer (two-way)",
            original: ##"{"mergeItemPtr":[{"name":1}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"name":2}]}"##,
            result: ##"{"mergeItemPtr":[{"name":1},{"name":2}]}"##),
        .init(
            "add map to merging list by pointer (three-way)",
            original: ##"{"mergeItemPtr":[{"name":1,"other":"a"},{"name":3}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"name":2}]}"##,
            result: ##"{"mergeItemPtr":[{"name":1,"other":"a"},{"name":2},{"name":3}]}"##),
        .init(
            "add map to merging list by pointer with conflict (two-way)",
            original: ##"{"mergeItemPtr":[{"name":1}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"name":2}]}"##,
            result: ##"{"mergeItemPtr":[{"name":1},{"name":2}]}"##),
        .init(
            "add map to merging list by pointer with conflict (three-way)",
            original: ##"{"mergeItemPtr":[{"name":3}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"name":1},{"name":2}]}"##,
            result: ##"{"mergeItemPtr":[{"name":1},{"name":2},{"name":3}]}"##),
        .init(
            "add field to map in merging list by pointer (two-way)",
            original: ##"{"mergeItemPtr":[{"mergeItemPtr":[{"name":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergeItemPtr":[{"mergeItemPtr":[{"name":1,"value":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##),
        .init(
            "add field to map in merging list by pointer (three-way)",
            original: ##"{"mergeItemPtr":[{"mergeItemPtr":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergeItemPtr":[{"mergeItemPtr":[{"name":1,"other":"a","value":1},{"name":2,"other":"b","value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "add field to map in merging list by pointer with conflict (two-way)",
            original: ##"{"mergeItemPtr":[{"mergeItemPtr":[{"name":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergeItemPtr":[{"mergeItemPtr":[{"name":1,"value":1},{"name":2,"value":2}],"name":1},{"name":2}]}"##),
        .init(
            "add field to map in merging list by pointer with conflict (three-way)",
            original: ##"{"mergeItemPtr":[{"mergeItemPtr":[{"name":1,"value":"a"},{"name":2,"other":"b","value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"$setElementOrder/mergeItemPtr":[{"name":1},{"name":2}],"mergeItemPtr":[{"name":1,"value":1}],"name":1}]}"##,
            result: ##"{"mergeItemPtr":[{"mergeItemPtr":[{"name":1,"value":1},{"name":2,"other":"b","value":2}],"name":1,"other":"a"},{"name":2,"other":"b"}]}"##),
        .init(
            "merge lists of scalars (two-way)",
            original: ##"{"mergingIntList":[1,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[1,2,3],"mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":[1,2,3]}"##),
        .init(
            "merge lists of scalars (three-way)",
            original: ##"{"mergingIntList":[1,2,4]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[1,2,3],"mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":[1,2,3,4]}"##),
        .init(
            "add duplicate field to map in merging int list (two-way)",
            original: ##"{"mergingIntList":[1,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[1,2,3],"mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":[1,2,3]}"##),
        .init(
            "add duplicate field to map in merging int list (three-way)",
            original: ##"{"mergingIntList":[1,2,3]}"##,
            patch: ##"{}"##,
            result: ##"{"mergingIntList":[1,2,3]}"##),
        .init(
            "add an item in a list of primitives and preserve order (two-way)",
            original: ##"{"mergingIntList":[1,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[3,1,2],"mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":[3,1,2]}"##),
        .init(
            "add an item in a list of primitives and preserve order (three-way)",
            original: ##"{"mergingIntList":[1,4,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[3,1,2],"mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":[3,1,4,2]}"##),
        .init(
            "delete an item in a list of primitives and preserve order (two-way)",
            original: ##"{"mergingIntList":[1,2,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[2,1]}"##,
            result: ##"{"mergingIntList":[2,1]}"##),
        .init(
            "delete an item in a list of primitives and preserve order (three-way)",
            original: ##"{"mergingIntList":[1,2,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[2,1]}"##,
            result: ##"{"mergingIntList":[2,1]}"##),
        .init(
            "add an item in a list and preserve order (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":3},{"name":1},{"name":2}],"mergingList":[{"name":3,"value":3}]}"##,
            result: ##"{"mergingList":[{"name":3,"value":3},{"name":1},{"name":2,"value":2}]}"##),
        .init(
            "add an item in a list and preserve order (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":3},{"name":1},{"name":2}],"mergingList":[{"name":3,"value":3}]}"##,
            result: ##"{"mergingList":[{"name":3,"value":3},{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##),
        .init(
            "add multiple items in a list and preserve order (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":4},{"name":2},{"name":3}],"mergingList":[{"name":4,"value":4},{"name":3,"value":3}]}"##,
            result: ##"{"mergingList":[{"name":1},{"name":4,"value":4},{"name":2,"value":2},{"name":3,"value":3}]}"##),
        .init(
            "add multiple items in a list and preserve order (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":4},{"name":2},{"name":3}],"mergingList":[{"name":4,"value":4},{"name":3,"value":3}]}"##,
            result: ##"{"mergingList":[{"name":1,"other":"a"},{"name":4,"value":4},{"name":2,"other":"b","value":2},{"name":3,"value":3}]}"##),
        .init(
            "delete an item in a list and preserve order (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":3,"value":3},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":1}],"mergingList":[{"$patch":"delete","name":3}]}"##,
            result: ##"{"mergingList":[{"name":2,"value":2},{"name":1}]}"##),
        .init(
            "delete an item in a list and preserve order (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2},{"name":3,"value":3}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":1}],"mergingList":[{"$patch":"delete","name":3}]}"##,
            result: ##"{"mergingList":[{"name":2,"other":"b","value":2},{"name":1,"other":"a"}]}"##),
        .init(
            "change an item in a list and preserve order (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":3,"value":3},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":3},{"name":1}],"mergingList":[{"name":3,"value":"x"}]}"##,
            result: ##"{"mergingList":[{"name":2,"value":2},{"name":3,"value":"x"},{"name":1}]}"##),
        .init(
            "change an item in a list and preserve order (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2},{"name":3,"value":3}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":3},{"name":1}],"mergingList":[{"name":3,"value":"x"}]}"##,
            result: ##"{"mergingList":[{"name":2,"other":"b","value":2},{"name":3,"value":"x"},{"name":1,"other":"a"}]}"##),
        .init(
            "add and delete an item in a list and preserve order (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":3,"value":3},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":4},{"name":2},{"name":1}],"mergingList":[{"name":4,"value":4},{"$patch":"delete","name":3}]}"##,
            result: ##"{"mergingList":[{"name":4,"value":4},{"name":2,"value":2},{"name":1}]}"##),
        .init(
            "add and delete an item in a list and preserve order (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"other":"b","value":2},{"name":3,"value":3}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":4},{"name":2},{"name":1}],"mergingList":[{"name":4,"value":4},{"$patch":"delete","name":3}]}"##,
            result: ##"{"mergingList":[{"name":4,"value":4},{"name":2,"other":"b","value":2},{"name":1,"other":"a"}]}"##),
        .init(
            "set elements order in a list (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":3,"value":3},{"name":4,"value":4},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":4},{"name":2},{"name":3},{"name":1}]}"##,
            result: ##"{"mergingList":[{"name":4,"value":4},{"name":2,"value":2},{"name":3,"value":3},{"name":1}]}"##),
        .init(
            "set elements order in a list (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":3,"value":3},{"name":4,"value":4},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":4},{"name":2},{"name":3},{"name":1}]}"##,
            result: ##"{"mergingList":[{"name":4,"value":4},{"name":2,"value":2},{"name":3,"value":3},{"name":1,"other":"a"}]}"##),
        .init(
            "set elements order in a list with server-only items (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":3,"value":3},{"name":4,"value":4},{"name":2,"value":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":4},{"name":2},{"name":3},{"name":1}]}"##,
            result: ##"{"mergingList":[{"name":4,"value":4},{"name":2,"value":2},{"name":3,"value":3},{"name":1}]}"##),
        .init(
            "set elements order in a list with server-only items (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":3,"value":3},{"name":4,"value":4},{"name":2,"value":2},{"name":9}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":4},{"name":2},{"name":3},{"name":1}]}"##,
            result: ##"{"mergingList":[{"name":4,"value":4},{"name":2,"value":2},{"name":3,"value":3},{"name":1,"other":"a"},{"name":9}]}"##),
        .init(
            "set elements order in a list with server-only items 2 (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2},{"name":3,"value":3},{"name":4,"value":4}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3}]}"##,
            result: ##"{"mergingList":[{"name":2,"value":2},{"name":1},{"name":4,"value":4},{"name":3,"value":3}]}"##),
        .init(
            "set elements order in a list with server-only items 2 (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"value":2},{"name":9},{"name":3,"value":3},{"name":4,"value":4}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3}]}"##,
            result: ##"{"mergingList":[{"name":2,"value":2},{"name":1,"other":"a"},{"name":9},{"name":4,"value":4},{"name":3,"value":3}]}"##),
        .init(
            "set elements order in a list with server-only items 3 (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":2},{"name":3,"value":3},{"name":4,"value":4}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3}]}"##,
            result: ##"{"mergingList":[{"name":2,"value":2},{"name":1},{"name":4,"value":4},{"name":3,"value":3}]}"##),
        .init(
            "set elements order in a list with server-only items 3 (three-way)",
            original: ##"{"mergingList":[{"name":1,"other":"a"},{"name":2,"value":2},{"name":7},{"name":9},{"name":8},{"name":3,"value":3},{"name":4,"value":4}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3}]}"##,
            result: ##"{"mergingList":[{"name":2,"value":2},{"name":1,"other":"a"},{"name":7},{"name":9},{"name":8},{"name":4,"value":4},{"name":3,"value":3}]}"##),
        .init(
            "add an item in a int list and preserve order (two-way)",
            original: ##"{"mergingIntList":[1,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[3,1,2],"mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":[3,1,2]}"##),
        .init(
            "add an item in a int list and preserve order (three-way)",
            original: ##"{"mergingIntList":[1,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[3,1,2],"mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":[3,1,2]}"##),
        .init(
            "add multiple items in a int list and preserve order (two-way)",
            original: ##"{"mergingIntList":[1,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[1,4,2,3],"mergingIntList":[4,3]}"##,
            result: ##"{"mergingIntList":[1,4,2,3]}"##),
        .init(
            "add multiple items in a int list and preserve order (three-way)",
            original: ##"{"mergingIntList":[1,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[1,4,2,3],"mergingIntList":[4,3]}"##,
            result: ##"{"mergingIntList":[1,4,2,3]}"##),
        .init(
            "delete an item in a int list and preserve order (two-way)",
            original: ##"{"mergingIntList":[1,3,2]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[2,1]}"##,
            result: ##"{"mergingIntList":[2,1]}"##),
        .init(
            "delete an item in a int list and preserve order (three-way)",
            original: ##"{"mergingIntList":[1,2,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[2,1]}"##,
            result: ##"{"mergingIntList":[2,1]}"##),
        .init(
            "add and delete an item in a int list and preserve order (two-way)",
            original: ##"{"mergingIntList":[1,3,2]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[4,2,1],"mergingIntList":[4]}"##,
            result: ##"{"mergingIntList":[4,2,1]}"##),
        .init(
            "add and delete an item in a int list and preserve order (three-way)",
            original: ##"{"mergingIntList":[1,2,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3],"$setElementOrder/mergingIntList":[4,2,1],"mergingIntList":[4]}"##,
            result: ##"{"mergingIntList":[4,2,1]}"##),
        .init(
            "set elements order in a int list (two-way)",
            original: ##"{"mergingIntList":[1,3,4,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[4,2,3,1]}"##,
            result: ##"{"mergingIntList":[4,2,3,1]}"##),
        .init(
            "set elements order in a int list (three-way)",
            original: ##"{"mergingIntList":[1,3,4,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[4,2,3,1]}"##,
            result: ##"{"mergingIntList":[4,2,3,1]}"##),
        .init(
            "set elements order in a int list with server-only items (two-way)",
            original: ##"{"mergingIntList":[1,3,4,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[4,2,3,1]}"##,
            result: ##"{"mergingIntList":[4,2,3,1]}"##),
        .init(
            "set elements order in a int list with server-only items (three-way)",
            original: ##"{"mergingIntList":[1,3,4,2,9]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[4,2,3,1]}"##,
            result: ##"{"mergingIntList":[4,2,3,1,9]}"##),
        .init(
            "set elements order in a int list with server-only items 2 (two-way)",
            original: ##"{"mergingIntList":[1,2,3,4]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[2,1,4,3]}"##,
            result: ##"{"mergingIntList":[2,1,4,3]}"##),
        .init(
            "set elements order in a int list with server-only items 2 (three-way)",
            original: ##"{"mergingIntList":[1,2,9,3,4]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[2,1,4,3]}"##,
            result: ##"{"mergingIntList":[2,1,9,4,3]}"##),
        .init(
            "set elements order in a int list with server-only items 3 (two-way)",
            original: ##"{"mergingIntList":[1,2,3,4]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[2,1,4,3]}"##,
            result: ##"{"mergingIntList":[2,1,4,3]}"##),
        .init(
            "set elements order in a int list with server-only items 3 (three-way)",
            original: ##"{"mergingIntList":[1,2,7,9,8,3,4]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[2,1,4,3]}"##,
            result: ##"{"mergingIntList":[2,1,7,9,8,4,3]}"##),
        .init(
            "behavior of set element order for a merging list with duplicate (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":"dup1"},{"name":3},{"name":2,"value":"dup2"},{"name":4}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3},{"name":2}]}"##,
            result: ##"{"mergingList":[{"name":2,"value":"dup1"},{"name":2,"value":"dup2"},{"name":1},{"name":4},{"name":3}]}"##),
        .init(
            "behavior of set element order for a merging list with duplicate (three-way)",
            original: ##"{"mergingList":[{"name":1},{"name":2,"value":"dup1"},{"name":3},{"name":2,"value":"dup2"},{"name":4}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3},{"name":2}]}"##,
            result: ##"{"mergingList":[{"name":2,"value":"dup1"},{"name":2,"value":"dup2"},{"name":1},{"name":4},{"name":3}]}"##),
        .init(
            "behavior of set element order for a merging int list with duplicate (two-way)",
            original: ##"{"mergingIntList":[1,2,3,2,4]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[2,1,4,3,2]}"##,
            result: ##"{"mergingIntList":[2,2,1,4,3]}"##),
        .init(
            "behavior of set element order for a merging int list with duplicate (three-way)",
            original: ##"{"mergingIntList":[1,2,3,2,4]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[2,1,4,3,2]}"##,
            result: ##"{"mergingIntList":[2,2,1,4,3]}"##),
        .init(
            "retainKeys map should clear defaulted field (two-way)",
            original: ##"{}"##,
            patch: ##"{"retainKeysMap":{"other":"bar"}}"##,
            result: ##"{"retainKeysMap":{"other":"bar"}}"##),
        .init(
            "retainKeys map should clear defaulted field (three-way)",
            original: ##"{"retainKeysMap":{"value":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["other"],"other":"bar"}}"##,
            result: ##"{"retainKeysMap":{"other":"bar"}}"##),
        .init(
            "retainKeys map should clear defaulted field with conflict (discriminated union) (two-way)",
            original: ##"{}"##,
            patch: ##"{"retainKeysMap":{"name":"type2","other":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"type2","other":"bar"}}"##),
        .init(
            "retainKeys map should clear defaulted field with conflict (discriminated union) (three-way)",
            original: ##"{"retainKeysMap":{"name":"type1","value":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","other"],"name":"type2","other":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"type2","other":"bar"}}"##),
        .init(
            "retainKeys map adds a field (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map adds a field (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map adds a field and clear a field (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map adds a field and clear a field (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","other":"a"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map deletes a field (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name"],"value":null}}"##,
            result: ##"{"retainKeysMap":{"name":"foo"}}"##),
        .init(
            "retainKeys map deletes a field (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name"],"value":null}}"##,
            result: ##"{"retainKeysMap":{"name":"foo"}}"##),
        .init(
            "retainKeys map deletes a field and clears a field (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name"],"value":null}}"##,
            result: ##"{"retainKeysMap":{"name":"foo"}}"##),
        .init(
            "retainKeys map deletes a field and clears a field (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","other":"a","value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name"],"value":null}}"##,
            result: ##"{"retainKeysMap":{"name":"foo"}}"##),
        .init(
            "retainKeys map clears a field (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##,
            patch: ##"{}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map clears a field (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","other":"a","value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"]}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map nested map with no change (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a"}}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a"},"value":"bar"}}"##),
        .init(
            "retainKeys map nested map with no change (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a"}}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a"},"value":"bar"}}"##),
        .init(
            "retainKeys map adds a field in a nested map (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a"},"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key2":"b"}}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key2":"b"},"value":"bar"}}"##),
        .init(
            "retainKeys map adds a field in a nested map (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key3":"c"},"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key2":"b"}}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key2":"b","key3":"c"},"value":"bar"}}"##),
        .init(
            "retainKeys map deletes a field in a nested map (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key2":"b"},"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key2":null}}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a"},"value":"bar"}}"##),
        .init(
            "retainKeys map deletes a field in a nested map (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key2":"b","key3":"c"},"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key2":null}}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key3":"c"},"value":"bar"}}"##),
        .init(
            "retainKeys map changes a field in a nested map (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key2":"b"},"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key1":"x"}}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"x","key2":"b"},"value":"bar"}}"##),
        .init(
            "retainKeys map changes a field in a nested map (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key2":"b","key3":"c"},"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key1":"x"}}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"x","key2":"b","key3":"c"},"value":"bar"}}"##),
        .init(
            "retainKeys map changes a field in a nested map with conflict (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"old","key2":"b"},"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key1":"modified"}}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"modified","key2":"b"},"value":"bar"}}"##),
        .init(
            "retainKeys map changes a field in a nested map with conflict (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"new","key2":"b","key3":"c"},"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key1":"modified"}}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","simpleMap":{"key1":"modified","key2":"b","key3":"c"},"value":"bar"}}"##),
        .init(
            "retainKeys map replaces non-merging list (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}],"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","nonMergingList","value"],"nonMergingList":[{"name":"a"},{"name":"c"},{"name":"b"}]}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"c"},{"name":"b"}],"value":"bar"}}"##),
        .init(
            "retainKeys map replaces non-merging list (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}],"value":"bar"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","nonMergingList","value"],"nonMergingList":[{"name":"a"},{"name":"c"},{"name":"b"}]}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"c"},{"name":"b"}],"value":"bar"}}"##),
        .init(
            "retainKeys map nested non-merging list with no change (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}]}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","nonMergingList","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}],"value":"bar"}}"##),
        .init(
            "retainKeys map nested non-merging list with no change (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}]}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","nonMergingList","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}],"value":"bar"}}"##),
        .init(
            "retainKeys map nested non-merging list with no change with conflict (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}]}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","nonMergingList","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}],"value":"bar"}}"##),
        .init(
            "retainKeys map nested non-merging list with no change with conflict (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"},{"name":"c"}]}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","nonMergingList","value"],"nonMergingList":[{"name":"a"},{"name":"b"}],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}],"value":"bar"}}"##),
        .init(
            "retainKeys map deletes nested non-merging list (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}]}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"nonMergingList":null,"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map deletes nested non-merging list (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}]}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"nonMergingList":null,"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map delete nested non-merging list with conflict (two-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"}]}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"nonMergingList":null,"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map delete nested non-merging list with conflict (three-way)",
            original: ##"{"retainKeysMap":{"name":"foo","nonMergingList":[{"name":"a"},{"name":"b"},{"name":"c"}]}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"nonMergingList":null,"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map nested merging int list with no change (two-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingIntList","name","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"mergingIntList":[1,2],"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map nested merging int list with no change (three-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2,3],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingIntList","name","value"],"$setElementOrder/mergingIntList":[1,2],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"mergingIntList":[1,2,3],"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map adds an item in nested merging int list (two-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingIntList","name"],"$setElementOrder/mergingIntList":[1,2,4],"mergingIntList":[4]}}"##,
            result: ##"{"retainKeysMap":{"mergingIntList":[1,2,4],"name":"foo"}}"##),
        .init(
            "retainKeys map adds an item in nested merging int list (three-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2,3],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingIntList","name"],"$setElementOrder/mergingIntList":[1,2,4],"mergingIntList":[4]}}"##,
            result: ##"{"retainKeysMap":{"mergingIntList":[1,2,4,3],"name":"foo"}}"##),
        .init(
            "retainKeys map deletes an item in nested merging int list (two-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2,3],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$deleteFromPrimitiveList/mergingIntList":[2],"$retainKeys":["mergingIntList","name"],"$setElementOrder/mergingIntList":[1,3]}}"##,
            result: ##"{"retainKeysMap":{"mergingIntList":[1,3],"name":"foo"}}"##),
        .init(
            "retainKeys map deletes an item in nested merging int list (three-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2,3,4],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$deleteFromPrimitiveList/mergingIntList":[2],"$retainKeys":["mergingIntList","name"],"$setElementOrder/mergingIntList":[1,3]}}"##,
            result: ##"{"retainKeysMap":{"mergingIntList":[1,3,4],"name":"foo"}}"##),
        .init(
            "retainKeys map adds an item and deletes an item in nested merging int list (two-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2,3],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$deleteFromPrimitiveList/mergingIntList":[2],"$retainKeys":["mergingIntList","name"],"$setElementOrder/mergingIntList":[1,3,5],"mergingIntList":[5]}}"##,
            result: ##"{"retainKeysMap":{"mergingIntList":[1,3,5],"name":"foo"}}"##),
        .init(
            "retainKeys map adds an item and deletes an item in nested merging int list (three-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2,3,4],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$deleteFromPrimitiveList/mergingIntList":[2],"$retainKeys":["mergingIntList","name"],"$setElementOrder/mergingIntList":[1,3,5],"mergingIntList":[5]}}"##,
            result: ##"{"retainKeysMap":{"mergingIntList":[1,3,5,4],"name":"foo"}}"##),
        .init(
            "retainKeys map deletes nested merging int list (two-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2,3],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name"],"mergingIntList":null}}"##,
            result: ##"{"retainKeysMap":{"name":"foo"}}"##),
        .init(
            "retainKeys map deletes nested merging int list (three-way)",
            original: ##"{"retainKeysMap":{"mergingIntList":[1,2,3],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name"],"mergingIntList":null}}"##,
            result: ##"{"retainKeysMap":{"name":"foo"}}"##),
        .init(
            "retainKeys map nested merging list with no change (two-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingList","name","value"],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"}],"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map nested merging list with no change (three-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"},{"name":"c"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingList","name","value"],"$setElementOrder/mergingList":[{"name":"a"},{"name":"b"}],"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"},{"name":"c"}],"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map adds an item in nested merging list (two-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingList","name"],"$setElementOrder/mergingList":[{"name":"a"},{"name":"b"},{"name":"c"}],"mergingList":[{"name":"c"}]}}"##,
            result: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"},{"name":"c"}],"name":"foo"}}"##),
        .init(
            "retainKeys map adds an item in nested merging list (three-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"},{"name":"x"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingList","name"],"$setElementOrder/mergingList":[{"name":"a"},{"name":"b"},{"name":"c"}],"mergingList":[{"name":"c"}]}}"##,
            result: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"x"}],"name":"foo"}}"##),
        .init(
            "retainKeys map changes an item in nested merging list (two-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b","value":"foo"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingList","name"],"$setElementOrder/mergingList":[{"name":"a"},{"name":"b"}],"mergingList":[{"name":"b","value":"bar"}]}}"##,
            result: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b","value":"bar"}],"name":"foo"}}"##),
        .init(
            "retainKeys map changes an item in nested merging list (three-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b","value":"foo"},{"name":"x"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingList","name"],"$setElementOrder/mergingList":[{"name":"a"},{"name":"b"}],"mergingList":[{"name":"b","value":"bar"}]}}"##,
            result: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b","value":"bar"},{"name":"x"}],"name":"foo"}}"##),
        .init(
            "retainKeys map deletes nested merging list (two-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"mergingList":null,"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map deletes nested merging list (three-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["name","value"],"mergingList":null,"value":"bar"}}"##,
            result: ##"{"retainKeysMap":{"name":"foo","value":"bar"}}"##),
        .init(
            "retainKeys map deletes an item in nested merging list (two-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingList","name"],"$setElementOrder/mergingList":[{"name":"a"}],"mergingList":[{"$patch":"delete","name":"b"}]}}"##,
            result: ##"{"retainKeysMap":{"mergingList":[{"name":"a"}],"name":"foo"}}"##),
        .init(
            "retainKeys map deletes an item in nested merging list (three-way)",
            original: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"b"},{"name":"x"}],"name":"foo"}}"##,
            patch: ##"{"retainKeysMap":{"$retainKeys":["mergingList","name"],"$setElementOrder/mergingList":[{"name":"a"}],"mergingList":[{"$patch":"delete","name":"b"}]}}"##,
            result: ##"{"retainKeysMap":{"mergingList":[{"name":"a"},{"name":"x"}],"name":"foo"}}"##),
        .init(
            "retainKeys list of maps clears a field (two-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##,
            patch: ##"{}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##),
        .init(
            "retainKeys list of maps clears a field (three-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","other":"x","value":"a"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##),
        .init(
            "retainKeys list of maps clears a field with conflict (two-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"old"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"modified"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"modified"}]}"##),
        .init(
            "retainKeys list of maps clears a field with conflict (three-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","other":"x","value":"new"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"modified"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"modified"}]}"##),
        .init(
            "retainKeys list of maps changes a field and clear a field (two-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"old"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"new"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"new"}]}"##),
        .init(
            "retainKeys list of maps changes a field and clear a field (three-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","other":"x","value":"old"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"new"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"new"}]}"##),
        .init(
            "retainKeys list of maps changes a field and clear a field with conflict (two-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"old"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"new"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"new"}]}"##),
        .init(
            "retainKeys list of maps changes a field and clear a field with conflict (three-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","other":"x","value":"modified"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"new"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"new"}]}"##),
        .init(
            "retainKeys list of maps adds a field (two-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"a"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##),
        .init(
            "retainKeys list of maps adds a field (three-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"a"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##),
        .init(
            "retainKeys list of maps adds a field and clear a field (two-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"a"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##),
        .init(
            "retainKeys list of maps adds a field and clear a field (three-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","other":"x"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name","value"],"name":"foo","value":"a"}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##),
        .init(
            "retainKeys list of maps deletes a field (two-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name"],"name":"foo","value":null}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo"}]}"##),
        .init(
            "retainKeys list of maps deletes a field (three-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name"],"name":"foo","value":null}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo"}]}"##),
        .init(
            "retainKeys list of maps deletes a field and clear a field (two-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name"],"name":"foo","value":null}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo"}]}"##),
        .init(
            "retainKeys list of maps deletes a field and clear a field (three-way)",
            original: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","other":"x","value":"a"}]}"##,
            patch: ##"{"$setElementOrder/retainKeysMergingList":[{"name":"bar"},{"name":"foo"}],"retainKeysMergingList":[{"$retainKeys":["name"],"name":"foo","value":null}]}"##,
            result: ##"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo"}]}"##),
        .init(
            "delete and reorder in one list, reorder in another (two-way)",
            original: ##"{"mergeItemPtr":[{"name":"c","value":"c"},{"name":"d","value":"d"}],"mergingList":[{"name":"a","value":"a"},{"name":"b","value":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":"d"},{"name":"c"}],"$setElementOrder/mergingList":[{"name":"b"}],"mergingList":[{"$patch":"delete","name":"a"}]}"##,
            result: ##"{"mergeItemPtr":[{"name":"d","value":"d"},{"name":"c","value":"c"}],"mergingList":[{"name":"b","value":"b"}]}"##),
        .init(
            "delete and reorder in one list, reorder in another (three-way)",
            original: ##"{"mergeItemPtr":[{"name":"c","value":"c"},{"name":"d","value":"d"}],"mergingList":[{"name":"a","value":"a"},{"name":"b","value":"b"}]}"##,
            patch: ##"{"$setElementOrder/mergeItemPtr":[{"name":"d"},{"name":"c"}],"$setElementOrder/mergingList":[{"name":"b"}],"mergingList":[{"$patch":"delete","name":"a"}]}"##,
            result: ##"{"mergeItemPtr":[{"name":"d","value":"d"},{"name":"c","value":"c"}],"mergingList":[{"name":"b","value":"b"}]}"##),
        .init(
            "$setElementOrder contains item that is not present in the list to be merged (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":3}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":3},{"name":2},{"name":1}],"mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}"##,
            result: ##"{"mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}"##),
        .init(
            "$setElementOrder contains item that is not present in the int list to be merged (two-way)",
            original: ##"{"mergingIntList":[1,3]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[3,2,1]}"##,
            result: ##"{"mergingIntList":[3,1]}"##),
        .init(
            "should check if order in $setElementOrder and patch list match (two-way)",
            original: ##"{"mergingList":[{"name":1},{"name":3},{"name":2}]}"##,
            patch: ##"{"$setElementOrder/mergingList":[{"name":1},{"name":2},{"name":3}],"mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}"##,
            error: "doesn't match"),
        .init(
            "$setElementOrder contains item that is not present in the int list to be merged (two-way)",
            original: ##"{"mergingIntList":[1,3,2]}"##,
            patch: ##"{"$setElementOrder/mergingIntList":[1,2,3],"mergingIntList":[3,1]}"##,
            error: "doesn't match"),
        .init(
            "missing merge key should error out (two-way)",
            original: ##"{"mergingList":[{"name":1,"value":"a"}]}"##,
            patch: ##"{"mergingList":[{"value":"b"}]}"##,
            error: "does not contain declared merge key"),
        .init(
            "$deleteFromPrimitiveList of nonexistent item in primitive list should not add the item to the list (two-way)",
            original: ##"{"mergingIntList":[1,2]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":[1,2]}"##),
        .init(
            "$deleteFromPrimitiveList on empty primitive list should not add the item to the list (two-way)",
            original: ##"{"mergingIntList":null}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3]}"##,
            result: ##"{"mergingIntList":null}"##),
        .init(
            "$deleteFromPrimitiveList on nonexistent primitive list should not add the primitive list (two-way)",
            original: ##"{"foo":["bar"]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[3]}"##,
            result: ##"{"foo":["bar"]}"##),
        .init(
            "$deleteFromPrimitiveList should delete item from a list with merge patch strategy (two-way)",
            original: ##"{"mergingIntList":[1,2,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/mergingIntList":[2]}"##,
            result: ##"{"mergingIntList":[1,3]}"##),
        .init(
            "$deleteFromPrimitiveList should delete item from a list without merge patch strategy (two-way)",
            original: ##"{"nonMergingIntList":[1,2,3]}"##,
            patch: ##"{"$deleteFromPrimitiveList/nonMergingIntList":[2]}"##,
            result: ##"{"nonMergingIntList":[1,3]}"##),
    ]
}
