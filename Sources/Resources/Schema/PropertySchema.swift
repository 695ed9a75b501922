/// One member of an object type: its JSON name and value type, whether it is required, its
/// description (from the property's doc comment) and its patch metadata.
public struct PropertySchema: Sendable {
    public var name: String
    public var value: ValueSchema
    /// A non-optional property without an initial value: decoding fails without it.
    public var isRequired: Bool
    public var description: String
    public var patch: PatchMetadata

    public init(name: String, value: ValueSchema, isRequired: Bool = false, description: String = "",
                patch: PatchMetadata = PatchMetadata()) {
        self.name = name
        self.value = value
        self.isRequired = isRequired
        self.description = description
        self.patch = patch
    }
}
