/// coordination.k8s.io/v1 validation: Lease.
extension Lease: Validatable {
    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        if let spec {
            if let duration = spec.leaseDurationSeconds, duration <= 0 {
                errs.append(.invalid("spec.leaseDurationSeconds", String(duration), "must be greater than 0"))
            }
            errs += Check.nonNegative(spec.leaseTransitions, "spec.leaseTransitions")
        }
        return errs
    }

    public func validateUpdate(from old: Lease) -> [FieldError] {
        metadata.validateUpdate(from: old.metadata) + validate()
    }
}
