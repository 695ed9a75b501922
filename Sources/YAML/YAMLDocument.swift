import Resources

/// One document of a YAML stream: its JSON value, where it starts, and where each of its values
/// was written, so a later error about a field can point into the file.
public struct YAMLDocument: Hashable, Sendable {
    public var value: JSONValue
    /// Where the document begins: its `---` marker, or its first content when it has none.
    public var start: YAMLLocation
    public var sourceMap: YAMLSourceMap

    public init(value: JSONValue, start: YAMLLocation, sourceMap: YAMLSourceMap = YAMLSourceMap()) {
        self.value = value
        self.start = start
        self.sourceMap = sourceMap
    }
}
