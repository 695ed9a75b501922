import Testing
import Resources
@testable import APIServer

/// The upstream strategic merge test tables (`UpstreamStrategicMergeCase.all`), applied to
/// `MergeItem` objects.
@Suite struct UpstreamStrategicMergePatchTests {
    /// Upstream results Capstan deliberately does not reproduce, and what it gives instead.
    ///
    /// Both stem from Go slice aliasing in upstream `mergePatchIntoOriginal`: merging deletes
    /// element 1 from the original list and appends new elements into its spare capacity, in
    /// place, and the `$setElementOrder` pass then reads that rewritten array as "the original
    /// order". What it sees depends on the array's capacity, so Capstan orders by the original
    /// list as received. Only the position of server-only elements among new ones differs.
    static let divergences: [String: String] = [
        "add map and delete map from merging list (three-way)":
            #"{"mergingList":[{"name":2,"other":"b"},{"name":3},{"name":4,"other":"c"}]}"#,
        "add map and delete map from merging list with conflict (three-way)":
            #"{"mergingList":[{"name":2},{"name":3},{"name":4,"other":"c"}]}"#,
    ]

    @Test(arguments: UpstreamStrategicMergeCase.all)
    func patchGivesUpstreamResult(_ testCase: UpstreamStrategicMergeCase) throws {
        let original = try json(testCase.original)
        let patch = try json(testCase.patch)
        if let expected = Self.divergences[testCase.description] ?? testCase.result {
            let result = try applyPatch(.strategicMerge, patch, to: original, schema: MergeItemSchema())
            #expect(result.serialized() == (try json(expected)).serialized())
        } else {
            let error = #expect(throws: PatchError.self) {
                try applyPatch(.strategicMerge, patch, to: original, schema: MergeItemSchema())
            }
            #expect(error?.message.contains(testCase.error ?? "") == true, "\(error?.message ?? "no error")")
        }
    }

    @Test func everyDivergenceNamesAnUpstreamCase() {
        let names = Set(UpstreamStrategicMergeCase.all.map(\.description))
        #expect(Self.divergences.keys.allSatisfy(names.contains))
    }
}
