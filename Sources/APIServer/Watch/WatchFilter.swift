import Resources

/// Which objects a list or watch asks for: a namespace, a label selector and a field selector.
public struct WatchFilter: Sendable {
    public var resource: ServedResource
    /// Empty: every namespace.
    public var namespace: String
    public var labels: Selector
    public var fields: FieldSelector

    public init(resource: ServedResource, namespace: String, labels: Selector, fields: FieldSelector) {
        self.resource = resource
        self.namespace = namespace
        self.labels = labels
        self.fields = fields
    }

    /// The store prefix that holds every candidate.
    var prefix: String { ObjectKeys.prefix(resource.type, namespace: namespace) }

    public func matches(_ object: JSONValue) -> Bool {
        if resource.type.namespaced, !namespace.isEmpty, object.namespace != namespace { return false }
        if !labels.isEmpty, !labels.matches(object.labels) { return false }
        if !fields.isEmpty, !fields.matches(resource.selectorFields(of: object)) { return false }
        return true
    }
}
