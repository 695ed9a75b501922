/// apps/v1 ControllerRevision: an immutable snapshot of a StatefulSet's or DaemonSet's pod
/// template, kept for rollback. Its fields sit at the top level, beside metadata.
@APIObject(.apps)
public struct ControllerRevision: APIResource {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "ControllerRevision", plural: "controllerrevisions", namespaced: true)

    public var apiVersion: String = "apps/v1"
    public var kind: String = "ControllerRevision"
    public var metadata: ObjectMeta = ObjectMeta()
    /// The serialized state (a patch of the owner's spec), kept as raw JSON.
    public var data: JSONValue?
    public var revision: Int64?
}
