import Foundation
import Resources

/// StorageClasses: `NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE`
/// (upstream `printStorageClass`); NAME carries ` (default)` for the default class.
enum StorageClassTablePrinter: TableRowPrinter {
    static let columns: [TableColumn] = [
        .name,
        TableColumn("Provisioner", "Indicates the type of the provisioner."),
        TableColumn("ReclaimPolicy", "Indicates the type of the reclaim policy."),
        TableColumn("VolumeBindingMode", "Indicates when volume binding and dynamic provisioning should occur."),
        TableColumn("AllowVolumeExpansion", "Indicates whether the storage class allow volume expand."),
        .age,
    ]

    static func row(for storageClass: StorageClass, now: Date) -> TableRow {
        let annotations = storageClass.metadata.annotations ?? [:]
        let isDefault = annotations["storageclass.kubernetes.io/is-default-class"] == "true"
            || annotations["storageclass.beta.kubernetes.io/is-default-class"] == "true"
        return TableRow(cells: [
            .string(storageClass.name + (isDefault ? " (default)" : "")),
            .string(storageClass.provisioner),
            .string(storageClass.reclaimPolicy ?? "Delete"),
            .string(storageClass.volumeBindingMode ?? "Immediate"),
            .bool(storageClass.allowVolumeExpansion ?? false),
            .string(TableCellFormat.age(since: storageClass.metadata.creationTimestamp, now: now)),
        ])
    }
}
