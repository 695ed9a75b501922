/// core/v1 ObjectReference: enough information to find one object of any kind, and optionally
/// a field inside it (`spec.containers{web}`).
@APIObject(.core)
public struct ObjectReference {
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var apiVersion: String?
    public var resourceVersion: String?
    public var fieldPath: String?
}
