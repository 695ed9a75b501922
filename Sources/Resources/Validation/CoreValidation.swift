/// core/v1 validation for the kinds other than Pod (kubernetes/pkg/apis/core/validation):
/// ConfigMap, Secret, Service, Namespace, PersistentVolumeClaim, Node and ServiceAccount.
enum DataCheck {
    /// MaxSecretSize, also the ConfigMap limit: 1 MiB.
    static let maxSize = 1024 * 1024

    /// Each key a valid config key.
    static func keys(_ keys: some Sequence<String>, _ path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        for key in keys.sorted() {
            for msg in NameValidation.configMapKey(key) {
                errs.append(.invalid(path.key(key), quoting: key, msg))
            }
        }
        return errs
    }

    /// The decoded length of base64 text.
    static func decodedLength(_ base64: String) -> Int {
        let b = base64.utf8
        let padding = b.reversed().prefix(2).filter { $0 == UInt8(ascii: "=") }.count
        return max(0, b.count / 4 * 3 + (b.count % 4 == 0 ? 0 : b.count % 4 - 1) - padding)
    }

    /// "field is immutable when `immutable` is set" for data that changed on an immutable object.
    static let immutableWhenSet = "field is immutable when `immutable` is set"
}

extension ConfigMap: Validatable {
    /// Keys valid and not repeated across data and binaryData; total size at most 1 MiB.
    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        errs += DataCheck.keys(data.keys, "data")
        errs += DataCheck.keys(binaryData.keys, "binaryData")
        for key in binaryData.keys.sorted() where data[key] != nil {
            errs.append(.invalid(FieldPath("data").key(key), quoting: key, "duplicate of key present in binaryData"))
        }
        let total = data.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
            + binaryData.reduce(0) { $0 + $1.key.utf8.count + DataCheck.decodedLength($1.value) }
        if total > DataCheck.maxSize {
            errs.append(.tooLong("", maxBytes: DataCheck.maxSize))
        }
        return errs
    }

    /// Once `immutable` is true, data, binaryData and immutable itself are frozen.
    public func validateUpdate(from old: ConfigMap) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        if old.immutable == true {
            if immutable != true { errs.append(.forbidden("immutable", DataCheck.immutableWhenSet)) }
            if data != old.data { errs.append(.forbidden("data", DataCheck.immutableWhenSet)) }
            if binaryData != old.binaryData { errs.append(.forbidden("binaryData", DataCheck.immutableWhenSet)) }
        }
        return errs + validate()
    }
}

extension Secret: Validatable {
    /// Keys valid; total decoded size at most 1 MiB; the well-known types' required keys.
    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        errs += DataCheck.keys(data.keys, "data")
        errs += DataCheck.keys(stringData.keys, "stringData")
        let total = data.reduce(0) { $0 + DataCheck.decodedLength($1.value) }
            + stringData.reduce(0) { $0 + $1.value.utf8.count }
        if total > DataCheck.maxSize {
            errs.append(.tooLong("data", maxBytes: DataCheck.maxSize))
        }
        let keys = Set(data.keys).union(stringData.keys)
        switch type {
        case "kubernetes.io/dockerconfigjson":
            if !keys.contains(".dockerconfigjson") { errs.append(.required(FieldPath("data").key(".dockerconfigjson"))) }
        case "kubernetes.io/basic-auth":
            if !keys.contains("username") && !keys.contains("password") {
                errs.append(.required(FieldPath("data").key("username"), "either username or password is required"))
            }
        case "kubernetes.io/ssh-auth":
            if !keys.contains("ssh-privatekey") { errs.append(.required(FieldPath("data").key("ssh-privatekey"))) }
        case "kubernetes.io/tls":
            if !keys.contains("tls.key") { errs.append(.required(FieldPath("data").key("tls.key"))) }
            if !keys.contains("tls.crt") { errs.append(.required(FieldPath("data").key("tls.crt"))) }
        default:
            break
        }
        return errs
    }

    /// The type is immutable; once `immutable` is true, data and immutable are frozen.
    public func validateUpdate(from old: Secret) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        if (type ?? "Opaque") != (old.type ?? "Opaque") {
            errs.append(.immutable("type", GoValueFormat.quote(type ?? "")))
        }
        if old.immutable == true {
            if immutable != true { errs.append(.forbidden("immutable", DataCheck.immutableWhenSet)) }
            if data != old.data || !stringData.isEmpty { errs.append(.forbidden("data", DataCheck.immutableWhenSet)) }
        }
        return errs + validate()
    }
}

extension Service: Validatable {
    static let types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]

    public func validate() -> [FieldError] {
        validateMetadata(nameRule: .dns1035Label) + (spec ?? ServiceSpec()).validate(path: "spec")
    }

    /// clusterIP may not change once set (nor be cleared), except when the type becomes
    /// ExternalName; the IP families of a set clusterIP stay.
    public func validateUpdate(from old: Service) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        let newSpec = spec ?? ServiceSpec()
        let oldSpec = old.spec ?? ServiceSpec()
        if let oldIP = oldSpec.clusterIP, !oldIP.isEmpty, newSpec.type != "ExternalName", oldSpec.type != "ExternalName",
           newSpec.clusterIP != oldIP {
            errs.append(.immutable("spec.clusterIP", GoValueFormat.quote(newSpec.clusterIP ?? "")))
        }
        return errs + newSpec.validate(path: "spec")
    }
}

extension ServiceSpec {
    func validate(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        let type = self.type ?? "ClusterIP"
        errs += Check.supported(self.type, Service.types, path.child("type"))
        let headless = clusterIP == "None"
        if type == "ExternalName" {
            if let clusterIP, !clusterIP.isEmpty {
                errs.append(.forbidden(path.child("clusterIP"), "may not be set for ExternalName services"))
            }
            let name = externalName ?? ""
            if name.isEmpty {
                errs.append(.required(path.child("externalName")))
            } else {
                let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
                for msg in NameValidation.dns1123Subdomain(trimmed) {
                    errs.append(.invalid(path.child("externalName"), quoting: name, msg))
                }
            }
        } else if ports.isEmpty && !headless {
            errs.append(.required(path.child("ports")))
        }
        if let clusterIP, !clusterIP.isEmpty, clusterIP != "None", !IPAddress.isValid(clusterIP) {
            errs.append(.invalid(path.child("clusterIP"), quoting: clusterIP,
                                 "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
        }
        if headless && (type == "NodePort" || type == "LoadBalancer") {
            errs.append(.invalid(path.child("clusterIP"), quoting: "None", "may not be set to 'None' for \(type) services"))
        }

        var names = Set<String>()
        for (i, port) in ports.enumerated() {
            let p = path.child("ports").index(i)
            let name = port.name ?? ""
            if ports.count > 1 && name.isEmpty {
                errs.append(.required(p.child("name")))
            } else if !name.isEmpty {
                for msg in NameValidation.dns1123Label(name) { errs.append(.invalid(p.child("name"), quoting: name, msg)) }
                if names.contains(name) {
                    errs.append(.duplicate(p.child("name"), quoting: name))
                } else {
                    names.insert(name)
                }
            }
            for msg in NameValidation.portNumber(Int(port.port)) {
                errs.append(.invalid(p.child("port"), String(port.port), msg))
            }
            errs += Check.supported(port.protocol, Container.protocols, p.child("protocol"))
            switch port.targetPort {
            case .int(let n)? where n != 0:
                errs += NameValidation.portNumber(Int(n)).map { .invalid(p.child("targetPort"), String(n), $0) }
            case .string(let s)?:
                errs += NameValidation.portName(s).map { .invalid(p.child("targetPort"), GoValueFormat.quote(s), $0) }
            default:
                break
            }
            if let nodePort = port.nodePort, nodePort != 0 {
                if type != "NodePort" && type != "LoadBalancer" {
                    errs.append(.forbidden(p.child("nodePort"), "may not be used when `type` is '\(type)'"))
                } else {
                    errs += NameValidation.portNumber(Int(nodePort)).map { .invalid(p.child("nodePort"), String(nodePort), $0) }
                }
            }
        }
        if type != "ExternalName" {
            errs += ObjectMeta.validateLabels(selector, path: path.child("selector"))
        }
        errs += Check.supported(sessionAffinity, ["ClientIP", "None"], path.child("sessionAffinity"))
        errs += Check.supported(externalTrafficPolicy, ["Cluster", "Local"], path.child("externalTrafficPolicy"))
        errs += Check.supported(internalTrafficPolicy, ["Cluster", "Local"], path.child("internalTrafficPolicy"))
        errs += Check.supported(ipFamilyPolicy, ["PreferDualStack", "RequireDualStack", "SingleStack"], path.child("ipFamilyPolicy"))
        return errs
    }
}

extension Namespace: Validatable {
    public func validate() -> [FieldError] {
        var errs = validateMetadata(nameRule: .dnsLabel)
        for (i, f) in (spec?.finalizers ?? []).enumerated() {
            for msg in NameValidation.qualifiedName(f) {
                errs.append(.invalid(FieldPath("spec.finalizers").index(i), quoting: f, msg))
            }
        }
        return errs
    }

    public func validateUpdate(from old: Namespace) -> [FieldError] {
        metadata.validateUpdate(from: old.metadata) + validate()
    }
}

extension PersistentVolumeClaim: Validatable {
    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]

    public func validate() -> [FieldError] {
        validateMetadata() + (spec ?? PersistentVolumeClaimSpec()).validate(path: "spec")
    }

    /// The spec is immutable except `resources.requests` (and volumeAttributesClassName).
    public func validateUpdate(from old: PersistentVolumeClaim) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        var munged = spec ?? PersistentVolumeClaimSpec()
        let oldSpec = old.spec ?? PersistentVolumeClaimSpec()
        munged.resources?.requests = oldSpec.resources?.requests ?? [:]
        if munged.resources == nil, oldSpec.resources != nil { munged.resources = oldSpec.resources }
        munged.volumeAttributesClassName = oldSpec.volumeAttributesClassName
        // Binding fills volumeName once.
        if (oldSpec.volumeName ?? "").isEmpty { munged.volumeName = oldSpec.volumeName }
        if munged != oldSpec {
            errs.append(.forbidden("spec", "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"))
        }
        return errs + (spec ?? PersistentVolumeClaimSpec()).validate(path: "spec")
    }
}

extension PersistentVolumeClaimSpec {
    func validate(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        if accessModes.isEmpty {
            errs.append(.required(path.child("accessModes"), "at least 1 access mode is required"))
        }
        for mode in accessModes where !PersistentVolumeClaim.accessModes.contains(mode) {
            errs.append(.notSupported(path.child("accessModes"), quoting: mode, supported: PersistentVolumeClaim.accessModes))
        }
        if let selector { errs += selector.validate(path: path.child("selector")) }
        let storagePath = path.child("resources").child("requests").key("storage")
        if let storage = resources?.requests["storage"] {
            errs += ResourceRequirements.validateQuantity(storage, storagePath)
            if storage.isValid && storage.isZero {
                errs.append(.invalid(storagePath, GoValueFormat.quote(storage.canonical), "must be greater than zero"))
            }
        } else if dataSource == nil && dataSourceRef == nil {
            errs.append(.required(storagePath))
        }
        errs += Check.supported(volumeMode, ["Block", "Filesystem"], path.child("volumeMode"))
        return errs
    }
}

extension Node: Validatable {
    public func validate() -> [FieldError] {
        var errs = validateMetadata()
        for (i, taint) in (spec?.taints ?? []).enumerated() {
            let p = FieldPath("spec.taints").index(i)
            if taint.key.isEmpty {
                errs.append(.required(p.child("key")))
            } else {
                for msg in NameValidation.qualifiedName(taint.key) { errs.append(.invalid(p.child("key"), quoting: taint.key, msg)) }
            }
            if let value = taint.value {
                for msg in NameValidation.labelValue(value) { errs.append(.invalid(p.child("value"), quoting: value, msg)) }
            }
            if taint.effect.isEmpty {
                errs.append(.required(p.child("effect")))
            } else {
                errs += Check.supported(taint.effect, ["NoExecute", "NoSchedule", "PreferNoSchedule"], p.child("effect"))
            }
        }
        return errs
    }

    /// podCIDR and providerID may be set once, never changed.
    public func validateUpdate(from old: Node) -> [FieldError] {
        var errs = metadata.validateUpdate(from: old.metadata)
        if let oldCIDR = old.spec?.podCIDR, !oldCIDR.isEmpty, spec?.podCIDR != oldCIDR {
            errs.append(.forbidden("spec.podCIDRs", "node updates may not change podCIDR except from \"\" to valid"))
        }
        if let oldID = old.spec?.providerID, !oldID.isEmpty, spec?.providerID != oldID {
            errs.append(.forbidden("spec.providerID", "node updates may not change providerID except from \"\" to valid"))
        }
        return errs + validate()
    }
}

extension ServiceAccount: Validatable {
    public func validate() -> [FieldError] { validateMetadata() }
    public func validateUpdate(from old: ServiceAccount) -> [FieldError] {
        metadata.validateUpdate(from: old.metadata) + validate()
    }
}
