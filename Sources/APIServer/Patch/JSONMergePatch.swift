import Resources

/// A JSON merge patch (RFC 7386, `application/merge-patch+json`): `null` removes a member,
/// objects merge recursively, every other value (arrays included) replaces the target.
///
/// A patch that is not an object replaces the whole document, as the RFC says; members of a
/// patch object set where the target had nothing lose their `null`s on the way in.
struct JSONMergePatch: Sendable {
    let patch: JSONValue

    init(_ patch: JSONValue) { self.patch = patch }

    /// The document `target` with this patch applied. Never fails: every JSON value is a
    /// valid merge patch for every document.
    func apply(to target: JSONValue) -> JSONValue {
        Self.merge(patch, into: target)
    }

    /// RFC 7386 section 2, `MergePatch(Target, Patch)`.
    private static func merge(_ patch: JSONValue, into target: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (key, value) in patchMembers {
            if value.isNull {
                result[key] = nil
            } else {
                result[key] = merge(value, into: result[key] ?? .null)
            }
        }
        return .object(result)
    }
}
