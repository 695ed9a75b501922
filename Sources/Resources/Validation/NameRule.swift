/// How a kind's object names are checked (Kubernetes' `ValidateNameFunc`). For a
/// `generateName` prefix a trailing `-` is allowed (`maskTrailingDash`).
public enum NameRule: Sendable {
    /// NameIsDNSSubdomain: most kinds (Pod, ConfigMap, Deployment, …).
    case dnsSubdomain
    /// NameIsDNSLabel: Namespace, StatefulSet-owned names, …
    case dnsLabel
    /// NameIsDNS1035Label: Service.
    case dns1035Label
    /// Only the path-segment rules every name obeys (not `.`/`..`, no `/` or `%`).
    case pathSegment

    /// Kubernetes' messages for `name`, empty when valid.
    public func messages(for name: String, prefix: Bool = false) -> [String] {
        var name = name
        if prefix, name.utf8.count > 1, name.hasSuffix("-") {
            // maskTrailingDash: name[:len-2] + "a"
            name = String(decoding: Array(name.utf8).dropLast(2), as: UTF8.self) + "a"
        }
        switch self {
        case .dnsSubdomain: return NameValidation.dns1123Subdomain(name)
        case .dnsLabel: return NameValidation.dns1123Label(name)
        case .dns1035Label: return NameValidation.dns1035Label(name)
        case .pathSegment: return ObjectMeta.pathSegmentNameErrors(name, prefix: prefix)
        }
    }
}
