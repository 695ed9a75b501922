// Defaulting of storage.k8s.io/v1 objects (upstream's pkg/apis/storage/v1/defaults.go).

extension StorageClass: Defaultable {
    public mutating func applyDefaults() {
        if reclaimPolicy == nil { reclaimPolicy = "Delete" }
        if volumeBindingMode == nil { volumeBindingMode = "Immediate" }
    }
}
