// discovery.k8s.io/v1 messages, with the field numbers of upstream's
// k8s.io/api/discovery/v1/generated.proto. EndpointSlicePort is upstream's EndpointPort.

extension EndpointSlice: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "metadata": 1, "endpoints": 2, "ports": 3, "addressType": .keepsZero(4)
    ]
}

extension Endpoint: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "addresses": 1, "conditions": 2, "hostname": .keepsZero(3), "targetRef": 4,
        "deprecatedTopology": 5, "nodeName": .keepsZero(6), "zone": .keepsZero(7), "hints": 8
    ]
}

extension EndpointConditions: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "ready": .keepsZero(1), "serving": .keepsZero(2), "terminating": .keepsZero(3)
    ]
}

extension EndpointHints: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["forZones": 1, "forNodes": 2]
}

extension ForZone: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["name": .keepsZero(1)]
}

extension ForNode: ProtobufMessage {
    public static let protobufFields: ProtobufFields = ["name": .keepsZero(1)]
}

extension EndpointSlicePort: ProtobufMessage {
    public static let protobufFields: ProtobufFields = [
        "name": .keepsZero(1), "protocol": .keepsZero(2), "port": .keepsZero(3),
        "appProtocol": .keepsZero(4)
    ]
}
