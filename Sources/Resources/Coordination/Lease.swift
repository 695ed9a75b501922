/// coordination.k8s.io/v1 Lease: a lock held by one identity for a bounded time, used for
/// leader election and node heartbeats.
@APIObject(.coordination)
public struct Lease: APIResource {
    public static let resourceType = ResourceType(
        group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases", namespaced: true)

    public var apiVersion: String = "coordination.k8s.io/v1"
    public var kind: String = "Lease"
    public var metadata: ObjectMeta = ObjectMeta()
    public var spec: LeaseSpec?
}

/// The holder of a `Lease` and how long its hold lasts.
@APIObject(.coordination)
public struct LeaseSpec {
    public var holderIdentity: String?
    public var leaseDurationSeconds: Int32?
    public var acquireTime: MicroTime?
    public var renewTime: MicroTime?
    public var leaseTransitions: Int32?
    /// The coordinated leader election strategy, e.g. `OldestEmulationVersion`.
    public var strategy: String?
    public var preferredHolder: String?
}
