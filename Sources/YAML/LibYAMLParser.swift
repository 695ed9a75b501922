import CYAML

/// libyaml's event parser over one in-memory text. Not thread-safe; owns its C state and a copy
/// of the input, which libyaml reads in place, for its whole life.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: some Collection<UInt8>) {
        // One spare byte so an empty text still has a valid pointer.
        input = .allocate(capacity: bytes.count + 1)
        _ = input.initialize(from: bytes)
        input[bytes.count] = 0
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else { fatalError("libyaml: out of memory initialising a parser") }
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; after `.streamEnd` it must not be called again.
    func next() throws(YAMLError) -> ParseEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw currentError() }
        defer { yaml_event_delete(&event) }
        let location = Self.location(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_STREAM_END_EVENT:
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(location)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", location: location)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            return .scalar(ParseEvent.Scalar(
                text: text,
                tag: Self.string(scalar.tag),
                anchor: Self.string(scalar.anchor),
                isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                location: location
            ))
        case YAML_SEQUENCE_START_EVENT:
            return .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), location: location)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            return .mappingStart(anchor: Self.string(event.data.mapping_start.anchor), location: location)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            throw YAMLError(line: 0, column: 0, message: "libyaml produced an unknown event")
        }
    }

    /// libyaml's error state as a `YAMLError`: the problem and its mark, and the context.
    private func currentError() -> YAMLError {
        let p = parser.pointee
        let problem = Self.string(p.problem) ?? "unknown error"
        switch p.error {
        case YAML_READER_ERROR:
            // Encoding errors carry a byte offset, not a mark.
            let at = lineAndColumn(ofByteOffset: p.problem_offset)
            return YAMLError(at: at, problem)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let context = Self.string(p.context)
            return YAMLError(
                line: p.problem_mark.line + 1,
                column: p.problem_mark.column + 1,
                message: problem,
                context: context,
                contextLocation: context == nil ? nil : Self.location(p.context_mark)
            )
        case YAML_MEMORY_ERROR:
            return YAMLError(line: 0, column: 0, message: "libyaml ran out of memory")
        default:
            return YAMLError(line: 0, column: 0, message: problem)
        }
    }

    private func lineAndColumn(ofByteOffset offset: Int) -> YAMLLocation {
        var line = 1
        var column = 1
        for byte in input.prefix(min(offset, input.count - 1)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return YAMLLocation(line: line, column: column)
    }

    private static func location(_ mark: yaml_mark_t) -> YAMLLocation {
        YAMLLocation(line: mark.line + 1, column: mark.column + 1)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}
