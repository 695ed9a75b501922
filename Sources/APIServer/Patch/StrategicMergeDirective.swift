import Resources

/// The directive vocabulary of strategic merge patch (apimachinery `strategicpatch`): keys that
/// instruct the merge instead of carrying data. None of them ever reaches a patched object.
enum StrategicMergeDirective {
    /// `$patch: replace | delete | merge` inside a map or a list element.
    static let marker = "$patch"
    /// `$retainKeys: [keys]`: the map keeps only these keys (then the patch merges in).
    static let retainKeys = "$retainKeys"
    /// `$deleteFromPrimitiveList/<field>: [values]`: removes values from a list of primitives.
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList"
    /// `$setElementOrder/<field>: [elements]`: the order the merged list takes.
    static let setElementOrderPrefix = "$setElementOrder"

    /// The value of a `$patch` marker.
    enum Action: String {
        /// Use the patch's map (or list) as it is, dropping what the original had.
        case replace
        /// Delete the map, or the list element with this merge key.
        case delete
        /// Merge as usual. Upstream refuses it in maps ("unknown patch type"); Capstan accepts
        /// it there as the explicit default, and refuses it in lists as upstream does.
        case merge
    }

    /// The action `value` names; throws for anything else, naming the map it sits in.
    static func action(_ value: JSONValue, in map: [String: JSONValue], at path: String) throws(PatchError) -> Action {
        guard let name = value.stringValue, let action = Action(rawValue: name) else {
            throw StrategicMergePatch.error("unknown patch type: \(value.serialized()) in map: \(JSONValue.object(map).serialized())", at: path)
        }
        return action
    }

    /// Whether `key` is a directive rather than data.
    static func isDirective(_ key: String) -> Bool {
        key == marker || key == retainKeys
            || key.hasPrefix(deleteFromPrimitiveListPrefix) || key.hasPrefix(setElementOrderPrefix)
    }

    /// The field a `<prefix>/<field>` key names, or nil when `key` is not of that form.
    static func field(of key: String, prefix: String) -> String? {
        guard key.hasPrefix(prefix + "/") else { return nil }
        return String(key.dropFirst(prefix.count + 1))
    }

    /// A patch value with no counterpart in the original, made data: maps marked
    /// `$patch: delete` disappear (nil at the top), `replace` and `merge` maps keep their
    /// content, other directive keys are dropped, and with `discardingNulls` so are members
    /// whose value is `null` (they delete nothing, there being nothing to delete).
    ///
    /// Upstream drops any map carrying `$patch` here, even `replace` with content, and leaves
    /// `$retainKeys`/`$setElementOrder` keys in place; Capstan keeps the content and never
    /// lets a directive through.
    static func cleaned(_ value: JSONValue, discardingNulls: Bool, at path: String) throws(PatchError) -> JSONValue? {
        switch value {
        case .object(let members):
            if let marker = members[marker], try action(marker, in: members, at: path) == .delete {
                return nil
            }
            var result: [String: JSONValue] = [:]
            for (key, member) in members where !isDirective(key) {
                if discardingNulls && member.isNull { continue }
                if let kept = try cleaned(member, discardingNulls: discardingNulls, at: StrategicMergePatch.path(path, key)) {
                    result[key] = kept
                }
            }
            return .object(result)
        case .array(let elements):
            var result: [JSONValue] = []
            result.reserveCapacity(elements.count)
            for element in elements {
                if let kept = try cleaned(element, discardingNulls: discardingNulls, at: path) { result.append(kept) }
            }
            return .array(result)
        default:
            return value
        }
    }
}
