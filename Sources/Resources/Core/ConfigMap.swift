/// core/v1 ConfigMap: non-secret configuration as string (`data`) and binary (`binaryData`)
/// entries.
@APIObject(.core)
public struct ConfigMap: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true)

    public var apiVersion: String = "v1"
    public var kind: String = "ConfigMap"
    public var metadata: ObjectMeta = ObjectMeta()
    public var immutable: Bool?
    public var data: [String: String] = [:]
    /// Values are base64 text, as on the wire.
    public var binaryData: [String: String] = [:]
}
