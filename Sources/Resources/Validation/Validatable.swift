/// A kind the API server checks before it persists an object, as Kubernetes' `ValidatePod`,
/// `ValidateDeployment`, … and their `…Update` counterparts do.
///
/// Contract: both functions are pure and return every failure found, in the order Kubernetes
/// reports them, with field paths printed as Kubernetes prints them
/// (`spec.template.spec.containers[0].image: Required value`). An empty list means valid.
///
/// Validation expects a defaulted object, as the API server's order is decode → default →
/// validate; an optional enum-like field left nil (for example `restartPolicy`) is taken to be
/// defaulted later and is not reported, while a present but unsupported value is.
public protocol Validatable {
    /// Checks a new object (create).
    func validate() -> [FieldError]
    /// Checks `self` as a replacement of `old` (update): the create checks plus immutability.
    func validateUpdate(from old: Self) -> [FieldError]
}

extension Validatable where Self: APIResource {
    /// The object's errors as one `ValidationErrors`, or nil when valid.
    public func validationErrors() -> ValidationErrors? {
        let errs = validate()
        return errs.isEmpty ? nil : ValidationErrors(errs)
    }

    /// ObjectMeta create checks with the kind's namespace scope.
    func validateMetadata(nameRule: NameRule = .dnsSubdomain) -> [FieldError] {
        metadata.validate(namespaced: Self.resourceType.namespaced, nameRule: nameRule)
    }
}

/// Small helpers shared by the per-kind validators.
enum Check {
    static let nonNegative = "must be greater than or equal to 0"

    /// `path: Invalid value: N: must be greater than or equal to 0` when `value < 0`.
    static func nonNegative<T: BinaryInteger>(_ value: T?, _ path: FieldPath) -> [FieldError] {
        guard let value, value < 0 else { return [] }
        return [.invalid(path, String(value), nonNegative)]
    }

    /// `Unsupported value` when `value` is present and not among `supported`.
    static func supported(_ value: String?, _ supported: [String], _ path: FieldPath) -> [FieldError] {
        guard let value, !supported.contains(value) else { return [] }
        return [.notSupported(path, quoting: value, supported: supported)]
    }

    /// `Invalid value: …: field is immutable` when the two differ.
    static func immutable<T: Equatable>(_ new: T, _ old: T, _ path: FieldPath, printed: (T) -> String) -> [FieldError] {
        new == old ? [] : [.immutable(path, printed(new))]
    }

    /// Any encodable value printed as compact JSON, as Kubernetes prints struct bad values.
    static func json<T: Encodable>(_ value: T?) -> String {
        guard let value, let json = try? JSONValue(encoding: value) else { return "null" }
        return json.serialized()
    }
}
