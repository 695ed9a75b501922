import Client
import Resources
import SchedulingFramework
import Synchronization

/// The scheduler's view of the cluster, kept by informer events: every node with the pods
/// bound to it, plus the pods the scheduler has assumed onto a node while their binding is in
/// flight, so that the next cycle counts them; and the claims, volumes and storage classes,
/// with the volume bindings the scheduler has assumed while they are written. `snapshot()` is
/// cheap: the node list is shared with the cache until the cache next changes.
public final class SchedulerCache: Sendable {
    private struct State: Sendable {
        var nodes: [NodeInfo] = []
        var index: [String: Int] = [:]
        /// Where each counted pod is (bound or assumed).
        var placement: [ObjectKey: String] = [:]
        var assumed: Set<ObjectKey> = []
        /// Pods bound to nodes the cache has not seen yet, by node.
        var waiting: [String: [ObjectKey: Pod]] = [:]
        var volumes = VolumeSnapshot()
        /// Volumes promised to a claim by a binding in flight: volume name → claim.
        var assumedVolumes: [String: ObjectReference] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// The nodes of this moment, in a stable order (the order they arrived).
    public func snapshot() -> Snapshot {
        state.withLock { state in
            guard !state.assumedVolumes.isEmpty else { return Snapshot(nodes: state.nodes, volumes: state.volumes) }
            var volumes = state.volumes
            // Both sides of a binding in flight: the volume is taken, and the claim (which
            // another pod may share) is bound to it.
            for (name, claim) in state.assumedVolumes where volumes.volumes[name]?.spec?.claimRef == nil {
                volumes.volumes[name]?.spec?.claimRef = claim
                let key = VolumeSnapshot.key(claim.namespace ?? "", claim.name ?? "")
                if (volumes.claims[key]?.spec?.volumeName ?? "").isEmpty { volumes.claims[key]?.spec?.volumeName = name }
            }
            return Snapshot(nodes: state.nodes, volumes: volumes)
        }
    }

    // MARK: - Volumes

    public func upsert(_ claim: PersistentVolumeClaim) {
        state.withLock { $0.volumes.claims[VolumeSnapshot.key(claim.metadata.namespace ?? "", claim.metadata.name ?? "")] = claim }
    }

    public func remove(_ claim: PersistentVolumeClaim) {
        state.withLock { $0.volumes.claims[VolumeSnapshot.key(claim.metadata.namespace ?? "", claim.metadata.name ?? "")] = nil }
    }

    /// A volume was added or changed; once it names its claim, the assumption is moot.
    public func upsert(_ volume: PersistentVolume) {
        let name = volume.metadata.name ?? ""
        state.withLock { state in
            state.volumes.volumes[name] = volume
            if volume.spec?.claimRef != nil { state.assumedVolumes[name] = nil }
        }
    }

    public func remove(_ volume: PersistentVolume) {
        let name = volume.metadata.name ?? ""
        state.withLock { state in
            state.volumes.volumes[name] = nil
            state.assumedVolumes[name] = nil
        }
    }

    public func upsert(_ storageClass: StorageClass) {
        state.withLock { $0.volumes.classes[storageClass.metadata.name ?? ""] = storageClass }
    }

    public func remove(_ storageClass: StorageClass) {
        state.withLock { $0.volumes.classes[storageClass.metadata.name ?? ""] = nil }
    }

    /// Counts `volume` as taken by the claim until the volume's update arrives or
    /// `forgetVolume` gives it back.
    public func assumeVolume(_ volume: String, for claim: ObjectReference) {
        state.withLock { $0.assumedVolumes[volume] = claim }
    }

    public func forgetVolume(_ volume: String) {
        state.withLock { _ = $0.assumedVolumes.removeValue(forKey: volume) }
    }

    public var nodeCount: Int { state.withLock { $0.nodes.count } }

    public var assumedCount: Int { state.withLock { $0.assumed.count } }

    /// A node was added or changed.
    public func upsert(_ node: Node) {
        let name = node.metadata.name ?? ""
        state.withLock { state in
            if let position = state.index[name] {
                state.nodes[position].node = node
                return
            }
            state.index[name] = state.nodes.count
            let waiting = state.waiting.removeValue(forKey: name) ?? [:]
            state.nodes.append(NodeInfo(node: node, pods: waiting.keys.sorted().compactMap { waiting[$0] }))
        }
    }

    /// A node was deleted; the pods still bound to it wait for it to come back.
    public func remove(node name: String) {
        state.withLock { state in
            guard let position = state.index.removeValue(forKey: name) else { return }
            let info = state.nodes.remove(at: position)
            for (offset, node) in state.nodes.enumerated().dropFirst(position) { state.index[node.name] = offset }
            var waiting: [ObjectKey: Pod] = [:]
            for pod in info.pods {
                let key = ObjectKey(pod)
                state.assumed.remove(key)
                state.placement[key] = nil
                waiting[key] = pod
            }
            if !waiting.isEmpty { state.waiting[name] = waiting }
        }
    }

    /// A pod bound to a node was seen (added or changed); a finished pod no longer counts.
    /// The real pod replaces an assumed one.
    public func upsert(boundPod pod: Pod) {
        let key = ObjectKey(pod)
        let phase = pod.status?.phase
        let finished = phase == "Succeeded" || phase == "Failed"
        state.withLock { state in
            Self.take(key, from: &state)
            state.assumed.remove(key)
            guard !finished, let node = pod.spec?.nodeName, !node.isEmpty else { return }
            Self.place(pod, key: key, on: node, in: &state)
        }
    }

    /// A pod was deleted.
    public func remove(pod key: ObjectKey) {
        state.withLock { state in
            Self.take(key, from: &state)
            state.assumed.remove(key)
        }
    }

    /// Counts `pod` on `node` until its binding is confirmed by an informer event or
    /// `forget` takes it back.
    public func assume(_ pod: Pod, on node: String) {
        var placed = pod
        placed.spec?.nodeName = node
        let key = ObjectKey(pod)
        state.withLock { state in
            Self.take(key, from: &state)
            Self.place(placed, key: key, on: node, in: &state)
            state.assumed.insert(key)
        }
    }

    /// The binding of an assumed pod failed: it no longer counts.
    public func forget(_ key: ObjectKey) {
        state.withLock { state in
            guard state.assumed.remove(key) != nil else { return }
            Self.take(key, from: &state)
        }
    }

    private static func place(_ pod: Pod, key: ObjectKey, on node: String, in state: inout State) {
        state.placement[key] = node
        if let position = state.index[node] {
            state.nodes[position].add(pod)
        } else {
            state.waiting[node, default: [:]][key] = pod
        }
    }

    private static func take(_ key: ObjectKey, from state: inout State) {
        guard let node = state.placement.removeValue(forKey: key) else { return }
        if let position = state.index[node] {
            state.nodes[position].remove(namespace: key.namespace, name: key.name)
        } else {
            state.waiting[node]?[key] = nil
        }
    }
}
