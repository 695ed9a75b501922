/// A model type that has a Kubernetes protobuf message: the upstream field number of each of
/// its members, by JSON name. With the type's `schema` this is the whole message definition:
/// the member's value type says how its field is encoded, so one table drives both
/// `ProtobufDecoder` and `ProtobufEncoder`.
///
/// Go structs that upstream embeds inline (`LocalObjectReference` in `ConfigMapKeySelector`,
/// `VolumeSource` in `Volume`) are flat in JSON but one message deeper on the wire: such a
/// field is declared `.inlined(N, [...])` under upstream's field name, with the numbers of
/// its members inside the embedded message.
///
/// Members that upstream's message does not carry (`apiVersion` and `kind`, which travel in
/// the envelope) have no entry. Field numbers are upstream's, from `generated.proto`.
public protocol ProtobufMessage: SchemaDescribing {
    static var protobufFields: ProtobufFields { get }
}

/// How one member is carried in its message: the field number, and the two things the
/// member's value type does not say.
public struct ProtobufField: Sendable, ExpressibleByIntegerLiteral {
    public var number: Int
    /// A zero scalar (`""`, `0`, `false`) on the wire is a value, not an unset field: upstream
    /// declares the member as a pointer, or without `omitempty`. Other zero scalars are
    /// dropped, as upstream's JSON encoding omits them.
    public var keepsZero: Bool
    /// A `bytes` field: base64 text in the JSON form (`Secret.data`, `ConfigMap.binaryData`).
    public var isBytes: Bool
    /// An embedded message whose members are this message's members in the JSON form.
    public var inlined: ProtobufFields?

    public init(number: Int, keepsZero: Bool = false, isBytes: Bool = false, inlined: ProtobufFields? = nil) {
        self.number = number
        self.keepsZero = keepsZero
        self.isBytes = isBytes
        self.inlined = inlined
    }

    public init(integerLiteral number: Int) {
        self.init(number: number)
    }

    public static func keepsZero(_ number: Int) -> ProtobufField {
        ProtobufField(number: number, keepsZero: true)
    }

    public static func bytes(_ number: Int) -> ProtobufField {
        ProtobufField(number: number, isBytes: true)
    }

    public static func inlined(_ number: Int, _ fields: ProtobufFields) -> ProtobufField {
        ProtobufField(number: number, inlined: fields)
    }
}

/// A message's fields: by name, by number for decoding, and in number order for encoding.
public struct ProtobufFields: Sendable, ExpressibleByDictionaryLiteral {
    /// Each field under its JSON name (or, for an inlined message, upstream's field name).
    public let byName: [String: ProtobufField]
    public let nameByNumber: [Int: String]
    /// The fields in field-number order.
    public let ordered: [(name: String, field: ProtobufField)]

    public init(dictionaryLiteral elements: (String, ProtobufField)...) {
        var byName: [String: ProtobufField] = [:]
        var nameByNumber: [Int: String] = [:]
        for (name, field) in elements {
            precondition(byName[name] == nil && nameByNumber[field.number] == nil,
                         "protobuf field \(name) = \(field.number) is declared twice")
            byName[name] = field
            nameByNumber[field.number] = name
        }
        self.byName = byName
        self.nameByNumber = nameByNumber
        self.ordered = elements.sorted { $0.1.number < $1.1.number }.map { (name: $0.0, field: $0.1) }
    }

    /// The JSON members these fields carry, including those of inlined messages.
    public var memberNames: Set<String> {
        var names: Set<String> = []
        for (name, field) in ordered {
            if let inlined = field.inlined { names.formUnion(inlined.memberNames) } else { names.insert(name) }
        }
        return names
    }
}
