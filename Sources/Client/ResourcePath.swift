import Resources

extension ResourceType {
    /// The REST path of this resource's collection in `namespace` (all namespaces, or the
    /// cluster scope, when nil), of one object when `name` is given, and of one of its
    /// subresources, e.g. `/apis/apps/v1/namespaces/default/deployments/web/scale`.
    public func path(namespace: String? = nil, name: String? = nil, subresource: String? = nil) -> String {
        var path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if namespaced, let namespace, !namespace.isEmpty { path += "/namespaces/\(namespace)" }
        path += "/\(plural)"
        if let name {
            path += "/\(name)"
            if let subresource { path += "/\(subresource)" }
        }
        return path
    }
}
