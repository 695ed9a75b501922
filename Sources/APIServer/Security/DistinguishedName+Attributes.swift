import X509

extension DistinguishedName {
    /// The value of the (last) common name attribute, if it is text.
    var commonName: String? {
        textValues { $0.type == .RDNAttributeType.commonName }.last
    }

    /// The text values of the organization attributes, in order, without duplicates.
    /// Kubernetes reads these as a client certificate user's groups.
    var organizations: [String] {
        var unique: [String] = []
        for value in textValues(where: { $0.type == .RDNAttributeType.organizationName }) where !unique.contains(value) {
            unique.append(value)
        }
        return unique
    }

    private func textValues(where isIncluded: (RelativeDistinguishedName.Attribute) -> Bool) -> [String] {
        flatMap { $0 }.filter(isIncluded).compactMap { String($0.value) }
    }
}
