// meta/v1 messages, with the field numbers of upstream's
// k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto; TypeMeta's are those of
// k8s.io/apimachinery/pkg/runtime/generated.proto.

extension LabelSelector: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["matchLabels": 1, "matchExpressions": 2]
}

extension LabelSelectorRequirement: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "key": .keepsZero(1), "operator": .keepsZero(2), "values": 3
    ]
}

extension ObjectMeta: ProtobufMessage {
    // managedFields has no entry: it is declared [JSONValue] here, while upstream's field 17 is
    // a repeated ManagedFieldsEntry message.
    public static let protobufFields: ProtobufFields = [
        "name": 1, "generateName": 2, "namespace": 3, "selfLink": 4, "uid": 5,
        "resourceVersion": 6, "generation": 7, "creationTimestamp": 8, "deletionTimestamp": 9,
        "deletionGracePeriodSeconds": .keepsZero(10), "labels": 11, "annotations": 12,
        "ownerReferences": 13, "finalizers": 14
    ]
}

extension OwnerReference: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "kind": .keepsZero(1), "name": .keepsZero(3), "uid": .keepsZero(4),
        "apiVersion": .keepsZero(5), "controller": .keepsZero(6),
        "blockOwnerDeletion": .keepsZero(7)
    ]
}

extension ListMeta: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "selfLink": 1, "resourceVersion": 2, "continue": 3, "remainingItemCount": .keepsZero(4)
    ]
}

extension TypeMeta: ProtobufMessage {
    // runtime.TypeMeta, the message of the envelope's typeMeta. metav1.TypeMeta has no
    // generated message; its struct tags number kind 1 and apiVersion 2, the other way round.
    public static let protobufFields: ProtobufFields = ["apiVersion": 1, "kind": 2]
}

extension Condition: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "type": .keepsZero(1), "status": .keepsZero(2), "observedGeneration": 3,
        "lastTransitionTime": 4, "reason": .keepsZero(5), "message": .keepsZero(6)
    ]
}
