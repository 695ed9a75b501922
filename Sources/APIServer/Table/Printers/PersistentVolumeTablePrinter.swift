import Foundation
import Resources

/// PersistentVolumes: `NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS
/// VOLUMEATTRIBUTESCLASS REASON AGE`, wide `VOLUMEMODE` (upstream `printPersistentVolume`).
///
/// STATUS is the phase, or `Terminating` while a deletion is pending; CLAIM is
/// `namespace/name` of the bound claim; STORAGECLASS prefers the beta annotation.
enum PersistentVolumeTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Capacity", "capacity is the description of the persistent volume's resources and capacity."),
        TableColumn("Access Modes", "accessModes contains all ways the volume can be mounted."),
        TableColumn("Reclaim Policy", "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim."),
        TableColumn("Status", "phase indicates if a volume is available, bound to a claim, or released by a claim."),
        TableColumn("Claim", "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim."),
        TableColumn("StorageClass", "StorageClass of the pv"),
        TableColumn("VolumeAttributesClass", "VolumeAttributesClass of the pv"),
        TableColumn("Reason", "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."),
        .age,
        .wide("VolumeMode", "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state."),
    ]

    /// `core.BetaStorageClassAnnotation`, which wins over `spec.storageClassName`.
    static let betaStorageClassAnnotation = "volume.beta.kubernetes.io/storage-class"

    static func row(for volume: PersistentVolume, now: Date) -> TableRow {
        let spec = volume.spec ?? PersistentVolumeSpec()
        var claim = ""
        if let ref = spec.claimRef { claim = "\(ref.namespace ?? "")/\(ref.name ?? "")" }
        let phase = volume.metadata.deletionTimestamp != nil ? "Terminating" : (volume.status?.phase ?? "")
        let storageClass = volume.metadata.annotations?[betaStorageClassAnnotation] ?? spec.storageClassName ?? ""
        return TableRow(cells: [
            .string(volume.name),
            .string(TableCellFormat.quantity(spec.capacity["storage"])),
            .string(TableCellFormat.accessModes(spec.accessModes)),
            .string(spec.persistentVolumeReclaimPolicy ?? ""),
            .string(phase),
            .string(claim),
            .string(storageClass),
            .string(spec.volumeAttributesClassName ?? TableCellFormat.unset),
            .string(volume.status?.reason ?? ""),
            .string(TableCellFormat.age(since: volume.metadata.creationTimestamp, now: now)),
            .string(spec.volumeMode ?? TableCellFormat.unset),
        ])
    }
}
