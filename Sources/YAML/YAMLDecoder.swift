import Resources

/// Reads YAML streams (documents separated by `---`) into JSON values, as Kubernetes tooling
/// (sigs.k8s.io/yaml, kubectl) reads manifests; and typed values through those JSON values.
///
/// Contracts:
/// - Documents whose content is null — empty, only comments, or `null`/`~` — are skipped (by
///   default), as kubectl skips them; a Helm render's empty and trailing documents vanish.
/// - Scalars resolve as go-yaml v2 resolves them (see `ScalarResolver`): `yes`/`on`/`y` are
///   booleans, quoted and block scalars are strings. `.inf` and `.nan` are errors: JSON has no
///   such numbers (sigs.k8s.io/yaml fails on them too).
/// - Every error is a `YAMLError` with a 1-based line and column, except `decode`'s typed
///   decoding errors, which are the `DecodingError` of `JSONValue.decode`.
public struct YAMLDecoder: Sendable {
    /// The most nodes aliases may add to one document by expansion.
    public var maxAliasExpansion: Int
    /// The deepest nesting of sequences and mappings accepted.
    public var maxDepth: Int
    /// Whether documents with null content are dropped from the results.
    public var skipsEmptyDocuments: Bool

    public init(maxAliasExpansion: Int = 100_000, maxDepth: Int = 512, skipsEmptyDocuments: Bool = true) {
        self.maxAliasExpansion = maxAliasExpansion
        self.maxDepth = maxDepth
        self.skipsEmptyDocuments = skipsEmptyDocuments
    }

    /// The value of every document in the stream, in order.
    public func values(from text: String) throws(YAMLError) -> [JSONValue] {
        try documents(from: Array(text.utf8)).map(\.value)
    }

    /// The documents of the stream with their start locations and source maps.
    public func documents(from text: String) throws(YAMLError) -> [YAMLDocument] {
        try documents(from: Array(text.utf8))
    }

    /// The documents of a stream given as bytes (UTF-8, or UTF-16 with a byte order mark).
    public func documents(from bytes: some Collection<UInt8>) throws(YAMLError) -> [YAMLDocument] {
        let parser = LibYAMLParser(bytes)
        var documents: [YAMLDocument] = []
        var builder: DocumentBuilder?
        while true {
            let event = try parser.next()
            switch event {
            case .streamStart:
                continue
            case .streamEnd:
                return documents
            case .documentStart(let start):
                builder = DocumentBuilder(start: start, maxAliasExpansion: maxAliasExpansion, maxDepth: maxDepth)
            case .documentEnd:
                guard let finished = builder else { continue }
                builder = nil
                let value = finished.root ?? .null
                if skipsEmptyDocuments && value.isNull { continue }
                documents.append(YAMLDocument(value: value, start: finished.start, sourceMap: finished.sourceMap()))
            default:
                try builder?.handle(event)
            }
        }
    }

    /// The value of a stream that must hold exactly one (non-empty) document.
    public func value(from text: String) throws(YAMLError) -> JSONValue {
        try single(documents(from: text)).value
    }

    /// Decodes the single document of `text` as `T` (any `Decodable`, usually an API kind).
    public func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try value(from: text).decode(T.self)
    }

    /// Decodes every document of `text` as `T`.
    public func decodeAll<T: Decodable>(_ type: T.Type, from text: String) throws -> [T] {
        try values(from: text).map { try $0.decode(T.self) }
    }

    private func single(_ documents: [YAMLDocument]) throws(YAMLError) -> YAMLDocument {
        guard let first = documents.first else {
            throw YAMLError(line: 1, column: 1, message: "the text holds no document")
        }
        guard documents.count == 1 else {
            let second = documents[1].start
            throw YAMLError(at: second, "expected one document, found \(documents.count)")
        }
        return first
    }
}
