import Resources

/// Storage objects: local volumes pinned to a node, claims, storage classes, and pods that
/// mount claims.
extension Fixtures {
    /// A storage class for statically created local volumes.
    public static func storageClass(_ name: String = "local", mode: String = "WaitForFirstConsumer") -> StorageClass {
        var storageClass = StorageClass()
        storageClass.metadata.name = name
        storageClass.provisioner = "kubernetes.io/no-provisioner"
        storageClass.volumeBindingMode = mode
        return storageClass
    }

    /// A local volume of `size` reachable only from `node` (from everywhere when nil),
    /// optionally already promised to `claim` (namespace, name).
    public static func localVolume(_ name: String, on node: String?, size: String, className: String = "local",
                                   modes: [String] = ["ReadWriteOnce"], claim: (String, String)? = nil) -> PersistentVolume {
        var volume = PersistentVolume()
        volume.metadata.name = name
        var spec = PersistentVolumeSpec()
        spec.capacity = ["storage": Quantity(size)]
        spec.accessModes = modes
        spec.storageClassName = className
        spec.local = LocalVolumeSource(path: "/mnt/\(name)")
        if let node {
            var requirement = NodeSelectorRequirement()
            requirement.key = "kubernetes.io/hostname"
            requirement.operator = "In"
            requirement.values = [node]
            var term = NodeSelectorTerm()
            term.matchExpressions = [requirement]
            var selector = NodeSelector()
            selector.nodeSelectorTerms = [term]
            spec.nodeAffinity = VolumeNodeAffinity(required: selector)
        }
        if let claim {
            spec.claimRef = ObjectReference(kind: "PersistentVolumeClaim", namespace: claim.0, name: claim.1)
        }
        volume.spec = spec
        return volume
    }

    /// A claim for `size` of `className`, bound to `volume` when given.
    public static func claim(_ name: String, size: String = "1Gi", className: String = "local", volume: String? = nil,
                             modes: [String] = ["ReadWriteOnce"], namespace: String = "default") -> PersistentVolumeClaim {
        var claim = PersistentVolumeClaim()
        claim.metadata.name = name
        claim.metadata.namespace = namespace
        claim.metadata.uid = "uid-\(name)"
        var spec = PersistentVolumeClaimSpec()
        spec.accessModes = modes
        spec.storageClassName = className
        spec.resources = VolumeResourceRequirements(requests: ["storage": Quantity(size)])
        spec.volumeName = volume
        claim.spec = spec
        return claim
    }

    /// `pod` with one volume per claim, each named after its claim.
    public static func mounting(_ claims: [String], in pod: Pod) -> Pod {
        var pod = pod
        pod.spec?.volumes = claims.map { name in
            var volume = Volume()
            volume.name = name
            volume.persistentVolumeClaim = PersistentVolumeClaimVolumeSource(claimName: name)
            return volume
        }
        return pod
    }
}
