import Resources

/// Per-kind rules the API server applies to a new object before validation, as Kubernetes'
/// strategies' `PrepareForCreate` do.
enum CreateStrategy {
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
