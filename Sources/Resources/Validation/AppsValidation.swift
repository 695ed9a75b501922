/// apps/v1 validation (kubernetes/pkg/apis/apps/validation): Deployment, ReplicaSet,
/// StatefulSet and DaemonSet, sharing the selector and pod-template checks.
enum WorkloadCheck {
    /// The selector is required, non-empty and valid; the template's labels must match it;
    /// the template's pods must restart `Always` and may not set activeDeadlineSeconds.
    /// `kind` is the word Kubernetes puts in "empty selector is invalid for <kind>".
    static func selectorAndTemplate(
        selector: LabelSelector?, template: PodTemplateSpec?, path: FieldPath, kind: String,
        restartPolicies: [String] = ["Always"], forbidActiveDeadline: Bool = true
    ) -> [FieldError] {
        var errs: [FieldError] = []
        let selectorPath = path.child("selector")
        var matcher: Selector?
        if let selector {
            errs += selector.validate(path: selectorPath)
            if (selector.matchLabels ?? [:]).isEmpty && (selector.matchExpressions ?? []).isEmpty {
                errs.append(.invalid(selectorPath, Check.json(selector), "empty selector is invalid for \(kind)"))
            } else {
                matcher = try? Selector(selector)
            }
        } else {
            errs.append(.required(selectorPath))
        }
        errs += podTemplate(template, path: path.child("template"), matching: matcher,
                            restartPolicies: restartPolicies, forbidActiveDeadline: forbidActiveDeadline, kind: kind)
        return errs
    }

    /// ValidatePodTemplateSpecForReplicaSet and friends.
    static func podTemplate(
        _ template: PodTemplateSpec?, path: FieldPath, matching selector: Selector?,
        restartPolicies: [String], forbidActiveDeadline: Bool, kind: String
    ) -> [FieldError] {
        guard let template else { return [.required(path)] }
        var errs: [FieldError] = []
        let labels = template.metadata.labels ?? [:]
        if let selector, !selector.isEmpty, !selector.matches(labels) {
            errs.append(.invalid(path.child("metadata").child("labels"), GoValueFormat.stringMap(labels),
                                 "`selector` does not match template `labels`"))
        }
        errs += ObjectMeta.validateLabels(labels, path: path.child("metadata").child("labels"))
        errs += ObjectMeta.validateAnnotations(template.metadata.annotations ?? [:], path: path.child("metadata").child("annotations"))
        let specPath = path.child("spec")
        guard let spec = template.spec else {
            errs.append(.required(specPath.child("containers")))
            return errs
        }
        errs += spec.validate(path: specPath)
        if let policy = spec.restartPolicy, !restartPolicies.contains(policy),
           // An unsupported value was already reported by the pod spec check.
           PodSpec.restartPolicies.contains(policy) {
            errs.append(.notSupported(specPath.child("restartPolicy"), quoting: policy, supported: restartPolicies))
        }
        if forbidActiveDeadline, spec.activeDeadlineSeconds != nil {
            errs.append(.forbidden(specPath.child("activeDeadlineSeconds"), "activeDeadlineSeconds in \(kind) is not Supported"))
        }
        return errs
    }

    /// ValidatePositiveIntOrPercent + IsNotMoreThan100Percent for maxSurge/maxUnavailable.
    static func intOrPercent(_ value: IntOrString?, _ path: FieldPath, atMost100: Bool = true) -> [FieldError] {
        switch value {
        case nil:
            return []
        case .int(let n):
            return n < 0 ? [.invalid(path, String(n), Check.nonNegative)] : []
        case .string(let s):
            let messages = NameValidation.percent(s)
            if !messages.isEmpty { return messages.map { .invalid(path, quoting: s, $0) } }
            if atMost100, let percent = Int(s.dropLast()), percent > 100 {
                return [.invalid(path, quoting: s, "must not be greater than 100%")]
            }
            return []
        }
    }

    static func isZero(_ value: IntOrString?) -> Bool {
        switch value {
        case nil: false
        case .int(let n): n == 0
        case .string(let s): s == "0%"
        }
    }

    static func selectorImmutable(_ new: LabelSelector?, _ old: LabelSelector?, _ path: FieldPath) -> [FieldError] {
        new == old ? [] : [.immutable(path, Check.json(new))]
    }
}

extension Deployment: Validatable {
    public func validate() -> [FieldError] {
        validateMetadata() + (spec ?? DeploymentSpec()).validate(path: "spec")
    }

    /// The selector is immutable.
    public func validateUpdate(from old: Deployment) -> [FieldError] {
        metadata.validateUpdate(from: old.metadata)
            + (spec ?? DeploymentSpec()).validate(path: "spec")
            + WorkloadCheck.selectorImmutable(spec?.selector, old.spec?.selector, "spec.selector")
    }
}

extension DeploymentSpec {
    func validate(path: FieldPath) -> [FieldError] {
        var errs = Check.nonNegative(replicas, path.child("replicas"))
        errs += WorkloadCheck.selectorAndTemplate(selector: selector, template: template, path: path, kind: "deployment")
        if let strategy {
            let p = path.child("strategy")
            switch strategy.type {
            case nil, "RollingUpdate":
                if let rolling = strategy.rollingUpdate {
                    let rp = p.child("rollingUpdate")
                    errs += WorkloadCheck.intOrPercent(rolling.maxUnavailable, rp.child("maxUnavailable"))
                    errs += WorkloadCheck.intOrPercent(rolling.maxSurge, rp.child("maxSurge"), atMost100: false)
                    if WorkloadCheck.isZero(rolling.maxUnavailable) && WorkloadCheck.isZero(rolling.maxSurge) {
                        errs.append(.invalid(rp.child("maxUnavailable"), rolling.maxUnavailable!.goValue,
                                             "may not be 0 when `maxSurge` is 0"))
                    }
                }
            case "Recreate":
                if strategy.rollingUpdate != nil {
                    errs.append(.forbidden(p.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"))
                }
            case let other?:
                errs.append(.notSupported(p.child("type"), quoting: other, supported: ["Recreate", "RollingUpdate"]))
            }
        }
        errs += Check.nonNegative(minReadySeconds, path.child("minReadySeconds"))
        errs += Check.nonNegative(revisionHistoryLimit, path.child("revisionHistoryLimit"))
        if let progressDeadlineSeconds {
            errs += Check.nonNegative(progressDeadlineSeconds, path.child("progressDeadlineSeconds"))
            if progressDeadlineSeconds <= (minReadySeconds ?? 0) {
                errs.append(.invalid(path.child("progressDeadlineSeconds"), String(progressDeadlineSeconds),
                                     "must be greater than minReadySeconds"))
            }
        }
        return errs
    }
}

extension ReplicaSet: Validatable {
    public func validate() -> [FieldError] {
        validateMetadata() + (spec ?? ReplicaSetSpec()).validate(path: "spec")
    }

    /// The selector is immutable.
    public func validateUpdate(from old: ReplicaSet) -> [FieldError] {
        metadata.validateUpdate(from: old.metadata)
            + (spec ?? ReplicaSetSpec()).validate(path: "spec")
            + WorkloadCheck.selectorImmutable(spec?.selector, old.spec?.selector, "spec.selector")
    }
}

extension ReplicaSetSpec {
    func validate(path: FieldPath) -> [FieldError] {
        Check.nonNegative(replicas, path.child("replicas"))
            + Check.nonNegative(minReadySeconds, path.child("minReadySeconds"))
            // Kubernetes says "deployment" here too.
            + WorkloadCheck.selectorAndTemplate(selector: selector, template: template, path: path, kind: "deployment")
    }
}

extension StatefulSet: Validatable {
    public func validate() -> [FieldError] {
        validateMetadata() + (spec ?? StatefulSetSpec()).validate(path: "spec")
    }

    /// Only replicas, ordinals, template, updateStrategy, persistentVolumeClaimRetentionPolicy,
    /// minReadySeconds (and revisionHistoryLimit, which Kubernetes also lets through) may change.
    public func validateUpdate(from old: StatefulSet) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        let newSpec = spec ?? StatefulSetSpec()
        var munged = newSpec
        let oldSpec = old.spec ?? StatefulSetSpec()
        munged.replicas = oldSpec.replicas
        munged.ordinals = oldSpec.ordinals
        munged.template = oldSpec.template
        munged.updateStrategy = oldSpec.updateStrategy
        munged.persistentVolumeClaimRetentionPolicy = oldSpec.persistentVolumeClaimRetentionPolicy
        munged.minReadySeconds = oldSpec.minReadySeconds
        munged.revisionHistoryLimit = oldSpec.revisionHistoryLimit
        if munged != oldSpec {
            errs.append(.forbidden("spec", "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"))
        }
        errs += newSpec.validate(path: "spec")
        return errs
    }
}

extension StatefulSetSpec {
    func validate(path: FieldPath) -> [FieldError] {
        var errs = Check.supported(podManagementPolicy, ["OrderedReady", "Parallel"], path.child("podManagementPolicy"))
        if let strategy = updateStrategy {
            let p = path.child("updateStrategy")
            switch strategy.type {
            case nil, "RollingUpdate":
                if let rolling = strategy.rollingUpdate {
                    errs += Check.nonNegative(rolling.partition, p.child("rollingUpdate").child("partition"))
                    if let maxUnavailable = rolling.maxUnavailable {
                        errs += WorkloadCheck.intOrPercent(maxUnavailable, p.child("rollingUpdate").child("maxUnavailable"))
                        if WorkloadCheck.isZero(maxUnavailable) {
                            errs.append(.invalid(p.child("rollingUpdate").child("maxUnavailable"), maxUnavailable.goValue,
                                                 "must be greater than 0"))
                        }
                    }
                }
            case "OnDelete":
                if strategy.rollingUpdate != nil {
                    errs.append(.invalid(p.child("rollingUpdate"), Check.json(strategy.rollingUpdate),
                                         "only allowed for updateStrategy 'RollingUpdate'"))
                }
            case let other?:
                errs.append(.notSupported(p.child("type"), quoting: other, supported: ["OnDelete", "RollingUpdate"]))
            }
        }
        if let policy = persistentVolumeClaimRetentionPolicy {
            let p = path.child("persistentVolumeClaimRetentionPolicy")
            errs += Check.supported(policy.whenDeleted, ["Delete", "Retain"], p.child("whenDeleted"))
            errs += Check.supported(policy.whenScaled, ["Delete", "Retain"], p.child("whenScaled"))
        }
        errs += Check.nonNegative(ordinals?.start, path.child("ordinals").child("start"))
        errs += Check.nonNegative(replicas, path.child("replicas"))
        errs += Check.nonNegative(minReadySeconds, path.child("minReadySeconds"))
        errs += WorkloadCheck.selectorAndTemplate(selector: selector, template: template, path: path, kind: "statefulset")
        return errs
    }
}

extension DaemonSet: Validatable {
    public func validate() -> [FieldError] {
        validateMetadata() + (spec ?? DaemonSetSpec()).validate(path: "spec")
    }

    /// The selector is immutable.
    public func validateUpdate(from old: DaemonSet) -> [FieldError] {
        metadata.validateUpdate(from: old.metadata)
            + WorkloadCheck.selectorImmutable(spec?.selector, old.spec?.selector, "spec.selector")
            + (spec ?? DaemonSetSpec()).validate(path: "spec")
    }
}

extension DaemonSetSpec {
    func validate(path: FieldPath) -> [FieldError] {
        var errs = WorkloadCheck.selectorAndTemplate(selector: selector, template: template, path: path, kind: "daemonset")
        errs += Check.nonNegative(minReadySeconds, path.child("minReadySeconds"))
        errs += Check.nonNegative(revisionHistoryLimit, path.child("revisionHistoryLimit"))
        if let strategy = updateStrategy {
            let p = path.child("updateStrategy")
            switch strategy.type {
            case nil, "OnDelete":
                break
            case "RollingUpdate":
                if let rolling = strategy.rollingUpdate {
                    let rp = p.child("rollingUpdate")
                    errs += WorkloadCheck.intOrPercent(rolling.maxUnavailable, rp.child("maxUnavailable"))
                    errs += WorkloadCheck.intOrPercent(rolling.maxSurge, rp.child("maxSurge"))
                    if WorkloadCheck.isZero(rolling.maxUnavailable) && (rolling.maxSurge == nil || WorkloadCheck.isZero(rolling.maxSurge)) {
                        errs.append(.invalid(rp.child("maxUnavailable"), rolling.maxUnavailable!.goValue,
                                             "may not be 0 when `maxSurge` is 0"))
                    }
                }
            case let other?:
                errs.append(.notSupported(p.child("type"), quoting: other, supported: ["OnDelete", "RollingUpdate"]))
            }
        }
        return errs
    }
}

extension IntOrString {
    /// As Kubernetes prints an IntOrString bad value: `0` or `"25%"`.
    var goValue: String {
        switch self {
        case .int(let n): String(n)
        case .string(let s): GoValueFormat.quote(s)
        }
    }
}
