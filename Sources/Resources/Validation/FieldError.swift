/// A path to a field inside an object, printed as Kubernetes does: `spec.containers[0].image`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public private(set) var text: String

    public init(_ root: String) { self.text = root }
    public init(stringLiteral value: String) { self.text = value }

    public func child(_ name: String) -> FieldPath { FieldPath(text.isEmpty ? name : "\(text).\(name)") }
    public func index(_ i: Int) -> FieldPath { FieldPath("\(text)[\(i)]") }
    public func key(_ k: String) -> FieldPath { FieldPath("\(text)[\(k)]") }

    public var description: String { text }
}

/// One validation failure, in the vocabulary of Kubernetes' field errors.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason kinds Kubernetes reports (`FieldValueRequired` prints "Required value", …).
    public enum Kind: String, Hashable, Sendable {
        case required = "Required value"
        case invalid = "Invalid value"
        case notSupported = "Unsupported value"
        case duplicate = "Duplicate value"
        case forbidden = "Forbidden"
        case tooLong = "Too long"
        case tooMany = "Too many"
        case notFound = "Not found"
        case internalError = "Internal error"

        /// The `reason` Kubernetes puts in a Status cause (`FieldValueRequired`, …).
        public var causeType: String {
            switch self {
            case .required: "FieldValueRequired"
            case .invalid: "FieldValueInvalid"
            case .notSupported: "FieldValueNotSupported"
            case .duplicate: "FieldValueDuplicate"
            case .forbidden: "FieldValueForbidden"
            case .tooLong: "FieldValueTooLong"
            case .tooMany: "FieldValueTooMany"
            case .notFound: "FieldValueNotFound"
            case .internalError: "InternalError"
            }
        }
    }

    public var kind: Kind
    public var field: FieldPath
    /// The offending value, printed as Kubernetes prints it (quoted strings), if any.
    public var badValue: String?
    public var detail: String?

    public init(_ kind: Kind, _ field: FieldPath, value: String? = nil, _ detail: String? = nil) {
        self.kind = kind
        self.field = field
        self.badValue = value
        self.detail = detail
    }

    public static func required(_ field: FieldPath, _ detail: String? = nil) -> FieldError {
        FieldError(.required, field, detail)
    }
    public static func invalid(_ field: FieldPath, _ value: String, _ detail: String) -> FieldError {
        FieldError(.invalid, field, value: value, detail)
    }
    public static func notSupported(_ field: FieldPath, _ value: String, supported: [String]) -> FieldError {
        FieldError(.notSupported, field, value: value, "supported values: " + supported.map { "\"\($0)\"" }.joined(separator: ", "))
    }
    public static func forbidden(_ field: FieldPath, _ detail: String) -> FieldError {
        FieldError(.forbidden, field, detail)
    }
    public static func duplicate(_ field: FieldPath, _ value: String) -> FieldError {
        FieldError(.duplicate, field, value: value)
    }

    /// `spec.replicas: Invalid value: -1: must be greater than or equal to 0`
    public var description: String {
        var s = "\(field): \(kind.rawValue)"
        if let badValue, kind != .required, kind != .forbidden, kind != .tooLong, kind != .internalError {
            s += ": \(badValue)"
        }
        if let detail, !detail.isEmpty { s += ": \(detail)" }
        return s
    }
}

/// Every failure found in one object, in the order found.
public struct ValidationErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
    public var description: String {
        errors.count == 1 ? errors[0].description : "[" + errors.map(\.description).joined(separator: ", ") + "]"
    }
}
