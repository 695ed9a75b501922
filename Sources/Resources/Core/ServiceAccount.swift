/// core/v1 ServiceAccount: an identity for processes running in pods.
@APIObject(.core)
public struct ServiceAccount: APIResource {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true)

    public var apiVersion: String = "v1"
    public var kind: String = "ServiceAccount"
    public var metadata: ObjectMeta = ObjectMeta()
    @Patch(strategy: "merge", key: "name") @ListType("map", keys: ["name"])
    public var secrets: [ObjectReference] = []
    @ListType("atomic")
    public var imagePullSecrets: [LocalObjectReference] = []
    public var automountServiceAccountToken: Bool?
}
