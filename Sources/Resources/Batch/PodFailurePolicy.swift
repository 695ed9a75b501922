/// batchv1.PodFailurePolicy: how a `Job` treats failed pods, by exit codes and pod conditions.
/// The first matching rule decides; a failure no rule matches counts against `backoffLimit`.
@APIObject(.batch)
public struct PodFailurePolicy {
    @ListType("atomic")
    public var rules: [PodFailurePolicyRule] = []
}

/// One rule of a `PodFailurePolicy`: an action (`FailJob`, `FailIndex`, `Ignore`, `Count`)
/// taken when the exit codes or the pod conditions match.
@APIObject(.batch)
public struct PodFailurePolicyRule {
    public var action: String?
    public var onExitCodes: PodFailurePolicyOnExitCodesRequirement?
    @ListType("atomic")
    public var onPodConditions: [PodFailurePolicyOnPodConditionsPattern] = []
}

/// Matches a failed pod by its containers' exit codes: `In` or `NotIn` the listed values.
@APIObject(.batch)
public struct PodFailurePolicyOnExitCodesRequirement {
    public var containerName: String?
    public var `operator`: String?
    @ListType("set")
    public var values: [Int32] = []
}

/// Matches a failed pod by one of its conditions; `status` defaults to `True`.
@APIObject(.batch)
public struct PodFailurePolicyOnPodConditionsPattern {
    public var type: String?
    public var status: String?
}
