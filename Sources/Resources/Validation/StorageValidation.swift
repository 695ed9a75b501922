/// storage.k8s.io/v1 validation: StorageClass.
extension StorageClass: Validatable {
    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        if provisioner.isEmpty {
            errs.append(.required("provisioner"))
        }
        errs += Check.supported(reclaimPolicy, ["Delete", "Retain"], "reclaimPolicy")
        errs += Check.supported(volumeBindingMode, ["Immediate", "WaitForFirstConsumer"], "volumeBindingMode")
        return errs
    }

    /// Everything but labels, annotations, mountOptions and allowVolumeExpansion is immutable.
    public func validateUpdate(from old: StorageClass) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        if provisioner != old.provisioner {
            errs.append(.forbidden("provisioner", "updates to provisioner are forbidden."))
        }
        if parameters ?? [:] != old.parameters ?? [:] {
            errs.append(.forbidden("parameters", "updates to parameters are forbidden."))
        }
        if reclaimPolicy != old.reclaimPolicy {
            errs.append(.forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden."))
        }
        if volumeBindingMode != old.volumeBindingMode {
            errs.append(.forbidden("volumeBindingMode", "field is immutable"))
        }
        return errs + validate()
    }
}
