/// discovery.k8s.io/v1 validation: EndpointSlice.
extension EndpointSlice: Validatable {
    static let addressTypes = ["FQDN", "IPv4", "IPv6"]

    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        if let addressType {
            errs += Check.supported(addressType, Self.addressTypes, "addressType")
        } else {
            errs.append(.required("addressType"))
        }
        for (i, endpoint) in endpoints.enumerated() {
            let p = FieldPath("endpoints").index(i)
            if endpoint.addresses.isEmpty {
                errs.append(.required(p.child("addresses"), "must contain at least 1 address"))
            } else if endpoint.addresses.count > 100 {
                errs.append(FieldError(.tooMany, p.child("addresses"), value: String(endpoint.addresses.count), "must have at most 100 items"))
            }
            for (j, address) in endpoint.addresses.enumerated() {
                let ok: Bool
                switch addressType {
                case "IPv4": ok = IPAddress.isIPv4(address)
                case "IPv6": ok = IPAddress.isIPv6(address)
                default: ok = NameValidation.dns1123Subdomain(address).isEmpty
                }
                if !ok {
                    errs.append(.invalid(p.child("addresses").index(j), quoting: address, "must be a valid \(addressType ?? "FQDN") address"))
                }
            }
            if let hostname = endpoint.hostname {
                for msg in NameValidation.dns1123Label(hostname) { errs.append(.invalid(p.child("hostname"), quoting: hostname, msg)) }
            }
        }
        var names = Set<String>()
        for (i, port) in ports.enumerated() {
            let p = FieldPath("ports").index(i)
            let name = port.name ?? ""
            if !name.isEmpty {
                for msg in NameValidation.dns1123Label(name) { errs.append(.invalid(p.child("name"), quoting: name, msg)) }
            }
            if names.contains(name) {
                errs.append(.duplicate(p.child("name"), quoting: name))
            } else {
                names.insert(name)
            }
            errs += Check.supported(port.protocol, Container.protocols, p.child("protocol"))
            if let number = port.port {
                errs += NameValidation.portNumber(Int(number)).map { .invalid(p.child("port"), String(number), $0) }
            }
        }
        return errs
    }

    /// addressType is immutable.
    public func validateUpdate(from old: EndpointSlice) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        if addressType != old.addressType {
            errs.append(.immutable("addressType", GoValueFormat.quote(addressType ?? "")))
        }
        return errs + validate()
    }
}
