/// A label selector as Kubernetes evaluates it (`labels.Selector`): requirements ANDed together,
/// sorted by key. Built from a `LabelSelector` (`init(_:path:)`, as `LabelSelectorAsSelector`)
/// or parsed from the `?labelSelector=` syntax (`init(parsing:)`, as `labels.Parse`).
///
/// `description` prints the canonical string (`labels.Selector.String()`): requirements by key,
/// set values sorted, `env in (prod,staging)`, `!release`.
///
/// Three flavours, as in Kubernetes: the empty selector matches everything; `Selector.nothing`
/// (what a nil `LabelSelector` converts to) matches nothing.
public struct Selector: Hashable, Sendable, CustomStringConvertible {
    /// selection.Operator, spelled as Kubernetes spells it.
    public enum Operator: String, Hashable, Sendable, CaseIterable {
        case `in` = "in"
        case notIn = "notin"
        case equals = "="
        case doubleEquals = "=="
        case notEquals = "!="
        case exists = "exists"
        case doesNotExist = "!"
        case greaterThan = "gt"
        case lessThan = "lt"
    }

    /// One `key op values` term (`labels.Requirement`).
    public struct Requirement: Hashable, Sendable, CustomStringConvertible {
        public let key: String
        public let `operator`: Operator
        /// The values as given (parsed selectors give them sorted and de-duplicated).
        public let values: [String]

        /// NewRequirement: checks the key, the value count for the operator and each value.
        /// Errors carry the path of the offending part under `path`.
        public init(key: String, operator op: Operator, values: [String], path: FieldPath = "") throws(ValidationErrors) {
            var errs: [FieldError] = []
            for msg in NameValidation.qualifiedName(key) {
                errs.append(.invalid(path.child("key"), quoting: key, msg))
            }
            let valuesPath = path.child("values")
            let printed = GoValueFormat.stringSlice(values)
            switch op {
            case .in, .notIn:
                if values.isEmpty {
                    errs.append(.invalid(valuesPath, printed, "for 'in', 'notin' operators, values set can't be empty"))
                }
            case .equals, .doubleEquals, .notEquals:
                if values.count != 1 {
                    errs.append(.invalid(valuesPath, printed, "exact-match compatibility requires one single value"))
                }
            case .exists, .doesNotExist:
                if !values.isEmpty {
                    errs.append(.invalid(valuesPath, printed, "values set must be empty for exists and does not exist"))
                }
            case .greaterThan, .lessThan:
                if values.count != 1 {
                    errs.append(.invalid(valuesPath, printed, "for 'Gt', 'Lt' operators, exactly one value is required"))
                }
                for (i, v) in values.enumerated() where Int64(v) == nil {
                    errs.append(.invalid(valuesPath.index(i), quoting: v, "for 'Gt', 'Lt' operators, the value must be an integer"))
                }
            }
            for (i, v) in values.enumerated() {
                for msg in NameValidation.labelValue(v) {
                    errs.append(.invalid(valuesPath.index(i).key(key), quoting: v, msg))
                }
            }
            guard errs.isEmpty else { throw ValidationErrors(errs) }
            self.key = key
            self.operator = op
            self.values = values
        }

        /// Whether `labels` satisfy this requirement (`Requirement.Matches`).
        public func matches(_ labels: [String: String]) -> Bool {
            switch self.operator {
            case .in, .equals, .doubleEquals:
                guard let v = labels[key] else { return false }
                return values.contains(v)
            case .notIn, .notEquals:
                guard let v = labels[key] else { return true }
                return !values.contains(v)
            case .exists:
                return labels[key] != nil
            case .doesNotExist:
                return labels[key] == nil
            case .greaterThan, .lessThan:
                guard let v = labels[key], let actual = Int64(v), values.count == 1, let bound = Int64(values[0]) else {
                    return false
                }
                return self.operator == .greaterThan ? actual > bound : actual < bound
            }
        }

        /// `key=value`, `key in (a,b)`, `!key`, … with set values sorted.
        public var description: String {
            let joined = values.count == 1 ? values[0] : values.sorted().joined(separator: ",")
            switch self.operator {
            case .exists: return key
            case .doesNotExist: return "!" + key
            case .equals: return key + "=" + joined
            case .doubleEquals: return key + "==" + joined
            case .notEquals: return key + "!=" + joined
            case .in: return key + " in (" + joined + ")"
            case .notIn: return key + " notin (" + joined + ")"
            case .greaterThan: return key + ">" + joined
            case .lessThan: return key + "<" + joined
            }
        }
    }

    /// The requirements, sorted by key (stable for equal keys).
    public private(set) var requirements: [Requirement]
    /// True only for `Selector.nothing`.
    public private(set) var matchesNothing: Bool

    /// A selector of the given requirements, ANDed.
    public init(_ requirements: [Requirement] = []) {
        self.requirements = Selector.sortedByKey(requirements)
        self.matchesNothing = false
    }

    /// Matches every label set.
    public static let everything = Selector()
    /// Matches no label set (a nil `LabelSelector`).
    public static let nothing: Selector = {
        var s = Selector()
        s.matchesNothing = true
        return s
    }()

    /// SelectorFromSet: `key=value` for each entry.
    public init(matching set: [String: String]) {
        self.init(set.map { Requirement(unchecked: $0.key, .equals, [$0.value]) })
    }

    /// Whether the selector places no restriction (it matches everything).
    public var isEmpty: Bool { !matchesNothing && requirements.isEmpty }

    /// Whether every requirement matches `labels`.
    public func matches(_ labels: [String: String]) -> Bool {
        !matchesNothing && requirements.allSatisfy { $0.matches(labels) }
    }

    /// The value `label` must have, if the selector pins it (`RequiresExactMatch`).
    public func requiredValue(for label: String) -> String? {
        guard let r = requirements.first(where: { $0.key == label }) else { return nil }
        switch r.operator {
        case .equals, .doubleEquals, .in: return r.values.count == 1 ? r.values[0] : nil
        default: return nil
        }
    }

    /// A new selector with `requirement` added.
    public func adding(_ requirement: Requirement) -> Selector {
        var s = self
        s.requirements = Selector.sortedByKey(requirements + [requirement])
        return s
    }

    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }

    static func sortedByKey(_ rs: [Requirement]) -> [Requirement] {
        rs.enumerated().sorted { a, b in
            a.element.key != b.element.key ? a.element.key < b.element.key : a.offset < b.offset
        }.map(\.element)
    }
}

extension Selector.Requirement {
    /// A requirement known to be valid (SelectorFromValidatedSet); no checks.
    init(unchecked key: String, _ op: Selector.Operator, _ values: [String]) {
        self.key = key
        self.operator = op
        self.values = values
    }
}

extension Selector {
    /// LabelSelectorAsSelector: nil → `nothing`, empty → `everything`, otherwise matchLabels as
    /// `key=value` and matchExpressions with In/NotIn/Exists/DoesNotExist. Throws the field
    /// errors of the first invalid part, with paths under `path`
    /// (`spec.selector.matchExpressions[0].values`).
    public init(_ selector: LabelSelector?, path: FieldPath = "") throws(ValidationErrors) {
        guard let selector else {
            self = .nothing
            return
        }
        let matchLabels = selector.matchLabels ?? [:]
        let expressions = selector.matchExpressions ?? []
        if matchLabels.isEmpty && expressions.isEmpty {
            self = .everything
            return
        }
        var requirements: [Requirement] = []
        for key in matchLabels.keys.sorted() {
            requirements.append(try Requirement(key: key, operator: .equals, values: [matchLabels[key]!],
                                                path: path.child("matchLabels")))
        }
        for (i, expr) in expressions.enumerated() {
            let p = path.child("matchExpressions").index(i)
            let op: Operator
            switch expr.operator {
            case "In": op = .in
            case "NotIn": op = .notIn
            case "Exists": op = .exists
            case "DoesNotExist": op = .doesNotExist
            default:
                throw ValidationErrors([.invalid(p.child("operator"), quoting: expr.operator, "not a valid selector operator")])
            }
            requirements.append(try Requirement(key: expr.key, operator: op, values: expr.values ?? [], path: p))
        }
        self.init(requirements)
    }
}

extension LabelSelector {
    /// ValidateLabelSelector (metav1 validation): matchLabels are valid labels; each expression
    /// has a known operator, values exactly when In/NotIn need them, a qualified key and valid
    /// values.
    public func validate(path: FieldPath) -> [FieldError] {
        var errs = ObjectMeta.validateLabels(matchLabels ?? [:], path: path.child("matchLabels"))
        for (i, expr) in (matchExpressions ?? []).enumerated() {
            let p = path.child("matchExpressions").index(i)
            let values = expr.values ?? []
            switch expr.operator {
            case "In", "NotIn":
                if values.isEmpty {
                    errs.append(.required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
                }
            case "Exists", "DoesNotExist":
                if !values.isEmpty {
                    errs.append(.forbidden(p.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                }
            default:
                errs.append(.invalid(p.child("operator"), quoting: expr.operator, "not a valid selector operator"))
            }
            for msg in NameValidation.qualifiedName(expr.key) {
                errs.append(.invalid(p.child("key"), quoting: expr.key, msg))
            }
            for (j, v) in values.enumerated() {
                for msg in NameValidation.labelValue(v) {
                    errs.append(.invalid(p.child("values").index(j), quoting: v, msg))
                }
            }
        }
        return errs
    }
}
