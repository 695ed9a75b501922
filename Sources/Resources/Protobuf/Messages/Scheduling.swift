// scheduling.k8s.io/v1 messages, with the field numbers of upstream's
// k8s.io/api/scheduling/v1/generated.proto.

extension PriorityClass: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "metadata": 1, "value": .keepsZero(2), "globalDefault": 3, "description": 4,
        "preemptionPolicy": .keepsZero(5)
    ]
}
