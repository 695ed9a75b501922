import Testing
@testable import Resources

/// The patch metadata the model declares with `@Patch` / `@ListType` / `@MapType`, against
/// upstream's struct tags (k8s.io/api v0.32 core/v1, apps/v1, batch/v1; apimachinery meta/v1).
@Suite struct SchemaPatchMetadataTests {
    private func patch(_ type: any SchemaDescribing.Type, _ member: String) -> PatchMetadata? {
        type.schema.property(member)?.patch
    }

    @Test func containersMergeByName() {
        let expected = PatchMetadata(strategy: "merge", mergeKey: "name", listType: "map", listMapKeys: ["name"])
        #expect(patch(PodSpec.self, "containers") == expected)
        #expect(patch(PodSpec.self, "initContainers") == expected)
        #expect(patch(PodSpec.self, "imagePullSecrets") == expected)
    }

    @Test func volumesMergeByNameAndRetainKeys() {
        let volumes = patch(PodSpec.self, "volumes")
        #expect(volumes?.strategies == ["merge", "retainKeys"])
        #expect(volumes?.mergeKey == "name")
    }

    @Test func deploymentStrategyRetainsKeysButUpdateStrategiesDoNot() {
        #expect(patch(DeploymentSpec.self, "strategy") == PatchMetadata(strategy: "retainKeys"))
        #expect(patch(DaemonSetSpec.self, "updateStrategy")?.isEmpty == true)
        #expect(patch(StatefulSetSpec.self, "updateStrategy")?.isEmpty == true)
    }

    @Test func containerListsMergeByTheirUpstreamKeys() {
        #expect(patch(Container.self, "ports")
            == PatchMetadata(strategy: "merge", mergeKey: "containerPort", listType: "map", listMapKeys: ["containerPort", "protocol"]))
        #expect(patch(Container.self, "env")?.mergeKey == "name")
        #expect(patch(Container.self, "volumeMounts")?.mergeKey == "mountPath")
        #expect(patch(Container.self, "volumeDevices")?.mergeKey == "devicePath")
        #expect(patch(Container.self, "command") == PatchMetadata(listType: "atomic"))
        #expect(patch(Container.self, "envFrom") == PatchMetadata(listType: "atomic"))
    }

    @Test func servicePortsMergeByPort() {
        #expect(patch(ServiceSpec.self, "ports")
            == PatchMetadata(strategy: "merge", mergeKey: "port", listType: "map", listMapKeys: ["port", "protocol"]))
        #expect(patch(ServiceSpec.self, "selector") == PatchMetadata(mapType: "atomic"))
    }

    @Test func objectMetaMergesFinalizersAndOwnerReferencesByUID() {
        #expect(patch(ObjectMeta.self, "finalizers") == PatchMetadata(strategy: "merge", listType: "set"))
        #expect(patch(ObjectMeta.self, "ownerReferences")
            == PatchMetadata(strategy: "merge", mergeKey: "uid", listType: "map", listMapKeys: ["uid"]))
    }

    @Test func conditionsMergeByType() {
        for (type, member) in [(PodStatus.self, "conditions"), (NodeStatus.self, "conditions"),
                               (DeploymentStatus.self, "conditions"), (JobStatus.self, "conditions"),
                               (NamespaceStatus.self, "conditions")] as [(any SchemaDescribing.Type, String)] {
            let metadata = patch(type, member)
            #expect(metadata?.strategy == "merge", "\(type)")
            #expect(metadata?.mergeKey == "type", "\(type)")
        }
        // Job conditions merge by type but are atomic for server-side apply, as upstream.
        #expect(patch(JobStatus.self, "conditions")?.listType == "atomic")
    }

    @Test func tolerationsAreAtomicWithoutAPatchStrategy() {
        #expect(patch(PodSpec.self, "tolerations") == PatchMetadata(listType: "atomic"))
    }

    @Test func mergeKeysAndListMapKeysNameMembersOfTheElements() {
        for schema in SchemaCatalogWalk.reachable(from: SchemaCatalogWalk.kinds) {
            for property in schema.properties where !property.patch.isEmpty {
                let keys = [property.patch.mergeKey].compactMap { $0 } + property.patch.listMapKeys
                guard !keys.isEmpty else { continue }
                guard case .array(let element) = property.value, let elementSchema = element.referencedSchema else {
                    Issue.record("\(schema.definitionName!).\(property.name) has keys but no object elements")
                    continue
                }
                for key in keys {
                    #expect(elementSchema.property(key) != nil, "\(schema.definitionName!).\(property.name) key \(key)")
                }
            }
        }
    }

    @Test func mergeStrategiesOnlyOnListsAndObjects() {
        for schema in SchemaCatalogWalk.reachable(from: SchemaCatalogWalk.kinds) {
            for property in schema.properties {
                let strategies = property.patch.strategies
                if strategies.contains("merge") {
                    guard case .array = property.value else {
                        Issue.record("\(schema.definitionName!).\(property.name): merge on a non-list")
                        continue
                    }
                }
                if strategies.contains("retainKeys") {
                    let isObject = property.value.innermost.referencedSchema.map { !$0.properties.isEmpty } ?? false
                    #expect(isObject, "\(schema.definitionName!).\(property.name): retainKeys on a non-object")
                }
            }
        }
    }
}
