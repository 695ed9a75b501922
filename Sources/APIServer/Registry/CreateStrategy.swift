import Resources

/// Per-kind rules the API server applies to a new object before validation, as Kubernetes'
/// strategies' `PrepareForCreate` do.
enum CreateStrategy {
    /// Fields the server sets on a new object once it has its uid (`PrepareForCreate`): a
    /// Job without `manualSelector` gets a selector on its own uid, and its pod template the
    /// labels that selector and `kubectl` look for.
    static func prepare(_ object: inout JSONValue, _ resource: ServedResource) {
        if resource.type.group.isEmpty, resource.kind == "Pod" { addDefaultTolerations(&object) }
        if resource.isNamespace {
            // The namespace controller's finalizer: content is deleted before the namespace goes.
            var spec = object["spec"] ?? [:]
            spec["finalizers"] = [.string(namespaceFinalizer)]
            object["spec"] = spec
        }
        guard resource.type.group == "batch", resource.kind == "Job",
              object["spec"]?["manualSelector"]?.boolValue != true else { return }
        let uid = JSONValue.string(object.meta("uid")?.stringValue ?? "")
        let name = JSONValue.string(object.name)
        var spec = object["spec"] ?? [:]
        spec["selector"] = ["matchLabels": ["batch.kubernetes.io/controller-uid": uid]]
        var template = spec["template"] ?? [:]
        var metadata = template["metadata"] ?? [:]
        var labels = metadata["labels"]?.objectValue ?? [:]
        labels["batch.kubernetes.io/controller-uid"] = uid
        labels["controller-uid"] = uid
        labels["batch.kubernetes.io/job-name"] = name
        labels["job-name"] = name
        metadata["labels"] = .object(labels)
        template["metadata"] = metadata
        spec["template"] = template
        object["spec"] = spec
    }

    static let namespaceFinalizer = "kubernetes"

    /// How long a pod stays on a node that went not-ready or unreachable (the
    /// DefaultTolerationSeconds admission plugin).
    static let defaultTolerationSeconds: Int64 = 300

    /// DefaultTolerationSeconds: a pod that does not already tolerate the `not-ready` and
    /// `unreachable` NoExecute taints tolerates each for 300 s.
    static func addDefaultTolerations(_ pod: inout JSONValue) {
        var spec = pod["spec"] ?? [:]
        var tolerations = spec["tolerations"]?.arrayValue ?? []
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] {
            let tolerated = tolerations.contains { t in
                let effect = t["effect"]?.stringValue ?? ""
                let tKey = t["key"]?.stringValue ?? ""
                let exists = t["operator"]?.stringValue == "Exists"
                return (effect.isEmpty || effect == "NoExecute") && (tKey == key || (tKey.isEmpty && exists))
            }
            if tolerated { continue }
            tolerations.append(["key": .string(key), "operator": "Exists", "effect": "NoExecute",
                                "tolerationSeconds": .integer(defaultTolerationSeconds)])
        }
        spec["tolerations"] = .array(tolerations)
        pod["spec"] = spec
    }

    /// Whether a create drops the status the client sent. It does for every kind but Node:
    /// a node agent registers its Node with its capacity, addresses and conditions in one
    /// POST, as upstream's node strategy allows.
    static func resetsStatusOnCreate(_ resource: ServedResource) -> Bool {
        !(resource.type.group == "" && resource.kind == "Node")
    }

    /// The status a new object starts with: clients do not set status on create.
    static func initialStatus(of object: JSONValue, _ resource: ServedResource) -> JSONValue? {
        switch (resource.type.group, resource.kind) {
        case ("", "Pod"):
            return ["phase": "Pending", "qosClass": .string(qosClass(of: object))]
        case ("", "Namespace"):
            return ["phase": "Active"]
        case ("", "PersistentVolume"), ("", "PersistentVolumeClaim"):
            return ["phase": "Pending"]
        default:
            return nil
        }
    }

    /// The pod's QoS class (`GetPodQOS`): BestEffort with no cpu/memory requests or limits
    /// anywhere; Guaranteed when every container limits cpu and memory and requests equal
    /// limits; Burstable otherwise.
    static func qosClass(of pod: JSONValue) -> String {
        let containers = (pod["spec"]?["containers"]?.arrayValue ?? []) + (pod["spec"]?["initContainers"]?.arrayValue ?? [])
        var anySet = false
        var guaranteed = true
        for c in containers {
            let requests = c["resources"]?["requests"]?.objectValue ?? [:]
            let limits = c["resources"]?["limits"]?.objectValue ?? [:]
            for name in ["cpu", "memory"] {
                let request = requests[name]?.stringValue.map { Quantity($0) }
                let limit = limits[name]?.stringValue.map { Quantity($0) }
                if request != nil || limit != nil { anySet = true }
                guard let limit else { guaranteed = false; continue }
                if let request, request != limit { guaranteed = false }
            }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}
