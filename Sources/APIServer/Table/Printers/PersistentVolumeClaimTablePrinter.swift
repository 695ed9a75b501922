import Foundation
import Resources

/// PersistentVolumeClaims: `NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS
/// VOLUMEATTRIBUTESCLASS AGE`, wide `VOLUMEMODE` (upstream `printPersistentVolumeClaim`).
///
/// CAPACITY and ACCESS MODES come from the status and are empty until the claim names a volume.
enum PersistentVolumeClaimTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Status", "phase represents the current phase of PersistentVolumeClaim."),
        TableColumn("Volume", "volumeName is the binding reference to the PersistentVolume backing this claim."),
        TableColumn("Capacity", "capacity represents the actual resources of the underlying volume."),
        TableColumn("Access Modes", "accessModes contains the actual access modes the volume backing the PVC has."),
        TableColumn("StorageClass", "StorageClass of the pvc"),
        TableColumn("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
        .age,
        .wide("VolumeMode", "volumeMode defines what type of volume is required by the claim."),
    ]

    static func row(for claim: PersistentVolumeClaim, now: Date) -> TableRow {
        let spec = claim.spec ?? PersistentVolumeClaimSpec()
        let status = claim.status ?? PersistentVolumeClaimStatus()
        let phase = claim.metadata.deletionTimestamp != nil ? "Terminating" : (status.phase ?? "")
        let volumeName = spec.volumeName ?? ""
        var capacity = ""
        var accessModes = ""
        if !volumeName.isEmpty {
            accessModes = TableCellFormat.accessModes(status.accessModes)
            capacity = TableCellFormat.quantity(status.capacity["storage"])
        }
        let storageClass = claim.metadata.annotations?[PersistentVolumeTablePrinter.betaStorageClassAnnotation]
            ?? spec.storageClassName ?? ""
        return TableRow(cells: [
            .string(claim.name),
            .string(phase),
            .string(volumeName),
            .string(capacity),
            .string(accessModes),
            .string(storageClass),
            .string(spec.volumeAttributesClassName ?? TableCellFormat.unset),
            .string(TableCellFormat.age(since: claim.metadata.creationTimestamp, now: now)),
            .string(spec.volumeMode ?? TableCellFormat.unset),
        ])
    }
}
