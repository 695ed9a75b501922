import Resources

/// Merging lists: upstream `mergeSlice`, `mergeSliceWithSpecialElements`,
/// `mergeSliceWithoutSpecialElements` and `deleteFromSlice`.
extension StrategicMergePatch {
    /// Merges two lists of one element type: primitives as a union (or, for
    /// `$deleteFromPrimitiveList`, a difference), maps element-wise by `mergeKey`, honouring the
    /// `$patch` elements of `patch`. The result is ordered by `ElementOrder`.
    static func mergeList(
        _ original: [JSONValue], _ patch: [JSONValue], elementSchema: (any StrategicMergeSchema)?, mergeKey: String?,
        isDeleteList: Bool, at path: String
    ) throws(PatchError) -> [JSONValue] {
        if original.isEmpty && patch.isEmpty { return original }
        let kind = try elementKind(original, patch, at: path)

        guard kind == .map else {
            if isDeleteList {
                return original.filter { element in !patch.contains { $0.isSameJSON(as: element) } }
            }
            var merged: [JSONValue] = []
            for element in original + patch where !merged.contains(where: { $0.isSameJSON(as: element) }) {
                merged.append(element)
            }
            let order = ElementOrder(mergeKey: nil)
            let (patchItems, serverOnly) = try order.partition(merged, by: patch, at: path)
            return try order.normalize(patchItems: patchItems, serverOnly: serverOnly, patchOrder: patch, serverOrder: original, at: path)
        }

        guard let mergeKey, !mergeKey.isEmpty else {
            throw error("cannot merge lists without merge key", at: path)
        }
        let (remaining, plainPatch) = try applySpecialElements(of: patch, to: original, mergeKey: mergeKey, at: path)
        var merged = remaining
        for element in plainPatch {
            guard case .object(let patchElement) = element, let keyValue = patchElement[mergeKey] else {
                throw missingMergeKey(mergeKey, in: element, at: path)
            }
            if let index = merged.firstIndex(where: { $0[mergeKey]?.isSameJSON(as: keyValue) ?? false }),
                case .object(let originalElement) = merged[index]
            {
                merged[index] = .object(
                    try mergeMap(originalElement, patchElement, schema: elementSchema, at: elementPath(path, mergeKey, keyValue)))
            } else if let added = try StrategicMergeDirective.cleaned(element, discardingNulls: false, at: path) {
                // Upstream appends the patch element as it is, nulls included.
                merged.append(added)
            }
        }
        let order = ElementOrder(mergeKey: mergeKey)
        let (patchItems, serverOnly) = try order.partition(merged, by: plainPatch, at: path)
        return try order.normalize(patchItems: patchItems, serverOnly: serverOnly, patchOrder: plainPatch, serverOrder: remaining, at: path)
    }

    /// Upstream `mergeSliceWithSpecialElements`: performs the `$patch` elements of a list of maps.
    /// `{$patch: delete, <key>: v}` deletes every original element with that key value;
    /// `{$patch: replace}` makes the other patch elements the whole list; `merge` is refused.
    /// Returns the original left after that and the patch elements still to merge.
    private static func applySpecialElements(
        of patch: [JSONValue], to original: [JSONValue], mergeKey: String, at path: String
    ) throws(PatchError) -> (original: [JSONValue], patch: [JSONValue]) {
        var original = original
        var plain: [JSONValue] = []
        var replace = false
        for element in patch {
            guard case .object(let members) = element, let marker = members[StrategicMergeDirective.marker] else {
                plain.append(element)
                continue
            }
            switch try StrategicMergeDirective.action(marker, in: members, at: path) {
            case .delete:
                guard let keyValue = members[mergeKey] else { throw missingMergeKey(mergeKey, in: element, at: path) }
                original.removeAll { $0[mergeKey]?.isSameJSON(as: keyValue) ?? false }
            case .replace:
                replace = true
            case .merge:
                throw error("merging lists cannot yet be specified in the patch", at: path)
            }
        }
        if replace {
            var replacement: [JSONValue] = []
            for element in plain {
                if let kept = try StrategicMergeDirective.cleaned(element, discardingNulls: false, at: path) { replacement.append(kept) }
            }
            return (replacement, [])
        }
        return (original, plain)
    }

    /// Upstream `sliceElementType`: every element of both lists has one JSON type, and that is
    /// not a list.
    private static func elementKind(_ original: [JSONValue], _ patch: [JSONValue], at path: String) throws(PatchError) -> ValueKind {
        var kind: ValueKind?
        for element in original + patch {
            let elementKind = ValueKind(element)
            if elementKind == .list { throw error("lists of lists are not supported", at: path) }
            if let kind, kind != elementKind {
                throw error(
                    "list element types are not identical: \(JSONValue.array(original).serialized()) and \(JSONValue.array(patch).serialized())",
                    at: path)
            }
            kind = elementKind
        }
        return kind ?? .null
    }

    static func missingMergeKey(_ mergeKey: String, in element: JSONValue, at path: String) -> PatchError {
        error("map: \(element.serialized()) does not contain declared merge key: \(mergeKey)", at: path)
    }

    /// `path[key=value]`, naming a list element in error messages.
    private static func elementPath(_ path: String, _ mergeKey: String, _ keyValue: JSONValue) -> String {
        let shown = keyValue.stringValue ?? keyValue.serialized()
        return "\(path)[\(mergeKey)=\(shown)]"
    }
}
