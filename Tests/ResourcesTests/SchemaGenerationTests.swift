import Testing
@testable import Resources

/// A type exercising every value shape and optionality the macro reads.
/// Second line of the description.
@APIObject
struct SchemaFixture {
    /// Must be present.
    var required: String
    var optional: Int32?
    var defaulted: Int64 = 0
    @JSONKey("continue") var continueToken: String?
    var flags: [Bool] = []
    var limits: [String: Quantity]?
    var ratio: Double?
    var nested: [[String: ObjectMeta]] = []
    var anything: JSONValue?
}

@Suite struct SchemaGenerationTests {
    @Test func definitionNamesFollowTheNamespace() {
        #expect(Pod.schema.definitionName == "io.k8s.api.core.v1.Pod")
        #expect(Deployment.schema.definitionName == "io.k8s.api.apps.v1.Deployment")
        #expect(ObjectMeta.schema.definitionName == "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")
        #expect(Lease.schema.definitionName == "io.k8s.api.coordination.v1.Lease")
        #expect(SchemaFixture.schema.definitionName == "SchemaFixture")
    }

    @Test func renamedTypesTakeTheUpstreamName() {
        #expect(EndpointSlicePort.schema.definitionName == "io.k8s.api.discovery.v1.EndpointPort")
        #expect(EndpointPort.schema.definitionName == "io.k8s.api.core.v1.EndpointPort")
    }

    @Test func descriptionsComeFromDocComments() {
        #expect(Pod.schema.description
            == "core/v1 Pod: one or more containers scheduled together onto a node, sharing network and volumes.")
        #expect(PodSpec.schema.property("restartPolicy")?.description == "One of `RestartPolicy`.")
        #expect(PodSpec.schema.property("containers")?.description == "")
        #expect(SchemaFixture.schema.description
            == "A type exercising every value shape and optionality the macro reads. Second line of the description.")
        #expect(SchemaFixture.schema.property("required")?.description == "Must be present.")
    }

    @Test func requiredFollowsOptionality() {
        let required = SchemaFixture.schema.properties.filter(\.isRequired).map(\.name)
        #expect(required == ["required"])
        #expect(Pod.schema.properties.allSatisfy { !$0.isRequired })
    }

    @Test func membersKeepDeclarationOrderAndJSONNames() {
        #expect(SchemaFixture.schema.properties.map(\.name)
            == ["required", "optional", "defaulted", "continue", "flags", "limits", "ratio", "nested", "anything"])
        #expect(ListMeta.schema.property("continue") != nil)
        #expect(ListMeta.schema.property("continueToken") == nil)
        #expect(Set(Container.schema.properties.map(\.name)) == Container.declaredJSONKeys)
    }

    @Test func valueTypesFollowTheDeclaredTypes() {
        let schema = SchemaFixture.schema
        #expect(describe(schema.property("required")!.value) == "string")
        #expect(describe(schema.property("optional")!.value) == "int32")
        #expect(describe(schema.property("defaulted")!.value) == "int64")
        #expect(describe(schema.property("flags")!.value) == "[boolean]")
        #expect(describe(schema.property("limits")!.value) == "{io.k8s.apimachinery.pkg.api.resource.Quantity}")
        #expect(describe(schema.property("ratio")!.value) == "number")
        #expect(describe(schema.property("nested")!.value) == "[{io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}]")
        #expect(describe(schema.property("anything")!.value) == "inline")
        #expect(describe(Container.schema.property("ports")!.value) == "[io.k8s.api.core.v1.ContainerPort]")
    }

    @Test func specialTypesUseUpstreamDefinitions() {
        #expect(Quantity.schema.definitionName == "io.k8s.apimachinery.pkg.api.resource.Quantity")
        #expect(IntOrString.schema.definitionName == "io.k8s.apimachinery.pkg.util.intstr.IntOrString")
        #expect(Time.schema.definitionName == "io.k8s.apimachinery.pkg.apis.meta.v1.Time")
        #expect(MicroTime.schema.definitionName == "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime")
        #expect(JSONValue.schema.definitionName == nil)
        if case .intOrString = IntOrString.schema.shape {} else { Issue.record("IntOrString is not int-or-string") }
        if case .dateTime = Time.schema.shape {} else { Issue.record("Time is not date-time") }
    }

    @Test func everyReferencedTypeHasADefinitionOrIsInline() {
        for schema in SchemaCatalogWalk.reachable(from: SchemaCatalogWalk.kinds) {
            for property in schema.properties {
                guard let referenced = property.value.innermost.referencedSchema else { continue }
                if let name = referenced.definitionName {
                    #expect(name.hasPrefix("io.k8s."), "\(schema.definitionName ?? "?").\(property.name)")
                } else if case .freeForm = referenced.shape {
                } else {
                    Issue.record("\(schema.definitionName ?? "?").\(property.name) has an unnamed, structured type")
                }
            }
        }
    }

    private func describe(_ value: ValueSchema) -> String {
        switch value {
        case .string: "string"
        case .integer(let format): format.rawValue
        case .number: "number"
        case .boolean: "boolean"
        case .array(let element): "[\(describe(element))]"
        case .map(let element): "{\(describe(element))}"
        case .reference(let type): type.schema.definitionName ?? "inline"
        }
    }
}

/// The built-in kinds and every schema reachable from them.
enum SchemaCatalogWalk {
    static let kinds: [any SchemaDescribing.Type] = [
        Pod.self, Service.self, Endpoints.self, Namespace.self, Node.self, ConfigMap.self, Secret.self,
        ServiceAccount.self, PersistentVolume.self, PersistentVolumeClaim.self, Event.self, Deployment.self,
        ReplicaSet.self, StatefulSet.self, DaemonSet.self, ControllerRevision.self, Job.self, CronJob.self,
        Lease.self, EndpointSlice.self, PriorityClass.self,
    ]

    static func reachable(from roots: [any SchemaDescribing.Type]) -> [TypeSchema] {
        var seen: Set<String> = []
        var result: [TypeSchema] = []
        var pending = roots.map { $0.schema }
        while let schema = pending.popLast() {
            guard let name = schema.definitionName, seen.insert(name).inserted else { continue }
            result.append(schema)
            for property in schema.properties {
                if let referenced = property.value.innermost.referencedSchema { pending.append(referenced) }
            }
        }
        return result
    }
}
