extension ObjectMeta {
    /// TotalAnnotationSizeLimitB: keys plus values, 256 KiB.
    public static let totalAnnotationSizeLimit = 256 * 1024

    /// ValidateObjectMeta: name (or generateName) per `nameRule`, namespace required for
    /// namespaced kinds and forbidden otherwise, generation, labels, annotations,
    /// ownerReferences and finalizers.
    public func validate(namespaced: Bool, nameRule: NameRule = .dnsSubdomain, path: FieldPath = "metadata") -> [FieldError] {
        var errs: [FieldError] = []
        if let generateName, !generateName.isEmpty {
            for msg in nameRule.messages(for: generateName, prefix: true) {
                errs.append(.invalid(path.child("generateName"), quoting: generateName, msg))
            }
        }
        if let name, !name.isEmpty {
            for msg in nameRule.messages(for: name) {
                errs.append(.invalid(path.child("name"), quoting: name, msg))
            }
        } else {
            errs.append(.required(path.child("name"), "name or generateName is required"))
        }
        if namespaced {
            if let namespace, !namespace.isEmpty {
                for msg in NameRule.dnsLabel.messages(for: namespace) {
                    errs.append(.invalid(path.child("namespace"), quoting: namespace, msg))
                }
            } else {
                errs.append(.required(path.child("namespace")))
            }
        } else if let namespace, !namespace.isEmpty {
            errs.append(.forbidden(path.child("namespace"), "not allowed on this type"))
        }
        errs += commonErrors(path: path)
        errs += ObjectMeta.validateFinalizers(finalizers ?? [], path: path.child("finalizers"))
        return errs
    }

    /// ValidateObjectMetaUpdate: name, namespace, uid, creationTimestamp, deletionTimestamp and
    /// deletionGracePeriodSeconds are immutable; resourceVersion is required; generation never
    /// decreases; no finalizers may be added once deletion started.
    public func validateUpdate(from old: ObjectMeta, path: FieldPath = "metadata") -> [FieldError] {
        var errs: [FieldError] = []
        if old.deletionTimestamp != nil {
            let added = Set(finalizers ?? []).subtracting(old.finalizers ?? []).sorted()
            if !added.isEmpty {
                errs.append(.forbidden(path.child("finalizers"),
                                       "no new finalizers can be added if the object is being deleted, found new finalizers \(GoValueFormat.stringSlice(added))"))
            }
        }
        if (resourceVersion ?? "").isEmpty {
            errs.append(.invalid(path.child("resourceVersion"), quoting: "", "must be specified for an update"))
        }
        if let generation, generation < 0 {
            errs.append(.invalid(path.child("generation"), String(generation), "must be greater than or equal to 0"))
        }
        if (generation ?? 0) < (old.generation ?? 0) {
            errs.append(.invalid(path.child("generation"), String(generation ?? 0), "must not be decremented"))
        }
        func immutable(_ new: String?, _ old: String?, _ field: String) {
            if (new ?? "") != (old ?? "") { errs.append(.immutable(path.child(field), GoValueFormat.quote(new ?? ""))) }
        }
        immutable(name, old.name, "name")
        immutable(namespace, old.namespace, "namespace")
        immutable(uid, old.uid, "uid")
        if creationTimestamp != old.creationTimestamp {
            errs.append(.immutable(path.child("creationTimestamp"), ObjectMeta.printTime(creationTimestamp)))
        }
        if deletionTimestamp != old.deletionTimestamp {
            errs.append(.immutable(path.child("deletionTimestamp"), ObjectMeta.printTime(deletionTimestamp)))
        }
        if deletionGracePeriodSeconds != old.deletionGracePeriodSeconds {
            errs.append(.immutable(path.child("deletionGracePeriodSeconds"), deletionGracePeriodSeconds.map(String.init) ?? "null"))
        }
        errs += commonErrors(path: path, checkGeneration: false)
        return errs
    }

    private func commonErrors(path: FieldPath, checkGeneration: Bool = true) -> [FieldError] {
        var errs: [FieldError] = []
        if checkGeneration, let generation, generation < 0 {
            errs.append(.invalid(path.child("generation"), String(generation), "must be greater than or equal to 0"))
        }
        errs += ObjectMeta.validateLabels(labels ?? [:], path: path.child("labels"))
        errs += ObjectMeta.validateAnnotations(annotations ?? [:], path: path.child("annotations"))
        errs += ObjectMeta.validateOwnerReferences(ownerReferences ?? [], path: path.child("ownerReferences"))
        return errs
    }

    // MARK: Parts, usable on their own (e.g. for a pod template's labels)

    /// ValidateLabels: every key a qualified name, every value a label value. Keys are visited
    /// in sorted order so the error list is deterministic.
    public static func validateLabels(_ labels: [String: String], path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        for key in labels.keys.sorted() {
            for msg in NameValidation.qualifiedName(key) { errs.append(.invalid(path, quoting: key, msg)) }
            let value = labels[key]!
            for msg in NameValidation.labelValue(value) { errs.append(.invalid(path, quoting: value, msg)) }
        }
        return errs
    }

    /// ValidateAnnotations: keys are qualified names (case-insensitively) and keys plus values
    /// total at most 256 KiB.
    public static func validateAnnotations(_ annotations: [String: String], path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        var total = 0
        for key in annotations.keys.sorted() {
            for msg in NameValidation.qualifiedName(asciiLowercased(key)) { errs.append(.invalid(path, quoting: key, msg)) }
            total += key.utf8.count + annotations[key]!.utf8.count
        }
        if total > totalAnnotationSizeLimit {
            errs.append(.tooLong(path, maxBytes: totalAnnotationSizeLimit))
        }
        return errs
    }

    /// ValidateOwnerReferences: apiVersion, kind, name and uid required; Events may not own;
    /// at most one controller reference.
    public static func validateOwnerReferences(_ refs: [OwnerReference], path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        var firstController: String?
        for (i, ref) in refs.enumerated() {
            let p = path.index(i)
            if ref.apiVersion.isEmpty {
                errs.append(.required(p.child("apiVersion"), "must not be empty"))
            } else if !isGroupVersion(ref.apiVersion) {
                errs.append(.invalid(p.child("apiVersion"), quoting: ref.apiVersion, "must be <group>/<version> or <version>"))
            }
            if ref.kind.isEmpty { errs.append(.required(p.child("kind"), "must not be empty")) }
            if ref.name.isEmpty { errs.append(.required(p.child("name"), "must not be empty")) }
            if ref.uid.isEmpty { errs.append(.required(p.child("uid"), "must not be empty")) }
            if ref.apiVersion == "v1" && ref.kind == "Event" {
                errs.append(.invalid(p, ownerReferenceGoValue(ref), "/v1, Kind=Event is disallowed from being an owner"))
            }
            if ref.controller == true {
                let current = ref.kind + "/" + ref.name
                if let firstController {
                    errs.append(.invalid(path, "[" + refs.map(ownerReferenceGoValue).joined(separator: " ") + "]",
                                         "Only one reference can have Controller set to true. Found \"true\" in references for \(firstController) and \(current)"))
                } else {
                    firstController = current
                }
            }
        }
        return errs
    }

    /// ValidateFinalizers: qualified names; `orphan` and `foregroundDeletion` not both.
    public static func validateFinalizers(_ finalizers: [String], path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        for f in finalizers {
            for msg in NameValidation.qualifiedName(f) { errs.append(.invalid(path, quoting: f, msg)) }
        }
        if finalizers.contains("orphan") && finalizers.contains("foregroundDeletion") {
            errs.append(.invalid(path, GoValueFormat.stringSlice(finalizers), "finalizer orphan and foregroundDeletion cannot be both set"))
        }
        return errs
    }

    // MARK: Helpers

    /// path.IsValidPathSegmentName / Prefix: the rules every name obeys so it fits in a URL path.
    static func pathSegmentNameErrors(_ name: String, prefix: Bool) -> [String] {
        var errs: [String] = []
        if !prefix, name == "." || name == ".." { errs.append("may not be '\(name)'") }
        for illegal in ["/", "%"] where name.contains(illegal) {
            errs.append("may not contain '\(illegal)'")
        }
        return errs
    }

    /// schema.ParseGroupVersion accepts `v1` or `group/version` (one slash, non-empty version).
    static func isGroupVersion(_ s: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return !parts[0].isEmpty
        case 2: return !parts[1].isEmpty
        default: return false
        }
    }

    static func asciiLowercased(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    static func printTime(_ t: Time?) -> String {
        guard let t else { return "null" }
        return GoValueFormat.quote(t.rfc3339)
    }

    /// An owner reference as the JSON Kubernetes prints for a struct bad value.
    static func ownerReferenceGoValue(_ ref: OwnerReference) -> String {
        var s = "{\"apiVersion\":\(GoValueFormat.quote(ref.apiVersion)),\"kind\":\(GoValueFormat.quote(ref.kind)),\"name\":\(GoValueFormat.quote(ref.name)),\"uid\":\(GoValueFormat.quote(ref.uid))"
        if let c = ref.controller { s += ",\"controller\":\(c)" }
        if let b = ref.blockOwnerDeletion { s += ",\"blockOwnerDeletion\":\(b)" }
        return s + "}"
    }
}
