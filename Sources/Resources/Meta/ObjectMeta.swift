/// metav1.ObjectMeta: the metadata every persisted object carries.
@APIObject(.meta)
public struct ObjectMeta {
    public var name: String?
    public var generateName: String?
    public var namespace: String?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int64?
    public var creationTimestamp: Time?
    public var deletionTimestamp: Time?
    public var deletionGracePeriodSeconds: Int64?
    public var labels: [String: String]?
    public var annotations: [String: String]?
    @Patch(strategy: "merge", key: "uid") @ListType("map", keys: ["uid"])
    public var ownerReferences: [OwnerReference]?
    @Patch(strategy: "merge") @ListType("set")
    public var finalizers: [String]?
    @ListType("atomic")
    public var managedFields: [JSONValue]?
    public var selfLink: String?
}

/// metav1.OwnerReference: the object that owns this one, for garbage collection and adoption.
@APIObject(.meta)
public struct OwnerReference {
    public var apiVersion: String = ""
    public var kind: String = ""
    public var name: String = ""
    public var uid: String = ""
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?
}

/// metav1.ListMeta: the metadata of a list response.
@APIObject(.meta)
public struct ListMeta {
    public var resourceVersion: String?
    @JSONKey("continue") public var continueToken: String?
    public var remainingItemCount: Int64?
    public var selfLink: String?
}

/// metav1.TypeMeta: apiVersion and kind, as a stand-alone value (e.g. to sniff a manifest).
@APIObject(.meta)
public struct TypeMeta {
    public var apiVersion: String?
    public var kind: String?
}

/// metav1.Condition: the standard condition shape of newer APIs.
@APIObject(.meta)
public struct Condition {
    public var type: String = ""
    public var status: String = ""
    public var observedGeneration: Int64?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
}
