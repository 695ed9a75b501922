/// core/v1 LocalObjectReference: the name of an object in the referrer's own namespace
/// (an image pull secret, a CSI secret, …).
@APIObject
public struct LocalObjectReference {
    public var name: String?
}
