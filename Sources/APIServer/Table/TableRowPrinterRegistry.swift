import Resources

/// The printer of every built-in kind, looked up by the served resource's model type.
enum TableRowPrinterRegistry {
    /// One printer per kind in `ResourceRegistry.builtIn`.
    static let all: [AnyTableRowPrinter] = [
        AnyTableRowPrinter(PodTablePrinter.self),
        AnyTableRowPrinter(ServiceTablePrinter.self),
        AnyTableRowPrinter(EndpointsTablePrinter.self),
        AnyTableRowPrinter(NamespaceTablePrinter.self),
        AnyTableRowPrinter(NodeTablePrinter.self),
        AnyTableRowPrinter(ConfigMapTablePrinter.self),
        AnyTableRowPrinter(SecretTablePrinter.self),
        AnyTableRowPrinter(ServiceAccountTablePrinter.self),
        AnyTableRowPrinter(PersistentVolumeTablePrinter.self),
        AnyTableRowPrinter(PersistentVolumeClaimTablePrinter.self),
        AnyTableRowPrinter(EventTablePrinter.self),
        AnyTableRowPrinter(DeploymentTablePrinter.self),
        AnyTableRowPrinter(ReplicaSetTablePrinter.self),
        AnyTableRowPrinter(StatefulSetTablePrinter.self),
        AnyTableRowPrinter(DaemonSetTablePrinter.self),
        AnyTableRowPrinter(ControllerRevisionTablePrinter.self),
        AnyTableRowPrinter(JobTablePrinter.self),
        AnyTableRowPrinter(CronJobTablePrinter.self),
        AnyTableRowPrinter(LeaseTablePrinter.self),
        AnyTableRowPrinter(EndpointSliceTablePrinter.self),
        AnyTableRowPrinter(PriorityClassTablePrinter.self),
        AnyTableRowPrinter(StorageClassTablePrinter.self),
    ]

    private static let byModel: [ObjectIdentifier: AnyTableRowPrinter] = {
        var index: [ObjectIdentifier: AnyTableRowPrinter] = [:]
        for printer in all {
            if let model = printer.modelType { index[ObjectIdentifier(model)] = printer }
        }
        return index
    }()

    /// The printer for objects of `model`; the generic `Name`/`Created At` printer when the
    /// kind has none.
    static func printer(for model: any APIResource.Type) -> AnyTableRowPrinter {
        byModel[ObjectIdentifier(model)] ?? .nameAndCreationTime
    }
}
