import Resources

/// One event of a watch: what happened and the object it happened to. A BOOKMARK carries only
/// the object's kind and resourceVersion; an ERROR carries a `Status` (decoded into `status`).
public struct WatchEvent<Object: Sendable>: Sendable {
    public var type: WatchEventType
    /// The object; nil for BOOKMARK and ERROR events.
    public var object: Object?
    /// The event's resourceVersion (for a bookmark, the version the watch has reached).
    public var resourceVersion: String?
    /// For an ERROR event: the failure it reports.
    public var error: ClientError?

    public init(type: WatchEventType, object: Object?, resourceVersion: String?, error: ClientError? = nil) {
        self.type = type
        self.object = object
        self.resourceVersion = resourceVersion
        self.error = error
    }
}

extension WatchEvent where Object == JSONValue {
    /// Reads one watch line, `{"type":"ADDED","object":{…}}`.
    public init(line: [UInt8]) throws(ClientError) {
        let value: JSONValue
        do { value = try JSONValue.parse(line) } catch { throw .decoding("watch event: \(error)") }
        guard let typeName = value["type"]?.stringValue, let type = WatchEventType(rawValue: typeName),
              let object = value["object"] else {
            throw .decoding("watch event without a type and an object: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        let resourceVersion = object["metadata"]?["resourceVersion"]?.stringValue
        switch type {
        case .error:
            let code = Int(object["code"]?.int64Value ?? 500)
            self.init(type: .error, object: nil, resourceVersion: nil,
                      error: .status(code: code, reason: object["reason"]?.stringValue ?? ClientError.defaultReason(code),
                                     message: object["message"]?.stringValue ?? ""))
        case .bookmark:
            self.init(type: .bookmark, object: nil, resourceVersion: resourceVersion)
        default:
            self.init(type: type, object: object, resourceVersion: resourceVersion)
        }
    }
}

/// What a watch event reports.
public enum WatchEventType: String, Sendable, Hashable {
    case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK", error = "ERROR"
}
