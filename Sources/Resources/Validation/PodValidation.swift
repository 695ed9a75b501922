/// ValidatePod / ValidatePodUpdate.
extension Pod: Validatable {
    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        if let spec {
            errs += spec.validate(path: "spec")
        } else {
            errs.append(.required("spec.containers"))
        }
        return errs
    }

    /// The fields Kubernetes lets a pod update change, as its error lists them.
    static let updatableSpecFields = [
        "`spec.containers[*].image`",
        "`spec.initContainers[*].image`",
        "`spec.activeDeadlineSeconds`",
        "`spec.tolerations` (only additions to existing tolerations)",
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
    ]

    /// Only images, activeDeadlineSeconds (shortened, never removed), added tolerations and a
    /// negative grace period raised to 1 may change.
    public func validateUpdate(from old: Pod) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        let newSpec = spec ?? PodSpec()
        let oldSpec = old.spec ?? PodSpec()
        errs += newSpec.validate(path: "spec")

        if let oldDeadline = oldSpec.activeDeadlineSeconds {
            if let newDeadline = newSpec.activeDeadlineSeconds {
                if newDeadline > oldDeadline {
                    errs.append(.invalid("spec.activeDeadlineSeconds", String(newDeadline), "must be less than or equal to previous value"))
                }
            } else {
                errs.append(.invalid("spec.activeDeadlineSeconds", "null", "must not update from a positive integer to nil value"))
            }
        }

        // Munge the updatable fields of the new spec to the old values; anything left differing is forbidden.
        var munged = newSpec
        guard munged.containers.count == oldSpec.containers.count,
              munged.initContainers.count == oldSpec.initContainers.count else {
            errs.append(.forbidden("spec", Pod.forbiddenUpdateMessage))
            return errs
        }
        for i in munged.containers.indices { munged.containers[i].image = oldSpec.containers[i].image }
        for i in munged.initContainers.indices { munged.initContainers[i].image = oldSpec.initContainers[i].image }
        munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds
        let tolerationsOK = oldSpec.tolerations.allSatisfy { munged.tolerations.contains($0) }
        if tolerationsOK { munged.tolerations = oldSpec.tolerations }
        if let oldGrace = oldSpec.terminationGracePeriodSeconds, oldGrace < 0, munged.terminationGracePeriodSeconds == 1 {
            munged.terminationGracePeriodSeconds = oldGrace
        }
        if munged != oldSpec {
            errs.append(.forbidden("spec", Pod.forbiddenUpdateMessage))
        }
        return errs
    }

    static var forbiddenUpdateMessage: String {
        "pod updates may not change fields other than " + updatableSpecFields.joined(separator: ",")
    }
}
