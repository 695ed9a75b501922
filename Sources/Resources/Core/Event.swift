/// core/v1 Event: a report of something that happened to an object (`Scheduled`, `Pulled`,
/// `BackOff`, …), with a count for repeats.
@APIObject(.core)
public struct Event: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Event", plural: "events", namespaced: true)

    public var apiVersion: String = "v1"
    public var kind: String = "Event"
    public var metadata: ObjectMeta = ObjectMeta()
    public var involvedObject: ObjectReference?
    public var reason: String?
    public var message: String?
    public var source: EventSource?
    public var firstTimestamp: Time?
    public var lastTimestamp: Time?
    public var count: Int32?
    /// `Normal` or `Warning`.
    public var type: String?
    public var eventTime: MicroTime?
    public var series: EventSeries?
    public var action: String?
    public var related: ObjectReference?
    public var reportingComponent: String?
    public var reportingInstance: String?
}

/// core/v1 EventSource: the component (and host) that reported an event.
@APIObject(.core)
public struct EventSource {
    public var component: String?
    public var host: String?
}

/// core/v1 EventSeries: how often an event has recurred, and when last.
@APIObject(.core)
public struct EventSeries {
    public var count: Int32?
    public var lastObservedTime: MicroTime?
}
