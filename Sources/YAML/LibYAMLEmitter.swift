import CYAML

/// libyaml's emitter writing block-style UTF-8 YAML into memory: two-space indent, no line
/// folding, non-ASCII characters written as themselves. Events must arrive in a valid order
/// (stream ⊃ documents ⊃ one node each); anything else is a programming error and traps.
final class LibYAMLEmitter {
    /// The scalar styles Capstan asks for.
    enum ScalarStyle {
        case plain, doubleQuoted, literal

        var libyaml: yaml_scalar_style_t {
            switch self {
            case .plain: YAML_PLAIN_SCALAR_STYLE
            case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
            case .literal: YAML_LITERAL_SCALAR_STYLE
            }
        }
    }

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private var bytes: [UInt8] = []

    init() {
        emitter = .allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else { fatalError("libyaml: out of memory initialising an emitter") }
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        yaml_emitter_set_output(emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            let this = Unmanaged<LibYAMLEmitter>.fromOpaque(context).takeUnretainedValue()
            this.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// Everything emitted so far, once the stream has ended (libyaml buffers until then).
    var output: String { String(decoding: bytes, as: UTF8.self) }

    func streamStart() {
        emit { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
    }

    func streamEnd() {
        emit { yaml_stream_end_event_initialize(&$0) }
        guard yaml_emitter_flush(emitter) == 1 else { trap() }
    }

    /// An implicit document start: libyaml writes `---` before every document but the first.
    func documentStart() {
        emit { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
    }

    func documentEnd() {
        emit { yaml_document_end_event_initialize(&$0, 1) }
    }

    /// An untagged scalar; `plain` may be turned into a quoted style by libyaml when the text
    /// needs it.
    func scalar(_ text: String, style: ScalarStyle) {
        var utf8 = Array(text.utf8)
        utf8.append(0)  // a valid pointer even for the empty string
        utf8.withUnsafeBufferPointer { buffer in
            emit { yaml_scalar_event_initialize(&$0, nil, nil, buffer.baseAddress, Int32(buffer.count - 1), 1, 1, style.libyaml) }
        }
    }

    func sequenceStart(flow: Bool) {
        emit { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE) }
    }

    func sequenceEnd() {
        emit { yaml_sequence_end_event_initialize(&$0) }
    }

    func mappingStart(flow: Bool) {
        emit { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE) }
    }

    func mappingEnd() {
        emit { yaml_mapping_end_event_initialize(&$0) }
    }

    /// Initialises an event and hands it to libyaml, which takes ownership of it.
    private func emit(_ initialize: (inout yaml_event_t) -> Int32) {
        var event = yaml_event_t()
        guard initialize(&event) == 1, yaml_emitter_emit(emitter, &event) == 1 else { trap() }
    }

    private func trap() -> Never {
        let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown error"
        fatalError("libyaml emitter: \(problem)")
    }
}
