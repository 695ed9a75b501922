import Foundation

/// batch/v1 validation (kubernetes/pkg/apis/batch/validation): Job and CronJob.
extension Job: Validatable {
    public func validate() -> [FieldError] {
        validateMetadata() + (spec ?? JobSpec()).validate(path: "spec")
    }

    /// The template, selector, completionMode and podFailurePolicy are immutable; completions
    /// too, unless the job is Indexed and completions follows parallelism.
    public func validateUpdate(from old: Job) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        let newSpec = spec ?? JobSpec()
        let oldSpec = old.spec ?? JobSpec()
        errs += newSpec.validate(path: "spec")
        errs += WorkloadCheck.selectorImmutable(newSpec.selector, oldSpec.selector, "spec.selector")
        if newSpec.template != oldSpec.template {
            errs.append(.immutable("spec.template", Check.json(newSpec.template)))
        }
        if newSpec.completionMode != oldSpec.completionMode {
            errs.append(.immutable("spec.completionMode", GoValueFormat.quote(newSpec.completionMode ?? "")))
        }
        if newSpec.podFailurePolicy != oldSpec.podFailurePolicy {
            errs.append(.immutable("spec.podFailurePolicy", Check.json(newSpec.podFailurePolicy)))
        }
        let elastic = newSpec.completionMode == "Indexed" && newSpec.completions == newSpec.parallelism
        if newSpec.completions != oldSpec.completions && !elastic {
            errs.append(.immutable("spec.completions", newSpec.completions.map(String.init) ?? "null"))
        }
        return errs
    }
}

extension JobSpec {
    func validate(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        errs += Check.nonNegative(parallelism, path.child("parallelism"))
        errs += Check.nonNegative(completions, path.child("completions"))
        errs += Check.nonNegative(backoffLimit, path.child("backoffLimit"))
        errs += Check.nonNegative(ttlSecondsAfterFinished, path.child("ttlSecondsAfterFinished"))
        if let activeDeadlineSeconds, activeDeadlineSeconds <= 0 {
            errs.append(.invalid(path.child("activeDeadlineSeconds"), String(activeDeadlineSeconds), "must be greater than 0"))
        }
        errs += Check.supported(completionMode, ["Indexed", "NonIndexed"], path.child("completionMode"))
        if completionMode == "Indexed" && completions == nil {
            errs.append(.required(path.child("completions"), "when completion mode is Indexed"))
        }
        errs += Check.supported(podReplacementPolicy, ["Failed", "TerminatingOrFailed"], path.child("podReplacementPolicy"))
        // The API server generates the selector and its label unless manualSelector is set.
        var matcher: Selector?
        if let selector {
            errs += selector.validate(path: path.child("selector"))
            matcher = try? Selector(selector)
        } else if manualSelector == true {
            errs.append(.required(path.child("selector")))
        }
        errs += WorkloadCheck.podTemplate(template, path: path.child("template"), matching: matcher,
                                          restartPolicies: ["OnFailure", "Never"], forbidActiveDeadline: false, kind: "Job")
        if template?.spec != nil && template?.spec?.restartPolicy == nil {
            // Kubernetes has no default for a Job's pods: the policy must be chosen.
            errs.append(.required(path.child("template").child("spec").child("restartPolicy"),
                                  "valid values: \"OnFailure\", \"Never\""))
        }
        return errs
    }
}

extension CronJob: Validatable {
    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        // A CronJob's name becomes its Jobs' prefix plus an 11-character suffix.
        if let name = metadata.name, name.utf8.count > 52 {
            errs.append(.invalid("metadata.name", GoValueFormat.quote(name), "must be no more than 52 characters"))
        }
        return errs + (spec ?? CronJobSpec()).validate(path: "spec")
    }

    public func validateUpdate(from old: CronJob) -> [FieldError] {
        metadata.validateUpdate(from: old.metadata) + (spec ?? CronJobSpec()).validate(path: "spec")
    }
}

extension CronJobSpec {
    func validate(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        let schedule = self.schedule ?? ""
        if schedule.isEmpty {
            errs.append(.required(path.child("schedule")))
        } else if let message = CronJobSpec.scheduleError(schedule) {
            errs.append(.invalid(path.child("schedule"), quoting: schedule, message))
        }
        if let timeZone, TimeZone(identifier: timeZone) == nil || timeZone.hasPrefix(" ") || timeZone.lowercased() == "local" {
            errs.append(.invalid(path.child("timeZone"), quoting: timeZone, "unknown time zone \(timeZone)"))
        }
        errs += Check.supported(concurrencyPolicy, ["Allow", "Forbid", "Replace"], path.child("concurrencyPolicy"))
        errs += Check.nonNegative(startingDeadlineSeconds, path.child("startingDeadlineSeconds"))
        errs += Check.nonNegative(successfulJobsHistoryLimit, path.child("successfulJobsHistoryLimit"))
        errs += Check.nonNegative(failedJobsHistoryLimit, path.child("failedJobsHistoryLimit"))
        let jobPath = path.child("jobTemplate")
        if let template = jobTemplate {
            errs += ObjectMeta.validateLabels(template.metadata?.labels ?? [:], path: jobPath.child("metadata").child("labels"))
            errs += (template.spec ?? JobSpec()).validate(path: jobPath.child("spec"))
        } else {
            errs.append(.required(jobPath))
        }
        return errs
    }

    /// A five-field cron expression (or a `@hourly`-style macro); the detail when malformed.
    static func scheduleError(_ schedule: String) -> String? {
        do {
            _ = try CronSchedule(schedule)
            return nil
        } catch {
            return error.detail
        }
    }
}
