import Resources

/// The order of merged lists and the `$setElementOrder/<field>` directive: upstream
/// `mergePatchIntoOriginal`, `validatePatchWithSetOrderList`, `normalizeElementOrder`,
/// `mergeSortedSlice` and the partition helpers.
extension StrategicMergePatch {
    /// How list elements are identified and ordered: by the value of `mergeKey` for lists of
    /// maps, by the whole value for lists of primitives (`mergeKey` nil).
    struct ElementOrder {
        let mergeKey: String?

        /// The identity of `element`: its merge key value (nil when it has none), or itself.
        private func identity(_ element: JSONValue) -> JSONValue? {
            guard let mergeKey else { return element }
            return element[mergeKey]
        }

        /// The position of the first element of `list` with `element`'s identity.
        func index(of element: JSONValue, in list: [JSONValue]) -> Int? {
            guard let wanted = identity(element) else { return nil }
            return list.firstIndex { identity($0)?.isSameJSON(as: wanted) ?? false }
        }

        /// Splits `list` into the elements `partitionBy` names and the others ("server only"),
        /// each in `list`'s order. With a merge key, every element must be a map carrying it.
        func partition(_ list: [JSONValue], by partitionBy: [JSONValue], at path: String) throws(PatchError) -> (named: [JSONValue], others: [JSONValue]) {
            try requireMergeKey(in: list, at: path)
            var named: [JSONValue] = []
            var others: [JSONValue] = []
            for element in list {
                if index(of: element, in: partitionBy) != nil { named.append(element) } else { others.append(element) }
            }
            return (named, others)
        }

        /// Upstream `normalizeElementOrder`: sorts the patch items by `patchOrder` and the
        /// server-only items by `serverOrder`, then interleaves them (`interleave`).
        func normalize(
            patchItems: [JSONValue], serverOnly: [JSONValue], patchOrder: [JSONValue], serverOrder: [JSONValue], at path: String
        ) throws(PatchError) -> [JSONValue] {
            try requireMergeKey(in: patchItems + patchOrder + serverOnly + serverOrder, at: path)
            let patchSorted = sorted(patchItems, by: patchOrder)
            let serverSorted = sorted(serverOnly, by: serverOrder)
            return interleave(serverSorted, into: patchSorted, serverOrder: serverOrder)
        }

        /// Upstream `normalizeSliceOrder`: stable sort by position in `order`; elements `order`
        /// lacks keep their relative order after the others (upstream's comparator leaves them
        /// unspecified; in its callers every element is found), and elements marked
        /// `$patch: delete` go last.
        private func sorted(_ list: [JSONValue], by order: [JSONValue]) -> [JSONValue] {
            var kept: [(position: Int, offset: Int, element: JSONValue)] = []
            var deletions: [JSONValue] = []
            for (offset, element) in list.enumerated() {
                if mergeKey != nil, element[StrategicMergeDirective.marker]?.stringValue == StrategicMergeDirective.Action.delete.rawValue {
                    deletions.append(element)
                } else {
                    kept.append((index(of: element, in: order) ?? Int.max, offset, element))
                }
            }
            kept.sort { ($0.position, $0.offset) < ($1.position, $1.offset) }
            return kept.map(\.element) + deletions
        }

        /// Upstream `mergeSortedSlice`: merges two sorted, disjoint lists keeping each one's
        /// order. A server-only element goes before the next patch element only when both are in
        /// `serverOrder` and it came first there; otherwise the patch element goes first.
        private func interleave(_ serverOnly: [JSONValue], into patchItems: [JSONValue], serverOrder: [JSONValue]) -> [JSONValue] {
            var result: [JSONValue] = []
            result.reserveCapacity(serverOnly.count + patchItems.count)
            var i = 0
            var j = 0
            while i < serverOnly.count && j < patchItems.count {
                if let left = index(of: serverOnly[i], in: serverOrder), let right = index(of: patchItems[j], in: serverOrder), left < right {
                    result.append(serverOnly[i])
                    i += 1
                } else {
                    result.append(patchItems[j])
                    j += 1
                }
            }
            result.append(contentsOf: serverOnly[i...])
            result.append(contentsOf: patchItems[j...])
            return result
        }

        /// Upstream `validateMergeKeyInLists`: with a merge key, each element is a map carrying it.
        private func requireMergeKey(in list: [JSONValue], at path: String) throws(PatchError) {
            guard let mergeKey else { return }
            for element in list where element[mergeKey] == nil {
                throw StrategicMergePatch.missingMergeKey(mergeKey, in: element, at: path)
            }
        }
    }

    /// Upstream `mergePatchIntoOriginal`: for each `$setElementOrder/<field>`, merges the field's
    /// patch list (if any) into the original list and orders the result: elements the directive
    /// lists in its order, the others (server-only) interleaved in their original order. The
    /// directive and the field's patch list are consumed from `patch`.
    static func applySetElementOrder(
        to result: inout [String: JSONValue], patch: inout [String: JSONValue], schema: (any StrategicMergeSchema)?, at path: String
    ) throws(PatchError) {
        let prefix = StrategicMergeDirective.setElementOrderPrefix
        for key in patch.keys.sorted() where key.hasPrefix(prefix) {
            let directive = patch.removeValue(forKey: key)!
            guard let field = StrategicMergeDirective.field(of: key, prefix: prefix) else {
                throw error("invalid patch format of setElementOrder list: \(key) must be \(prefix)/<field>", at: path)
            }
            let fieldPath = Self.path(path, field)
            guard case .array(let orderList) = directive else {
                throw error("invalid patch format of setElementOrder list: \(key) must be a list", at: path)
            }
            let originalList = try listValue(result[field], at: fieldPath, role: "the original", nullIsAbsent: true)
            let patchList = try listValue(patch[field], at: fieldPath, role: "the patch", nullIsAbsent: false)

            let member = schema?.member(field)
            let mergeKey = member?.patchMergeKey.flatMap { $0.isEmpty ? nil : $0 }
            try validate(patchList ?? [], against: orderList, mergeKey: mergeKey, at: fieldPath)

            let merged: [JSONValue]
            switch (originalList, patchList) {
            case (let original?, nil):
                merged = original
            case (nil, let patched?):
                merged = try StrategicMergeDirective.cleaned(.array(patched), discardingNulls: false, at: fieldPath)?.arrayValue ?? []
            case (let original?, let patched?):
                merged = try mergeListField(original, patched, member: member, isDeleteList: false, at: fieldPath)
            case (nil, nil):
                continue
            }
            let order = ElementOrder(mergeKey: mergeKey)
            let (patchItems, serverOnly) = try order.partition(merged, by: orderList, at: fieldPath)
            result[field] = .array(
                try order.normalize(
                    patchItems: patchItems, serverOnly: serverOnly, patchOrder: orderList, serverOrder: originalList ?? [], at: fieldPath))
            patch[field] = nil
        }
    }

    /// Upstream `validatePatchWithSetOrderList`: the patch list's elements (deletions and
    /// directives aside) appear in the `$setElementOrder` list, in the same relative order.
    private static func validate(_ patchList: [JSONValue], against orderList: [JSONValue], mergeKey: String?, at path: String) throws(PatchError) {
        guard !patchList.isEmpty, !orderList.isEmpty else { return }
        let considered = patchList.filter { $0[StrategicMergeDirective.marker] == nil }
        var patchIndex = 0
        var orderIndex = 0
        while patchIndex < considered.count && orderIndex < orderList.count {
            if try sameElement(considered[patchIndex], orderList[orderIndex], mergeKey: mergeKey, at: path) {
                patchIndex += 1
            }
            orderIndex += 1
        }
        if patchIndex < considered.count {
            throw error(
                "the order in patch list \(JSONValue.array(patchList).serialized()) doesn't match \(StrategicMergeDirective.setElementOrderPrefix) list \(JSONValue.array(orderList).serialized())",
                at: path)
        }
    }

    /// Upstream `mergeKeyValueEqual`.
    private static func sameElement(_ left: JSONValue, _ right: JSONValue, mergeKey: String?, at path: String) throws(PatchError) -> Bool {
        guard let mergeKey else { return left.isSameJSON(as: right) }
        guard let leftKey = left[mergeKey] else { throw missingMergeKey(mergeKey, in: left, at: path) }
        guard let rightKey = right[mergeKey] else { throw missingMergeKey(mergeKey, in: right, at: path) }
        return leftKey.isSameJSON(as: rightKey)
    }

    /// A field that `$setElementOrder` orders: absent (or null, when `nullIsAbsent`) is nil,
    /// a list is its elements, anything else is an error naming `role`.
    private static func listValue(_ value: JSONValue?, at path: String, role: String, nullIsAbsent: Bool) throws(PatchError) -> [JSONValue]? {
        switch value {
        case nil: return nil
        case .array(let elements)?: return elements
        case .null? where nullIsAbsent: return nil
        case let other?:
            throw error("invalid patch format of setElementOrder list: \(role) value is \(other.serialized()), not a list", at: path)
        }
    }
}
