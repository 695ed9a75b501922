/// scheduling.k8s.io/v1 validation: PriorityClass.
extension PriorityClass: Validatable {
    /// Values above one billion are reserved for system classes (`system-` names).
    static let highestUserDefinablePriority: Int32 = 1_000_000_000

    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        let name = metadata.name ?? ""
        if name.hasPrefix("system-") {
            if !["system-node-critical", "system-cluster-critical"].contains(name) {
                errs.append(.forbidden("metadata.name", "priority class names with 'system-' prefix are reserved for system use only"))
            }
        } else if let value, value > Self.highestUserDefinablePriority {
            errs.append(.forbidden("value", "maximum allowed value of a user defined priority is \(Self.highestUserDefinablePriority)"))
        }
        errs += Check.supported(preemptionPolicy, ["Never", "PreemptLowerPriority"], "preemptionPolicy")
        return errs
    }

    /// value and preemptionPolicy are immutable.
    public func validateUpdate(from old: PriorityClass) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        if value != old.value {
            errs.append(.forbidden("value", "may not be changed in an update."))
        }
        if preemptionPolicy != old.preemptionPolicy {
            errs.append(.invalid("preemptionPolicy", GoValueFormat.quote(preemptionPolicy ?? ""), FieldError.immutableMessage))
        }
        return errs + validate()
    }
}
