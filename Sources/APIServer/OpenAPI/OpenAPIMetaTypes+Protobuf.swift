import Resources

// The protobuf messages of the request and response bodies in OpenAPIMetaTypes, with the field
// numbers of upstream's generated.proto: k8s.io/apimachinery/pkg/apis/meta/v1 for Status,
// StatusDetails, StatusCause, DeleteOptions and Preconditions; k8s.io/api/autoscaling/v1 for
// Scale, ScaleSpec and ScaleStatus; k8s.io/api/core/v1 for Binding; k8s.io/api/policy/v1 for
// Eviction. Patch and WatchEvent have no table here.

extension OpenAPIMetaTypes.Status: ProtobufMessage {
    static let protobufFields: ProtobufFields = [
        "metadata": 1, "status": 2, "message": 3, "reason": 4, "details": 5, "code": 6
    ]
}

extension OpenAPIMetaTypes.StatusDetails: ProtobufMessage {
    static let protobufFields: ProtobufFields = [
        "name": 1, "group": 2, "kind": 3, "causes": 4, "retryAfterSeconds": 5, "uid": 6
    ]
}

extension OpenAPIMetaTypes.StatusCause: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["reason": 1, "message": 2, "field": 3]
}

extension OpenAPIMetaTypes.DeleteOptions: ProtobufMessage {
    static let protobufFields: ProtobufFields = [
        "gracePeriodSeconds": .keepsZero(1), "preconditions": 2, "orphanDependents": .keepsZero(3),
        "propagationPolicy": .keepsZero(4), "dryRun": 5,
        "ignoreStoreReadErrorWithClusterBreakingPotential": .keepsZero(6)
    ]
}

extension OpenAPIMetaTypes.Preconditions: ProtobufMessage {
    static let protobufFields: ProtobufFields = [
        "uid": .keepsZero(1), "resourceVersion": .keepsZero(2)
    ]
}

extension OpenAPIMetaTypes.Scale: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension OpenAPIMetaTypes.ScaleSpec: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["replicas": 1]
}

extension OpenAPIMetaTypes.ScaleStatus: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["replicas": .keepsZero(1), "selector": 2]
}

extension OpenAPIMetaTypes.Binding: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["metadata": 1, "target": 2]
}

extension OpenAPIMetaTypes.Eviction: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["metadata": 1, "deleteOptions": 2]
}

// authentication/v1, upstream's k8s.io/api/authentication/v1/generated.proto.

extension OpenAPIMetaTypes.TokenRequest: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["metadata": 1, "spec": 2, "status": 3]
}

extension OpenAPIMetaTypes.TokenRequestSpec: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["audiences": 1, "boundObjectRef": 3, "expirationSeconds": .keepsZero(4)]
}

extension OpenAPIMetaTypes.BoundObjectReference: ProtobufMessage {
    // Upstream's proto names the uid field `uID`; its JSON name is `uid`.
    static let protobufFields: ProtobufFields = ["kind": 1, "apiVersion": 2, "name": 3, "uid": 4]
}

extension OpenAPIMetaTypes.TokenRequestStatus: ProtobufMessage {
    static let protobufFields: ProtobufFields = ["token": .keepsZero(1), "expirationTimestamp": 2]
}
