/// The patch media types the API server accepts; the raw value is the `Content-Type` of a
/// PATCH request.
public enum PatchKind: String, Sendable {
    case json = "application/json-patch+json"
    case merge = "application/merge-patch+json"
    case strategicMerge = "application/strategic-merge-patch+json"
    case apply = "application/apply-patch+yaml"
}
