import Resources

/// Every resource the API server serves, looked up by group/version/plural.
public struct ResourceRegistry: Sendable {
    public let resources: [ServedResource]
    private let byPath: [String: Int]

    public init(_ resources: [ServedResource]) {
        self.resources = resources
        var index: [String: Int] = [:]
        for (i, r) in resources.enumerated() { index[Self.pathKey(r.type.group, r.type.version, r.type.plural)] = i }
        self.byPath = index
    }

    public func resource(group: String, version: String, plural: String) -> ServedResource? {
        byPath[Self.pathKey(group, version, plural)].map { resources[$0] }
    }

    public func resource(apiVersion: String, kind: String) -> ServedResource? {
        resources.first { $0.apiVersion == apiVersion && $0.kind == kind }
    }

    /// `(group, version)` pairs in serving order, core first.
    public var groupVersions: [(group: String, version: String)] {
        var seen: Set<String> = []
        var result: [(String, String)] = []
        for r in resources where seen.insert(r.type.apiVersion).inserted { result.append((r.type.group, r.type.version)) }
        return result
    }

    private static func pathKey(_ group: String, _ version: String, _ plural: String) -> String {
        "\(group)/\(version)/\(plural)"
    }

    /// The built-in kinds, with Kubernetes' short names, categories, subresources and
    /// selectable fields.
    public static let builtIn = ResourceRegistry([
        ServedResource(Pod.self, shortNames: ["po"], categories: ["all"],
                       subresources: ["status", "binding", "log", "exec", "eviction"],
                       selectableFields: ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                                          "spec.serviceAccountName", "spec.hostNetwork", "status.phase",
                                          "status.podIP", "status.nominatedNodeName"]),
        ServedResource(Service.self, shortNames: ["svc"], categories: ["all"], subresources: ["status"]),
        ServedResource(Endpoints.self, shortNames: ["ep"]),
        ServedResource(Namespace.self, shortNames: ["ns"], subresources: ["status", "finalize"], selectableFields: ["status.phase"]),
        ServedResource(Node.self, shortNames: ["no"], subresources: ["status"], selectableFields: ["spec.unschedulable"]),
        ServedResource(ConfigMap.self, shortNames: ["cm"]),
        ServedResource(Secret.self, selectableFields: ["type"]),
        ServedResource(ServiceAccount.self, shortNames: ["sa"], subresources: ["token"]),
        ServedResource(PersistentVolume.self, shortNames: ["pv"], subresources: ["status"]),
        ServedResource(PersistentVolumeClaim.self, shortNames: ["pvc"], subresources: ["status"]),
        ServedResource(Event.self, shortNames: ["ev"],
                       selectableFields: ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                                          "involvedObject.uid", "involvedObject.apiVersion",
                                          "involvedObject.resourceVersion", "involvedObject.fieldPath",
                                          "reason", "reportingComponent", "source", "type"]),
        ServedResource(Deployment.self, shortNames: ["deploy"], categories: ["all"], subresources: ["status", "scale"]),
        ServedResource(ReplicaSet.self, shortNames: ["rs"], categories: ["all"], subresources: ["status", "scale"],
                       selectableFields: ["status.replicas"]),
        ServedResource(StatefulSet.self, shortNames: ["sts"], categories: ["all"], subresources: ["status", "scale"]),
        ServedResource(DaemonSet.self, shortNames: ["ds"], categories: ["all"], subresources: ["status"]),
        ServedResource(ControllerRevision.self),
        ServedResource(Job.self, categories: ["all"], subresources: ["status"], selectableFields: ["status.successful"]),
        ServedResource(CronJob.self, shortNames: ["cj"], categories: ["all"], subresources: ["status"]),
        ServedResource(Lease.self, shortNames: ["lease"]),
        ServedResource(EndpointSlice.self),
        ServedResource(PriorityClass.self, shortNames: ["pc"]),
        ServedResource(StorageClass.self, shortNames: ["sc"]),
    ])
}
