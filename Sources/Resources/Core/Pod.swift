/// core/v1 Pod: one or more containers scheduled together onto a node, sharing network and
/// volumes.
@APIObject(.core)
public struct Pod: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Pod", plural: "pods", namespaced: true)

    public var apiVersion: String = "v1"
    public var kind: String = "Pod"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: PodSpec?
    public var status: PodStatus?
}
