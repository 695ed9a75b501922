import Resources

/// The storage objects the volume plugins read in one cycle: claims by `namespace/name`,
/// volumes and storage classes by name.
public struct VolumeSnapshot: Sendable {
    public var claims: [String: PersistentVolumeClaim]
    public var volumes: [String: PersistentVolume]
    public var classes: [String: StorageClass]

    public init(claims: [PersistentVolumeClaim] = [], volumes: [PersistentVolume] = [], classes: [StorageClass] = []) {
        self.claims = Dictionary(claims.map { (Self.key($0.metadata.namespace ?? "", $0.metadata.name ?? ""), $0) }) { _, last in last }
        self.volumes = Dictionary(volumes.map { ($0.metadata.name ?? "", $0) }) { _, last in last }
        self.classes = Dictionary(classes.map { ($0.metadata.name ?? "", $0) }) { _, last in last }
    }

    public static func key(_ namespace: String, _ name: String) -> String { "\(namespace)/\(name)" }

    public func claim(_ namespace: String, _ name: String) -> PersistentVolumeClaim? { claims[Self.key(namespace, name)] }
}
