import Resources

/// A pod's PersistentVolumeClaims, as upstream's VolumeBinding plugin judges them:
/// - every claim must exist and not be terminating;
/// - a bound claim's volume must be reachable from the node (its `nodeAffinity`);
/// - an unbound claim of a `WaitForFirstConsumer` class needs an available volume of the
///   class, reachable from the node, big enough, with the access modes, volume mode and
///   labels the claim asks for; the smallest such volume is chosen, each volume for one claim;
/// - an unbound claim of an `Immediate` class (or of none) waits for the binder and makes the
///   pod unschedulable meanwhile.
/// Reserve records the chosen volumes and PreBind writes the bindings before the pod's.
public struct VolumeBinding: PreFilterPlugin, FilterPlugin, ReservePlugin, PreBindPlugin {
    public let name = "VolumeBinding"
    public static let nodeConflict = "node(s) had volume node affinity conflict"
    public static let noVolumeToBind = "node(s) didn't find available persistent volumes to bind"
    public static let unboundImmediate = "pod has unbound immediate PersistentVolumeClaims"
    public static let missingVolume = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)"

    static let stateKey = "VolumeBinding"

    public init() {}

    /// What PreFilter found, for Filter and Reserve.
    struct Claims: Sendable {
        var boundVolumes: [PersistentVolume] = []
        /// Unbound claims waiting for their first consumer, each with its candidate volumes,
        /// smallest first.
        var delayed: [(claim: PersistentVolumeClaim, candidates: [PersistentVolume])] = []
        var nodes: [NodeInfo] = []
        /// Set by Reserve: claim → volume.
        var chosen: [(claim: PersistentVolumeClaim, volume: String)] = []
    }

    public func preFilter(_ pod: Pod, snapshot: Snapshot, state: inout CycleState) -> PreFilterResult {
        let names = Self.claimNames(of: pod)
        guard !names.isEmpty else {
            state.skipFilter(name)
            return PreFilterResult()
        }
        let namespace = pod.metadata.namespace ?? ""
        var claims = Claims()
        for claimName in names {
            guard let claim = snapshot.volumes.claim(namespace, claimName) else {
                return PreFilterResult(.unresolvable("persistentvolumeclaim \"\(claimName)\" not found"))
            }
            guard claim.metadata.deletionTimestamp == nil else {
                return PreFilterResult(.unresolvable("persistentvolumeclaim \"\(claimName)\" is being deleted"))
            }
            if let volumeName = claim.spec?.volumeName, !volumeName.isEmpty {
                guard let volume = snapshot.volumes.volumes[volumeName] else {
                    return PreFilterResult(.unresolvable(Self.missingVolume))
                }
                claims.boundVolumes.append(volume)
                continue
            }
            let className = claim.spec?.storageClassName ?? ""
            guard snapshot.volumes.classes[className]?.waitsForFirstConsumer == true else {
                return PreFilterResult(.unresolvable(Self.unboundImmediate))
            }
            let candidates = snapshot.volumes.volumes.values
                .filter { Self.canBind($0, to: claim) }
                .sorted { (Self.storage(of: $0), $0.metadata.name ?? "") < (Self.storage(of: $1), $1.metadata.name ?? "") }
            claims.delayed.append((claim, candidates))
        }
        if !claims.delayed.isEmpty { claims.nodes = snapshot.nodes }
        state[Self.stateKey] = claims
        return PreFilterResult()
    }

    public func filter(_ pod: Pod, node: NodeInfo, state: CycleState) -> PluginStatus {
        guard let claims = state[Self.stateKey, as: Claims.self] else { return .success }
        for volume in claims.boundVolumes where !Self.reachable(volume, from: node.node) {
            return .unresolvable(Self.nodeConflict)
        }
        if !claims.delayed.isEmpty, Self.match(claims.delayed, on: node.node) == nil {
            return .unresolvable(Self.noVolumeToBind)
        }
        return .success
    }

    public func reserve(_ pod: Pod, node: String, state: inout CycleState) -> PluginStatus {
        guard var claims = state[Self.stateKey, as: Claims.self], !claims.delayed.isEmpty else { return .success }
        guard let info = claims.nodes.first(where: { $0.name == node }),
              let chosen = Self.match(claims.delayed, on: info.node) else {
            return .unschedulable(Self.noVolumeToBind)
        }
        claims.chosen = chosen
        state[Self.stateKey] = claims
        return .success
    }

    public func unreserve(_ pod: Pod, node: String, state: inout CycleState) {
        guard var claims = state[Self.stateKey, as: Claims.self] else { return }
        claims.chosen = []
        state[Self.stateKey] = claims
    }

    public func preBind(_ pod: Pod, node: String, state: CycleState) -> [BindingWrite] {
        guard let claims = state[Self.stateKey, as: Claims.self] else { return [] }
        return claims.chosen.map { choice in
            .bindClaim(namespace: choice.claim.metadata.namespace ?? "", claim: choice.claim.metadata.name ?? "",
                       claimUID: choice.claim.metadata.uid ?? "", volume: choice.volume)
        }
    }

    // MARK: - Matching

    /// The claims a pod uses: its `persistentVolumeClaim` volumes, and the claims of its
    /// generic ephemeral volumes (`POD-VOLUME`).
    static func claimNames(of pod: Pod) -> [String] {
        (pod.spec?.volumes ?? []).compactMap { volume in
            if let claim = volume.persistentVolumeClaim { return claim.claimName }
            if volume.ephemeral != nil { return "\(pod.metadata.name ?? "")-\(volume.name)" }
            return nil
        }
    }

    /// One distinct volume per delayed claim on `node`, greedily, smallest first.
    static func match(_ delayed: [(claim: PersistentVolumeClaim, candidates: [PersistentVolume])], on node: Node)
        -> [(claim: PersistentVolumeClaim, volume: String)]? {
        var taken: Set<String> = []
        var chosen: [(claim: PersistentVolumeClaim, volume: String)] = []
        for (claim, candidates) in delayed {
            guard let volume = candidates.first(where: { !taken.contains($0.metadata.name ?? "") && reachable($0, from: node) }) else {
                return nil
            }
            let name = volume.metadata.name ?? ""
            taken.insert(name)
            chosen.append((claim, name))
        }
        return chosen
    }

    /// Whether the volume's node affinity admits the node (a volume without one is reachable
    /// everywhere).
    static func reachable(_ volume: PersistentVolume, from node: Node) -> Bool {
        guard let required = volume.spec?.nodeAffinity?.required else { return true }
        return required.matches(labels: node.metadata.labels ?? [:], fields: ["metadata.name": node.metadata.name ?? ""])
    }

    /// Whether an unbound claim may take the volume: free (or already promised to this
    /// claim), of the claim's class and volume mode, with its access modes, big enough, and
    /// matching its selector.
    static func canBind(_ volume: PersistentVolume, to claim: PersistentVolumeClaim) -> Bool {
        guard volume.metadata.deletionTimestamp == nil, let spec = volume.spec else { return false }
        if let reference = spec.claimRef {
            guard reference.namespace == claim.metadata.namespace, reference.name == claim.metadata.name,
                  (reference.uid ?? "").isEmpty || reference.uid == claim.metadata.uid else { return false }
        } else if let phase = volume.status?.phase, phase == "Released" || phase == "Failed" {
            return false
        }
        let wanted = claim.spec
        guard (spec.storageClassName ?? "") == (wanted?.storageClassName ?? ""),
              (spec.volumeMode ?? "Filesystem") == (wanted?.volumeMode ?? "Filesystem"),
              Set(wanted?.accessModes ?? []).isSubset(of: Set(spec.accessModes)) else { return false }
        if let request = wanted?.resources?.requests["storage"] {
            guard let capacity = spec.capacity["storage"], !(capacity < request) else { return false }
        }
        if let selector = wanted?.selector {
            guard let labels = try? Selector(selector), labels.matches(volume.metadata.labels ?? [:]) else { return false }
        }
        return true
    }

    static func storage(of volume: PersistentVolume) -> Int64 {
        volume.spec?.capacity["storage"]?.value ?? 0
    }
}
