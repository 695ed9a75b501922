import Resources

/// A strategic merge patch (`application/strategic-merge-patch+json`), applied as apimachinery's
/// `StrategicMergePatchUsingLookupPatchMeta` does (`pkg/util/strategicpatch/patch.go`,
/// `mergeMap` and friends):
///
/// - maps merge recursively; a `null` member deletes the key (and is dropped where the original
///   has nothing to delete); scalars and mismatched types are replaced;
/// - a list whose member has `patchStrategy: merge` merges: lists of maps element-wise by the
///   `patchMergeKey`, lists of primitives as a union without duplicates; any other list is
///   replaced whole; a map member with strategy `replace` is replaced whole;
/// - the directives `$patch`, `$retainKeys`, `$deleteFromPrimitiveList/<f>` and
///   `$setElementOrder/<f>` steer the merge and never appear in the result;
/// - a member the schema does not know (nil) behaves as one without metadata.
///
/// The merged order of a list follows upstream: patch elements in patch order, interleaved
/// with the elements only the original has, kept in their original order and placed before a
/// patch element when the original had them before it (see `StrategicMergePatch+ElementOrder`).
struct StrategicMergePatch: Sendable {
    let patch: [String: JSONValue]

    /// Throws unless `patch` is a JSON object.
    init(_ patch: JSONValue) throws(PatchError) {
        guard case .object(let members) = patch else {
            throw PatchError("a strategic merge patch must be a JSON object")
        }
        self.patch = members
    }

    /// `object` with this patch merged in; `schema` describes `object`'s type.
    func apply(to object: JSONValue, schema: (any StrategicMergeSchema)?) throws(PatchError) -> JSONValue {
        guard case .object(let original) = object else {
            throw PatchError("a strategic merge patch applies only to a JSON object")
        }
        return .object(try Self.mergeMap(original, patch, schema: schema, at: ""))
    }

    // MARK: Maps

    /// Upstream `mergeMap`: merges `patch` into `original`, directives first (`$patch`, then
    /// `$retainKeys`, then `$setElementOrder/…`), then every other key in sorted order.
    static func mergeMap(
        _ original: [String: JSONValue], _ patch: [String: JSONValue], schema: (any StrategicMergeSchema)?, at path: String
    ) throws(PatchError) -> [String: JSONValue] {
        var patch = patch
        if let marker = patch[StrategicMergeDirective.marker] {
            let action = try StrategicMergeDirective.action(marker, in: patch, at: path)
            patch[StrategicMergeDirective.marker] = nil
            switch action {
            case .replace:
                return try StrategicMergeDirective.cleaned(.object(patch), discardingNulls: false, at: path)?.objectValue ?? [:]
            case .delete:
                return [:]
            case .merge:
                break
            }
        }
        var result = original
        try applyRetainKeys(to: &result, patch: &patch, at: path)
        try applySetElementOrder(to: &result, patch: &patch, schema: schema, at: path)

        for key in patch.keys.sorted() {
            let patchValue = patch[key]!
            var field = key
            var isDeleteList = false
            if key.hasPrefix(StrategicMergeDirective.deleteFromPrimitiveListPrefix) {
                guard let named = StrategicMergeDirective.field(of: key, prefix: StrategicMergeDirective.deleteFromPrimitiveListPrefix) else {
                    throw error("invalid patch format of primitive list: \(key) must be \(StrategicMergeDirective.deleteFromPrimitiveListPrefix)/<field>", at: path)
                }
                field = named
                isDeleteList = true
            }
            let fieldPath = Self.path(path, field)

            if patchValue.isNull {
                result[field] = nil
                continue
            }
            guard let originalValue = result[field], ValueKind(originalValue) == ValueKind(patchValue) else {
                // Nothing (or nothing of the same type) to merge with: the patch value is the
                // new value, unless it only listed values to delete.
                if !isDeleteList {
                    result[field] = try StrategicMergeDirective.cleaned(patchValue, discardingNulls: true, at: fieldPath)
                }
                continue
            }
            switch (originalValue, patchValue) {
            case (.object(let originalMap), .object(let patchMap)):
                let member = schema?.member(field)
                if try strategy(of: member, at: fieldPath) == .replace {
                    result[field] = try StrategicMergeDirective.cleaned(patchValue, discardingNulls: false, at: fieldPath)
                } else {
                    result[field] = .object(try mergeMap(originalMap, patchMap, schema: member?.valueSchema, at: fieldPath))
                }
            case (.array(let originalList), .array(let patchList)):
                let member = schema?.member(field)
                result[field] = .array(
                    try mergeListField(
                        originalList, patchList, member: member, isDeleteList: isDeleteList, at: fieldPath))
            default:
                result[field] = patchValue
            }
        }
        return result
    }

    /// Upstream `mergeSliceHandler`: merge lists (and every `$deleteFromPrimitiveList`) merge,
    /// other lists take the patch.
    static func mergeListField(
        _ original: [JSONValue], _ patch: [JSONValue], member: StrategicMergeMember?, isDeleteList: Bool, at path: String
    ) throws(PatchError) -> [JSONValue] {
        if try strategy(of: member, at: path) == .merge || isDeleteList {
            return try mergeList(
                original, patch, elementSchema: member?.valueSchema, mergeKey: member?.patchMergeKey, isDeleteList: isDeleteList, at: path)
        }
        return try StrategicMergeDirective.cleaned(.array(patch), discardingNulls: false, at: path)?.arrayValue ?? []
    }

    /// Upstream `applyRetainKeysDirective`: with `$retainKeys`, the original keeps only the
    /// listed keys, and every non-null key of the patch must be listed.
    private static func applyRetainKeys(to result: inout [String: JSONValue], patch: inout [String: JSONValue], at path: String) throws(PatchError) {
        guard let directive = patch.removeValue(forKey: StrategicMergeDirective.retainKeys) else { return }
        guard case .array(let listed) = directive else {
            throw error("invalid patch format of retainKeys: \(StrategicMergeDirective.retainKeys) must be a list of keys", at: path)
        }
        let retained = Set(listed.compactMap(\.stringValue))
        for (key, value) in patch where !value.isNull && !StrategicMergeDirective.isDirective(key) && !retained.contains(key) {
            throw error("invalid patch format of retainKeys: \"\(key)\" is patched but not listed in \(StrategicMergeDirective.retainKeys)", at: path)
        }
        result = result.filter { retained.contains($0.key) }
    }

    // MARK: Metadata

    /// The patch strategy of a member besides `retainKeys` (which only shapes how patches are
    /// computed, not applied).
    enum Strategy: String {
        case merge, replace
    }

    /// Upstream `extractRetainKeysPatchStrategy`: at most one strategy besides `retainKeys`.
    static func strategy(of member: StrategicMergeMember?, at path: String) throws(PatchError) -> Strategy? {
        var strategies = member?.patchStrategies ?? []
        strategies.remove("retainKeys")
        guard strategies.count <= 1 else {
            throw error("unexpected patch strategy: \(strategies.sorted())", at: path)
        }
        guard let name = strategies.first else { return nil }
        guard let strategy = Strategy(rawValue: name) else {
            throw error("unexpected patch strategy: \(name)", at: path)
        }
        return strategy
    }

    /// The JSON type of a value as upstream compares them (`reflect.TypeOf` on decoded JSON):
    /// all numbers are one type.
    enum ValueKind: Equatable {
        case null, bool, number, string, list, map

        init(_ value: JSONValue) {
            switch value {
            case .null: self = .null
            case .bool: self = .bool
            case .integer, .number: self = .number
            case .string: self = .string
            case .array: self = .list
            case .object: self = .map
            }
        }
    }

    // MARK: Errors

    /// `parent.key`, or `key` at the top.
    static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : parent + "." + key
    }

    /// A patch error prefixed with the field path it concerns.
    static func error(_ message: String, at path: String) -> PatchError {
        PatchError(path.isEmpty ? message : "\(path): \(message)")
    }
}
