/// One libyaml parser event, copied out of C memory. Locations are where the node's text
/// starts (for a block mapping, its first key).
enum ParseEvent {
    /// A scalar node's content and how it was written.
    struct Scalar {
        var text: String
        var tag: String?
        var anchor: String?
        /// Written without quotes or block indicator (`|`, `>`).
        var isPlain: Bool
        var location: YAMLLocation
    }

    case streamStart
    case streamEnd
    case documentStart(YAMLLocation)
    case documentEnd
    case alias(anchor: String, location: YAMLLocation)
    case scalar(Scalar)
    case sequenceStart(anchor: String?, location: YAMLLocation)
    case sequenceEnd
    case mappingStart(anchor: String?, location: YAMLLocation)
    case mappingEnd
}
