/// core/v1 LocalObjectReference: the name of an object in the referrer's own namespace
/// (an image pull secret, a CSI secret, …).
@APIObject(.core)
public struct LocalObjectReference {
    public var name: String?
}
