import Resources

/// Where each value of one YAML document was written: field paths such as
/// `spec.template.spec.containers[0].image` mapped to the location of the value (not its key).
///
/// Paths are looked up by their components, so `metadata.labels.app` and
/// `metadata.labels[app]` (the form Kubernetes' field paths print for map keys) find the same
/// entry; a key containing `.` or `[` must be written in brackets: `metadata.labels[app.kubernetes.io/name]`.
/// The empty path is the document's root. Values reached through an alias or a merge key
/// point at the text they were copied from; a local key beside a merge key points at itself.
public struct YAMLSourceMap: Hashable, Sendable {
    /// Path components (map keys and decimal sequence indices) to locations.
    private var locations: [[String]: YAMLLocation]

    init(_ locations: [[String]: YAMLLocation]) {
        self.locations = locations
    }

    public init() { self.locations = [:] }

    /// The location of the value at `path`, or nil when the document has no such value.
    public func location(of path: String) -> YAMLLocation? {
        locations[YAMLSourceMap.components(of: path)]
    }

    /// The location of the value at `path` as Resources' validation errors name it.
    public func location(of path: FieldPath) -> YAMLLocation? {
        location(of: path.text)
    }

    /// The location of the value at `path`, or of its nearest ancestor that exists: an error
    /// about a missing field (`spec.selector: Required value`) then points at the enclosing object.
    public func nearestLocation(of path: String) -> YAMLLocation? {
        var components = YAMLSourceMap.components(of: path)
        while true {
            if let found = locations[components] { return found }
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }

    public func nearestLocation(of path: FieldPath) -> YAMLLocation? {
        nearestLocation(of: path.text)
    }

    /// Every recorded path, printed as `spec.containers[0].image` (keys that are not plain
    /// words in brackets), with its location; in document order.
    public var entries: [(path: String, location: YAMLLocation)] {
        locations.map { (YAMLSourceMap.render($0.key), $0.value) }
            .sorted { ($0.location, $0.path) < ($1.location, $1.path) }
    }

    public var count: Int { locations.count }

    /// Splits `a.b[0][x.y]` into `["a", "b", "0", "x.y"]`. Brackets hold a key or an index
    /// verbatim (no escapes); dots separate keys outside brackets.
    static func components(of path: String) -> [String] {
        var components: [String] = []
        var current = ""
        var inBracket = false
        var pendingDotless = false  // a component just closed by `]`
        for character in path {
            if inBracket {
                if character == "]" {
                    components.append(current)
                    current = ""
                    inBracket = false
                    pendingDotless = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case ".":
                if !pendingDotless || !current.isEmpty { components.append(current) }
                current = ""
                pendingDotless = false
            case "[":
                if !current.isEmpty { components.append(current) }
                current = ""
                inBracket = true
            default:
                current.append(character)
                pendingDotless = false
            }
        }
        if inBracket || !current.isEmpty { components.append(current) }
        return components
    }

    /// The printed form of a path: word-like keys after dots, everything else in brackets.
    static func render(_ components: [String]) -> String {
        var text = ""
        for component in components {
            let isIndex = !component.isEmpty && component.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            let isWord = !component.isEmpty && !component.contains(where: { $0 == "." || $0 == "[" || $0 == "]" })
            if isIndex || !isWord {
                text += "[\(component)]"
            } else {
                text += text.isEmpty ? component : ".\(component)"
            }
        }
        return text
    }
}
