// storage.k8s.io/v1 messages, with the field numbers of upstream's
// k8s.io/api/storage/v1/generated.proto (TopologySelector* are core/v1's).

extension StorageClass: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "metadata": 1, "provisioner": .keepsZero(2), "parameters": 3, "reclaimPolicy": .keepsZero(4),
        "mountOptions": 5, "allowVolumeExpansion": .keepsZero(6), "volumeBindingMode": .keepsZero(7),
        "allowedTopologies": 8,
    ]
}

extension TopologySelectorTerm: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["matchLabelExpressions": 1]
}

extension TopologySelectorLabelRequirement: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["key": .keepsZero(1), "values": 2]
}
