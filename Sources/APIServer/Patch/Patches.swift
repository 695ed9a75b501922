import Resources

/// Applies a patch of `kind` to `object`; `schema` is the object's strategic-merge metadata
/// (nil: every member behaves as one without metadata).
///
/// Pure: the result depends only on the arguments. Throws `PatchError` for a malformed patch
/// or one that does not apply; `.apply` (server-side apply) always throws, the HTTP layer
/// answers it with 415 before calling here.
public func applyPatch(_ kind: PatchKind, _ patch: JSONValue, to object: JSONValue, schema: (any StrategicMergeSchema)?) throws(PatchError) -> JSONValue {
    switch kind {
    case .json:
        return try JSONPatch(patch).apply(to: object)
    case .merge:
        // RFC 7386 lets a non-object patch replace the whole document; for an API object
        // that can never decode, so it is refused here, as Kubernetes does.
        guard case .object = patch else { throw PatchError("a JSON merge patch must be a JSON object") }
        return JSONMergePatch(patch).apply(to: object)
    case .strategicMerge:
        return try StrategicMergePatch(patch).apply(to: object, schema: schema)
    case .apply:
        throw PatchError("\(kind.rawValue) (server-side apply) is not supported")
    }
}
