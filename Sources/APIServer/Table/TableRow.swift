import Resources

/// The cells of one object's row, one per column of its kind, plus the row conditions
/// upstream attaches (only pods have them: `Completed` once they succeeded or failed).
struct TableRow: Sendable, Hashable {
    var cells: [JSONValue]
    var conditions: [Condition] = []

    /// metav1.TableRowCondition.
    struct Condition: Sendable, Hashable {
        var type: String
        var status: String
        var reason: String
        var message: String

        /// `{type: Completed, status: True}`: the object reached a final state.
        static func completed(reason: String, message: String) -> Condition {
            Condition(type: "Completed", status: "True", reason: reason, message: message)
        }

        var json: JSONValue {
            var members: [String: JSONValue] = ["type": .string(type), "status": .string(status)]
            if !reason.isEmpty { members["reason"] = .string(reason) }
            if !message.isEmpty { members["message"] = .string(message) }
            return .object(members)
        }
    }
}
