import Foundation
import X509

/// The names a serving certificate covers, split the way X.509 records them: DNS names
/// (`dNSName` SANs) and IP addresses (`iPAddress` SANs).
///
/// Contracts:
/// - An entry that parses as an IPv4 or IPv6 address (`[::1]` brackets and `%zone` suffixes
///   allowed) is an IP address, held as its 4 or 16 network-order bytes; anything else is a
///   DNS name, held lower-cased without a trailing dot.
/// - Equality and coverage ignore order and duplicates.
struct ServingNames: Hashable, Sendable {
    /// The names every Capstan serving certificate covers, so that in-cluster clients (through
    /// the `kubernetes` Service) and local clients verify it.
    static let alwaysIncluded = [
        "localhost",
        "kubernetes",
        "kubernetes.default",
        "kubernetes.default.svc",
        "kubernetes.default.svc.cluster.local",
        "127.0.0.1",
        "::1",
    ]

    private(set) var dnsNames: Set<String> = []
    /// 4 bytes for IPv4, 16 for IPv6, network byte order.
    private(set) var ipAddresses: Set<[UInt8]> = []

    init() {}

    /// Classifies `names`; throws `ClusterCredentialsError.invalidServerName` for an entry that
    /// is neither an IP address nor a DNS name (letters, digits, `-`, `.`, and a leading `*.`).
    init(_ names: some Sequence<String>) throws {
        for name in names {
            try insert(name)
        }
    }

    /// The DNS names and IP addresses among `certificate`'s subject alternative names; other
    /// kinds of name, and names that could not be requested, are left out.
    init(subjectAlternativeNamesOf certificate: Certificate) throws {
        for name in try certificate.extensions.subjectAlternativeNames ?? SubjectAlternativeNames() {
            switch name {
            case .dnsName(let dnsName):
                try? insert(dnsName)
            case .ipAddress(let address) where address.bytes.count == 4 || address.bytes.count == 16:
                ipAddresses.insert(Array(address.bytes))
            default:
                continue
            }
        }
    }

    /// `init(subjectAlternativeNamesOf:)` for a PEM certificate.
    init(subjectAlternativeNamesOfPEM certificatePEM: String) throws {
        try self.init(subjectAlternativeNamesOf: Certificate(pemEncoded: certificatePEM))
    }

    /// Adds one name, classified as described on the type.
    mutating func insert(_ name: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let address = Self.ipAddressBytes(trimmed) {
            ipAddresses.insert(address)
            return
        }
        var dnsName = trimmed.lowercased()
        if dnsName.hasSuffix(".") { dnsName.removeLast() }
        guard Self.isValidDNSName(dnsName) else {
            throw ClusterCredentialsError.invalidServerName(name)
        }
        dnsNames.insert(dnsName)
    }

    /// The names of both kinds in `other` are all in `self`.
    func covers(_ other: ServingNames) -> Bool {
        other.dnsNames.isSubset(of: dnsNames) && other.ipAddresses.isSubset(of: ipAddresses)
    }

    /// Whether `name` is a DNS name a certificate may carry: dot-separated labels of ASCII
    /// letters, digits and hyphens (at most 63 bytes each, not starting or ending with a
    /// hyphen), optionally starting with a `*` label.
    static func isValidDNSName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        for (index, label) in labels.enumerated() {
            if index == 0 && label == "*" && labels.count > 1 { continue }
            guard !label.isEmpty, label.utf8.count <= 63,
                  label.first != "-", label.last != "-",
                  label.utf8.allSatisfy({ byte in
                      (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                          || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                          || byte == UInt8(ascii: "-")
                  })
            else { return false }
        }
        return true
    }

    /// The network-order bytes of `text` as an IPv4 or IPv6 address, or nil if it is neither.
    static func ipAddressBytes(_ text: String) -> [UInt8]? {
        var candidate = Substring(text)
        if candidate.hasPrefix("["), candidate.hasSuffix("]") {
            candidate = candidate.dropFirst().dropLast()
        }
        if let zone = candidate.firstIndex(of: "%") {
            candidate = candidate[..<zone]
        }
        let address = String(candidate)
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
