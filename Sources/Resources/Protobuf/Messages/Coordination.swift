// coordination.k8s.io/v1 messages, with the field numbers of upstream's
// k8s.io/api/coordination/v1/generated.proto.

extension Lease: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2]
}

extension LeaseSpec: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "holderIdentity": .keepsZero(1), "leaseDurationSeconds": .keepsZero(2), "acquireTime": 3,
        "renewTime": 4, "leaseTransitions": .keepsZero(5), "strategy": .keepsZero(6),
        "preferredHolder": .keepsZero(7)
    ]
}
