import Resources
import Store

/// Priority admission, as upstream's: a new pod's `priorityClassName` resolves to the class's
/// value (and preemption policy) in `spec.priority`; a pod naming no class gets the global
/// default class, or priority 0. A pod naming a class that does not exist, or giving a
/// priority of its own that differs, is refused.
extension ResourceHandler {
    /// The classes every cluster has (upstream's SystemPriorityClasses).
    static let systemPriorityClasses: [(name: String, value: Int64, description: String)] = [
        ("system-node-critical", 2_000_001_000, "Used for system critical pods that must not be moved from their current node."),
        ("system-cluster-critical", 2_000_000_000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
    ]

    func admitPriority(_ pod: inout JSONValue) async throws {
        var spec = pod["spec"] ?? [:]
        let className = spec["priorityClassName"]?.stringValue ?? ""
        let classes = registry.resource(group: "scheduling.k8s.io", version: "v1", plural: "priorityclasses")!
        var resolved: JSONValue?
        if !className.isEmpty {
            guard let kv = try await store.get(ObjectKeys.key(classes.type, namespace: nil, name: className)) else {
                throw APIError.forbidden("pods \"\(pod.name)\" is forbidden: no PriorityClass with name \(className) was found")
            }
            resolved = try StoredObject.decode(kv)
        } else {
            let all = try await store.range(.prefix(ObjectKeys.prefix(classes.type)))
            resolved = try all.kvs.map(StoredObject.decode).first { $0["globalDefault"]?.boolValue == true }
            if let resolved { spec["priorityClassName"] = .string(resolved.name) }
        }
        let value = resolved?["value"]?.int64Value ?? 0
        if let given = spec["priority"]?.int64Value, given != value {
            throw APIError.forbidden("pods \"\(pod.name)\" is forbidden: the integer value of priority (\(given)) must not be provided "
                                     + "in pod spec; priority admission controller computed \(value) from the given PriorityClass name")
        }
        spec["priority"] = .integer(value)
        if spec["preemptionPolicy"] == nil || spec["preemptionPolicy"] == .null {
            spec["preemptionPolicy"] = .string(resolved?["preemptionPolicy"]?.stringValue ?? "PreemptLowerPriority")
        }
        pod["spec"] = spec
    }

    /// Creates the system priority classes when they are missing.
    func ensureSystemPriorityClasses() async throws {
        for system in Self.systemPriorityClasses {
            let body: JSONValue = ["apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": ["name": .string(system.name)],
                                   "value": .integer(system.value), "description": .string(system.description)]
            let request = APIRequest(
                info: RequestInfo(method: "POST", path: "/apis/scheduling.k8s.io/v1/priorityclasses", watch: false), query: [:],
                accept: "application/json", contentType: "application/json", body: body.serializedBytes(),
                user: UserInfo(name: "system:apiserver", groups: ["system:masters"]))
            let response = await handle(request)
            if response.status != 201, response.status != 409 {
                logger.error("cannot create priority class", metadata: ["class": "\(system.name)", "status": "\(response.status)"])
            }
        }
    }
}
