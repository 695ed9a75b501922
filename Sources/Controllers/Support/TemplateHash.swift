import Resources

/// A short, stable name suffix for a pod template (what `pod-template-hash` and
/// ControllerRevision names carry): FNV-1a over the template's canonical JSON (keys sorted)
/// and the collision count, rendered with upstream's SafeEncodeString alphabet, which has no
/// vowels and no characters that look alike. Stable across processes and machines.
enum TemplateHash {
    static func hash(_ template: PodTemplateSpec, collisionCount: Int32?) -> String {
        let text = semantic(template).serialized()
        var hash: UInt32 = 2_166_136_261
        func mix(_ byte: UInt8) {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        for byte in text.utf8 { mix(byte) }
        if let collisionCount {
            withUnsafeBytes(of: UInt32(bitPattern: collisionCount).littleEndian) { for byte in $0 { mix(byte) } }
        }
        return safeEncode(String(hash))
    }

    /// Upstream's rand.SafeEncodeString: each character mapped into a 27-letter alphabet.
    static func safeEncode(_ text: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(text.utf8.map { alphabet[Int($0) % alphabet.count] })
    }
}

extension TemplateHash {
    /// The template as Kubernetes' typed comparison sees it: JSON with every empty object
    /// dropped, so that `resources: {}` (which typed clients such as `kubectl rollout undo`
    /// always send) and an absent `resources` are the same template.
    static func semantic(_ template: PodTemplateSpec) -> JSONValue {
        func prune(_ value: JSONValue) -> JSONValue? {
            switch value {
            case .object(let members):
                let kept = members.compactMapValues(prune)
                return kept.isEmpty ? nil : .object(kept)
            case .array(let elements):
                return .array(elements.map { prune($0) ?? .object([:]) })
            case .null:
                return nil
            default:
                return value
            }
        }
        let json = (try? JSONValue(encoding: template)) ?? .object([:])
        return prune(json) ?? .object([:])
    }

    /// Whether two templates are the same pod, by `semantic`.
    static func same(_ a: PodTemplateSpec?, _ b: PodTemplateSpec?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): semantic(a) == semantic(b)
        default: false
        }
    }
}
