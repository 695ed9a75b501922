import Resources

/// Small builders for the objects the HTTP tests send, and the paths they live at.
enum TestObjects {
    static let configMaps = "/api/v1/namespaces/default/configmaps"
    static let pods = "/api/v1/namespaces/default/pods"
    static let deployments = "/apis/apps/v1/namespaces/default/deployments"

    static func configMap(_ name: String, labels: [String: String] = [:], data: [String: String] = ["a": "1"],
                          finalizers: [String] = []) -> JSONValue {
        var metadata: JSONValue = ["name": .string(name)]
        if !labels.isEmpty { metadata["labels"] = .object(labels.mapValues(JSONValue.string)) }
        if !finalizers.isEmpty { metadata["finalizers"] = .array(finalizers.map(JSONValue.string)) }
        return ["apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata,
                "data": .object(data.mapValues(JSONValue.string))]
    }

    static func pod(_ name: String, nodeName: String? = nil) -> JSONValue {
        var spec: JSONValue = ["containers": [["name": "app", "image": "nginx"]]]
        if let nodeName { spec["nodeName"] = .string(nodeName) }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name)], "spec": spec]
    }

    /// A Deployment selecting `app=NAME`, one container per entry of `containers` (name → image;
    /// an empty image is left out).
    static func deployment(_ name: String, replicas: Int64 = 2,
                           containers: KeyValuePairs<String, String> = ["web": "nginx"]) -> JSONValue {
        let list = containers.map { name, image -> JSONValue in
            var c: JSONValue = ["name": .string(name)]
            if !image.isEmpty { c["image"] = .string(image) }
            return c
        }
        return [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name)],
            "spec": [
                "replicas": .integer(replicas),
                "selector": ["matchLabels": ["app": .string(name)]],
                "template": [
                    "metadata": ["labels": ["app": .string(name)]],
                    "spec": ["containers": .array(list)],
                ],
            ],
        ]
    }

    /// The names of a list's items, in order.
    static func names(_ list: JSONValue) -> [String] {
        (list["items"]?.arrayValue ?? []).compactMap { $0["metadata"]?["name"]?.stringValue }
    }
}

extension JSONValue {
    /// `metadata.MEMBER` (the tests' spelling of the server's internal `meta`).
    func metadata(_ member: String) -> JSONValue? { self["metadata"]?[member] }
    var resourceVersionText: String { self["metadata"]?["resourceVersion"]?.stringValue ?? "" }
}
