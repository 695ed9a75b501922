import Foundation
import Resources
import Testing
@testable import APIServer

/// The kind and the headers kubectl prints for it (`*` marks `-o wide`-only columns).
struct KindTableColumns: Sendable, CustomTestStringConvertible {
    let model: any APIResource.Type
    let headers: [String]
    var testDescription: String { model.resourceType.kind }
}

@Suite struct TableConvertorTests {
    typealias F = TableFixtures

    /// columnDefinitions of printers.go (v1.32), in order, for every served kind.
    static let kinds: [KindTableColumns] = [
        KindTableColumns(model: Pod.self, headers: ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP*", "NODE*", "NOMINATED NODE*", "READINESS GATES*"]),
        KindTableColumns(model: Service.self, headers: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR*"]),
        KindTableColumns(model: Endpoints.self, headers: ["NAME", "ENDPOINTS", "AGE"]),
        KindTableColumns(model: Namespace.self, headers: ["NAME", "STATUS", "AGE"]),
        KindTableColumns(model: Node.self, headers: ["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP*", "EXTERNAL-IP*", "OS-IMAGE*", "KERNEL-VERSION*", "CONTAINER-RUNTIME*"]),
        KindTableColumns(model: ConfigMap.self, headers: ["NAME", "DATA", "AGE"]),
        KindTableColumns(model: Secret.self, headers: ["NAME", "TYPE", "DATA", "AGE"]),
        KindTableColumns(model: ServiceAccount.self, headers: ["NAME", "SECRETS", "AGE"]),
        KindTableColumns(model: PersistentVolume.self, headers: ["NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "REASON", "AGE", "VOLUMEMODE*"]),
        KindTableColumns(model: PersistentVolumeClaim.self, headers: ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE", "VOLUMEMODE*"]),
        KindTableColumns(model: Event.self, headers: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT*", "SOURCE*", "MESSAGE", "FIRST SEEN*", "COUNT*", "NAME*"]),
        KindTableColumns(model: Deployment.self, headers: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS*", "IMAGES*", "SELECTOR*"]),
        KindTableColumns(model: ReplicaSet.self, headers: ["NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS*", "IMAGES*", "SELECTOR*"]),
        KindTableColumns(model: StatefulSet.self, headers: ["NAME", "READY", "AGE", "CONTAINERS*", "IMAGES*"]),
        KindTableColumns(model: DaemonSet.self, headers: ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE", "CONTAINERS*", "IMAGES*", "SELECTOR*"]),
        KindTableColumns(model: ControllerRevision.self, headers: ["NAME", "CONTROLLER", "REVISION", "AGE"]),
        KindTableColumns(model: Job.self, headers: ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE", "CONTAINERS*", "IMAGES*", "SELECTOR*"]),
        KindTableColumns(model: CronJob.self, headers: ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE", "CONTAINERS*", "IMAGES*", "SELECTOR*"]),
        KindTableColumns(model: Lease.self, headers: ["NAME", "HOLDER", "AGE"]),
        KindTableColumns(model: EndpointSlice.self, headers: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"]),
        KindTableColumns(model: PriorityClass.self, headers: ["NAME", "VALUE", "GLOBAL-DEFAULT", "AGE", "PREEMPTIONPOLICY"]),
        KindTableColumns(model: StorageClass.self,
                         headers: ["NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"]),
    ]

    @Test(arguments: kinds)
    func columnsMatchUpstreamOrderAndPriority(_ kind: KindTableColumns) {
        #expect(F.headers(kind.model) == kind.headers)
    }

    @Test func everyServedKindHasAPrinter() {
        let served = Set(ResourceRegistry.builtIn.resources.map { ObjectIdentifier($0.objectType) })
        let printed = Set(TableRowPrinterRegistry.all.compactMap { $0.modelType.map(ObjectIdentifier.init) })
        #expect(served == printed)
        #expect(Self.kinds.count == ResourceRegistry.builtIn.resources.count)
    }

    /// A bare object (name only) prints one cell per column for every kind.
    @Test(arguments: ResourceRegistry.builtIn.resources.map(\.type.kind))
    func bareObjectPrintsOneCellPerColumn(kind: String) throws {
        let resource = try #require(ResourceRegistry.builtIn.resources.first { $0.type.kind == kind })
        let object: JSONValue = ["apiVersion": .string(resource.apiVersion), "kind": .string(kind),
                                 "metadata": ["name": "bare", "creationTimestamp": .string(F.ago(61).rfc3339)]]
        let table = TableConvertor(resource: resource).table(objects: [object], listMetadata: [:], includeObject: "None", now: F.now)
        let columns = try #require(table["columnDefinitions"]?.arrayValue)
        let cells = try #require(table["rows"]?.arrayValue?.first?["cells"]?.arrayValue)
        #expect(cells.count == columns.count)
        let nameIndex = try #require(columns.firstIndex { $0["format"] == "name" })
        #expect(cells[nameIndex] == "bare")
        if let ageIndex = columns.firstIndex(where: { $0["name"] == "Age" }) { #expect(cells[ageIndex] == "61s") }
    }

    @Test func tableCarriesKindListMetadataColumnsAndRows() {
        let table = F.table([ConfigMap(metadata: F.meta("a", created: F.ago(5))), ConfigMap(metadata: F.meta("b"))])
        #expect(table["kind"] == "Table")
        #expect(table["apiVersion"] == "meta.k8s.io/v1")
        #expect(table["metadata"] == ["resourceVersion": "42"])
        #expect(table["columnDefinitions"]?.arrayValue?.first == [
            "name": "Name", "type": "string", "format": "name", "description": .string(ObjectMetaDocs.name), "priority": 0])
        #expect(table["columnDefinitions"]?.arrayValue?[1] == [
            "name": "Data", "type": "string", "format": "", "description": "Data contains the configuration data.", "priority": 0])
        #expect(table["rows"]?.arrayValue?.map { $0["cells"] } == [["a", 0, "5s"], ["b", 0, "<unknown>"]])
    }

    @Test func rowObjectFollowsIncludeObject() throws {
        let cm = ConfigMap(metadata: F.meta("a", labels: ["x": "y"]), data: ["k": "v"])
        let metadata = try JSONValue(encoding: cm.metadata)
        func rowObject(_ include: String) -> JSONValue? { F.table([cm], includeObject: include)["rows"]?.arrayValue?.first?["object"] }
        #expect(rowObject("None") == .null)
        #expect(rowObject("Object") == (try JSONValue(encoding: cm)))
        let partial: JSONValue = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": metadata]
        #expect(rowObject("Metadata") == partial)
        #expect(rowObject("") == partial)
    }

    @Test func finishedPodRowsCarryConditionsOthersDoNot() {
        let done = Pod(metadata: F.meta("done"), spec: PodSpec(containers: [Container(name: "c")]), status: PodStatus(phase: "Succeeded"))
        let live = Pod(metadata: F.meta("live"), spec: PodSpec(containers: [Container(name: "c")]), status: PodStatus(phase: "Running"))
        let rows = F.table([done, live])["rows"]?.arrayValue ?? []
        #expect(rows.first?["conditions"] == [["type": "Completed", "status": "True", "reason": "Succeeded",
                                               "message": "The pod has completed successfully."]])
        #expect(rows.last?["conditions"] == nil)
    }

    @Test func objectThatDoesNotDecodeStillGetsNameAndAge() throws {
        let resource = try #require(ResourceRegistry.builtIn.resource(apiVersion: "apps/v1", kind: "Deployment"))
        let broken: JSONValue = ["metadata": ["name": "broken", "creationTimestamp": .string(F.ago(2 * F.hour).rfc3339)],
                                 "spec": ["replicas": "three"]]
        let good = try JSONValue(encoding: Deployment(metadata: F.meta("good"), spec: DeploymentSpec(replicas: 3)))
        let table = TableConvertor(resource: resource).table(objects: [broken, good], listMetadata: [:], includeObject: "None", now: F.now)
        let rows = table["rows"]?.arrayValue ?? []
        #expect(rows.count == 2)
        #expect(rows.first?["cells"] == ["broken", "<unknown>", "<unknown>", "<unknown>", "120m", "<unknown>", "<unknown>", "<unknown>"])
        #expect(rows.last?["cells"]?.arrayValue?[1] == "0/3")
    }

    /// Upstream's default table convertor, for kinds without a printer.
    @Test func kindWithoutPrinterGetsNameAndCreatedAt() {
        let printer = AnyTableRowPrinter.nameAndCreationTime
        #expect(printer.columns.map(\.name) == ["Name", "Created At"])
        #expect(printer.columns.map(\.type) == ["string", "date"])
        let row = printer.row(for: ["metadata": ["name": "w", "creationTimestamp": "2024-05-01T12:00:00Z"]], now: F.now)
        #expect(row.cells == ["w", "2024-05-01T12:00:00Z"])
    }
}
