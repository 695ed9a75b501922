/// The query of a list or a watch: selectors, paging, and where in history to start.
public struct ListOptions: Sendable, Hashable {
    public var labelSelector: String?
    public var fieldSelector: String?
    public var limit: Int?
    public var continueToken: String?
    public var resourceVersion: String?
    /// `Exact` or `NotOlderThan`, with `resourceVersion`.
    public var resourceVersionMatch: String?
    /// For a watch: the server ends it after this many seconds.
    public var timeoutSeconds: Int?
    /// For a watch: ask for BOOKMARK events.
    public var allowWatchBookmarks: Bool
    /// For a watch: start with the current objects as ADDED, then a bookmark.
    public var sendInitialEvents: Bool?

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil,
                resourceVersion: String? = nil, resourceVersionMatch: String? = nil, timeoutSeconds: Int? = nil,
                allowWatchBookmarks: Bool = false, sendInitialEvents: Bool? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
        self.resourceVersionMatch = resourceVersionMatch
        self.timeoutSeconds = timeoutSeconds
        self.allowWatchBookmarks = allowWatchBookmarks
        self.sendInitialEvents = sendInitialEvents
    }

    /// The query parameters, with `watch=true` first for a watch.
    func queryItems(watch: Bool) -> [QueryItem] {
        var items: [QueryItem] = []
        if watch { items.append(QueryItem("watch", "true")) }
        if let labelSelector, !labelSelector.isEmpty { items.append(QueryItem("labelSelector", labelSelector)) }
        if let fieldSelector, !fieldSelector.isEmpty { items.append(QueryItem("fieldSelector", fieldSelector)) }
        if let limit { items.append(QueryItem("limit", String(limit))) }
        if let continueToken { items.append(QueryItem("continue", continueToken)) }
        if let resourceVersion { items.append(QueryItem("resourceVersion", resourceVersion)) }
        if let resourceVersionMatch { items.append(QueryItem("resourceVersionMatch", resourceVersionMatch)) }
        if let timeoutSeconds { items.append(QueryItem("timeoutSeconds", String(timeoutSeconds))) }
        if watch, allowWatchBookmarks { items.append(QueryItem("allowWatchBookmarks", "true")) }
        if let sendInitialEvents { items.append(QueryItem("sendInitialEvents", String(sendInitialEvents))) }
        return items
    }
}
