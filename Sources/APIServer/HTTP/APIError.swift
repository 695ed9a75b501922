import Resources

/// A failed request, answered as a `Status` object with Kubernetes' code, reason and details.
public struct APIError: Error, Sendable, CustomStringConvertible {
    public var code: Int
    /// `NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, `BadRequest`, … (metav1.StatusReason).
    public var reason: String
    public var message: String
    /// `details` of the Status: name, group, kind, causes.
    public var details: JSONValue?

    public init(code: Int, reason: String, message: String, details: JSONValue? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    public var description: String { "\(code) \(reason): \(message)" }

    /// The `Status` object sent as the response body.
    public var status: JSONValue {
        var s: JSONValue = [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": .string(message), "reason": .string(reason), "code": .integer(Int64(code)),
        ]
        if let details { s["details"] = details }
        return s
    }

    // MARK: The errors of the API machinery, with upstream's messages.

    static func details(_ resource: ServedResource?, name: String?) -> JSONValue {
        var d: JSONValue = [:]
        if let name { d["name"] = .string(name) }
        if let resource {
            d["group"] = .string(resource.type.group)
            d["kind"] = .string(resource.type.plural)
        }
        return d
    }

    static func qualified(_ resource: ServedResource) -> String {
        resource.type.group.isEmpty ? resource.type.plural : "\(resource.type.plural).\(resource.type.group)"
    }

    public static func notFound(_ resource: ServedResource, _ name: String) -> APIError {
        APIError(code: 404, reason: "NotFound", message: "\(qualified(resource)) \"\(name)\" not found",
                 details: details(resource, name: name))
    }

    public static func alreadyExists(_ resource: ServedResource, _ name: String) -> APIError {
        APIError(code: 409, reason: "AlreadyExists", message: "\(qualified(resource)) \"\(name)\" already exists",
                 details: details(resource, name: name))
    }

    public static func conflict(_ resource: ServedResource, _ name: String, _ why: String) -> APIError {
        APIError(code: 409, reason: "Conflict",
                 message: "Operation cannot be fulfilled on \(qualified(resource)) \"\(name)\": \(why)",
                 details: details(resource, name: name))
    }

    /// 422 with one cause per field error, as `errors.NewInvalid`.
    public static func invalid(_ resource: ServedResource, _ name: String, _ errors: [FieldError]) -> APIError {
        let causes = errors.map { e -> JSONValue in
            ["reason": .string(e.kind.causeType), "message": .string(e.messageWithoutField), "field": .string(e.field.text)]
        }
        let list = errors.map(\.description)
        let joined = list.count == 1 ? list[0] : "[" + list.joined(separator: ", ") + "]"
        var d = details(resource, name: name)
        d["kind"] = .string(resource.type.kind)
        d["causes"] = .array(causes)
        return APIError(code: 422, reason: "Invalid",
                        message: "\(resource.type.kind)\(resource.type.group.isEmpty ? "" : "." + resource.type.group) \"\(name)\" is invalid: \(joined)",
                        details: d)
    }

    public static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    public static func methodNotAllowed(_ message: String) -> APIError {
        APIError(code: 405, reason: "MethodNotAllowed", message: message)
    }

    public static func gone(_ message: String) -> APIError {
        APIError(code: 410, reason: "Expired", message: message)
    }

    public static func unsupportedMediaType(_ message: String) -> APIError {
        APIError(code: 415, reason: "UnsupportedMediaType", message: message)
    }

    public static func notAcceptable(_ message: String) -> APIError {
        APIError(code: 406, reason: "NotAcceptable", message: message)
    }

    public static func tooLarge(_ message: String) -> APIError {
        APIError(code: 413, reason: "RequestEntityTooLarge", message: message)
    }

    public static func unauthorized() -> APIError {
        APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")
    }

    public static func forbidden(_ message: String) -> APIError {
        APIError(code: 403, reason: "Forbidden", message: message)
    }

    public static func notFoundPath(_ path: String) -> APIError {
        APIError(code: 404, reason: "NotFound", message: "the server could not find the requested resource",
                 details: ["causes": [["reason": "UnexpectedServerResponse", "message": .string("404 page not found: \(path)")]]])
    }

    public static func internalError(_ message: String) -> APIError {
        APIError(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)")
    }

    public static func timeout(_ message: String) -> APIError {
        APIError(code: 504, reason: "Timeout", message: message)
    }
}

extension FieldError {
    /// The message of a Status cause: the description without the leading field path.
    var messageWithoutField: String {
        let full = description
        let prefix = field.text + ": "
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
