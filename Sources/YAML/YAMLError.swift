/// A YAML text that cannot become JSON values: a syntax error reported by libyaml, or a
/// semantic one found while building the value (duplicate key, unknown alias, a tag the
/// scalar does not fit, a number JSON cannot hold, excessive aliasing).
///
/// `line` and `column` are 1-based and point at the problem; `context` and `contextLocation`
/// carry libyaml's "while parsing …" note and where that construct began, when it gave one.
public struct YAMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// What is wrong, in libyaml's words for syntax errors:
    /// `mapping values are not allowed in this context`.
    public var message: String
    /// libyaml's context, e.g. `while scanning a quoted scalar`; nil when it gave none.
    public var context: String?
    public var contextLocation: YAMLLocation?

    public init(line: Int, column: Int, message: String, context: String? = nil, contextLocation: YAMLLocation? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.context = context
        self.contextLocation = contextLocation
    }

    init(at location: YAMLLocation, _ message: String) {
        self.init(line: location.line, column: location.column, message: message)
    }

    public var location: YAMLLocation { YAMLLocation(line: line, column: column) }

    /// `line 3, column 5: mapping values are not allowed in this context`, followed by the
    /// context in parentheses when there is one.
    public var description: String {
        var text = "line \(line), column \(column): \(message)"
        if let context {
            text += " (\(context)"
            if let contextLocation { text += " at line \(contextLocation.line), column \(contextLocation.column)" }
            text += ")"
        }
        return text
    }
}
