import Foundation
import Resources

/// The options of a delete, from the DeleteOptions body and the query.
struct DeleteOptions: Sendable {
    var gracePeriodSeconds: Int64?
    /// `Orphan`, `Background` or `Foreground`.
    var propagationPolicy: String?
    var preconditionUID: String?
    var preconditionResourceVersion: String?
    var dryRun = false

    init(body: JSONValue?, query: [String: String]) throws(APIError) {
        if let body {
            gracePeriodSeconds = body["gracePeriodSeconds"]?.int64Value
            propagationPolicy = body["propagationPolicy"]?.stringValue
            if body["orphanDependents"]?.boolValue == true { propagationPolicy = propagationPolicy ?? "Orphan" }
            preconditionUID = body["preconditions"]?["uid"]?.stringValue
            preconditionResourceVersion = body["preconditions"]?["resourceVersion"]?.stringValue
            dryRun = body["dryRun"]?.arrayValue?.contains("All") ?? false
        }
        if let g = query["gracePeriodSeconds"] {
            guard let n = Int64(g) else { throw APIError.badRequest("invalid gracePeriodSeconds: \(g)") }
            gracePeriodSeconds = n
        }
        if let p = query["propagationPolicy"] { propagationPolicy = p }
        if query["orphanDependents"] == "true" { propagationPolicy = propagationPolicy ?? "Orphan" }
        if query["dryRun"] == "All" { dryRun = true }
        if let p = propagationPolicy, !["Orphan", "Background", "Foreground"].contains(p) {
            throw APIError(code: 422, reason: "Invalid",
                           message: "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"\(p)\": supported values: \"Foreground\", \"Background\", \"Orphan\"")
        }
        if let g = gracePeriodSeconds, g < 0 { gracePeriodSeconds = 0 }
    }
}

/// What a delete does to one object (pure): remove it now, or mark it deleting and leave it
/// to its finalizers (and, for a pod on a node, to the node agent's graceful stop).
enum DeletionPlan: Equatable {
    case remove
    /// Store this object: deletionTimestamp set, finalizers as the propagation policy asks.
    case markDeleting(JSONValue)
    /// Already deleting, nothing to change.
    case unchanged

    static func plan(for object: JSONValue, _ resource: ServedResource, options: DeleteOptions, now: Date) -> DeletionPlan {
        var finalizers = (object.meta("finalizers")?.arrayValue ?? []).compactMap(\.stringValue)
        switch options.propagationPolicy {
        case "Orphan":
            finalizers.removeAll { $0 == "foregroundDeletion" }
            if !finalizers.contains("orphan") { finalizers.append("orphan") }
        case "Foreground":
            finalizers.removeAll { $0 == "orphan" }
            if !finalizers.contains("foregroundDeletion") { finalizers.append("foregroundDeletion") }
        case "Background":
            finalizers.removeAll { $0 == "orphan" || $0 == "foregroundDeletion" }
        default:
            break
        }
        // Pods on a node stop gracefully: the node agent removes them after the grace period.
        var grace: Int64 = 0
        if resource.type.group.isEmpty, resource.kind == "Pod",
           let node = object["spec"]?["nodeName"]?.stringValue, !node.isEmpty {
            grace = options.gracePeriodSeconds ?? object["spec"]?["terminationGracePeriodSeconds"]?.int64Value ?? 30
            let phase = object["status"]?["phase"]?.stringValue
            if phase == "Succeeded" || phase == "Failed" { grace = 0 }
        }
        let alreadyDeleting = object.meta("deletionTimestamp") != nil
        // A namespace always waits for the namespace controller to empty and finalize it.
        if finalizers.isEmpty, grace == 0, !resource.isNamespace { return .remove }
        var updated = object
        updated.setMeta("finalizers", finalizers.isEmpty ? nil : .array(finalizers.map(JSONValue.string)))
        if alreadyDeleting {
            let currentGrace = object.meta("deletionGracePeriodSeconds")?.int64Value ?? 0
            if grace < currentGrace {
                updated.setMeta("deletionGracePeriodSeconds", .integer(grace))
                updated.setMeta("deletionTimestamp", .string(Time(now.addingTimeInterval(Double(grace))).rfc3339))
            }
        } else {
            updated.setMeta("deletionTimestamp", .string(Time(now.addingTimeInterval(Double(grace))).rfc3339))
            updated.setMeta("deletionGracePeriodSeconds", .integer(grace))
            if resource.isNamespace {
                updated["status"] = ["phase": "Terminating"]
            }
        }
        return updated == object ? .unchanged : .markDeleting(updated)
    }
}
