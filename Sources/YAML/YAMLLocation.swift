/// A position in a YAML text: 1-based line and 1-based column (counted in characters), as
/// editors and `file:line:column` error messages show it.
public struct YAMLLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `14:18`, ready to follow a file name: `deploy.yaml:14:18`.
    public var description: String { "\(line):\(column)" }

    public static func < (a: YAMLLocation, b: YAMLLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
