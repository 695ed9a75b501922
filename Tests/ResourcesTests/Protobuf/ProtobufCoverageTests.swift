import Testing
@testable import Resources

/// Every member of every type a served kind reaches has a protobuf field, so no field a
/// protobuf client sets is dropped for want of a number, and no table names a member the
/// type does not have.
@Suite("Protobuf message coverage")
struct ProtobufCoverageTests {
    static let kinds: [any SchemaDescribing.Type] = [
        Pod.self, Service.self, Endpoints.self, Namespace.self, Node.self, ConfigMap.self, Secret.self,
        ServiceAccount.self, PersistentVolume.self, PersistentVolumeClaim.self, Event.self,
        Deployment.self, ReplicaSet.self, StatefulSet.self, DaemonSet.self, ControllerRevision.self,
        Job.self, CronJob.self, Lease.self, EndpointSlice.self, PriorityClass.self, StorageClass.self,
    ]

    /// A kind's TypeMeta has no field: it travels in the envelope. (`managedFields`, which
    /// this model keeps as JSON while upstream has a message for it, has none either.)
    static let typeMeta: Set<String> = ["apiVersion", "kind"]

    @Test("every reachable member is numbered, and every number names a member")
    func coverage() {
        var seen: Set<String> = []
        var queue = Self.kinds
        var problems: [String] = []
        while let type = queue.popLast() {
            let schema = type.schema
            guard case .object(let properties) = schema.shape else { continue }
            let name = schema.definitionName ?? "\(type)"
            guard seen.insert(name).inserted else { continue }
            guard let message = type as? any ProtobufMessage.Type else {
                problems.append("\(name) has no protobuf message")
                continue
            }
            let numbered = message.protobufFields.memberNames
            let isKind = Self.kinds.contains { $0 == type }
            for property in properties {
                if let referenced = property.value.innermost.referencedType { queue.append(referenced) }
                let exempt = property.name == "managedFields" || (isKind && Self.typeMeta.contains(property.name))
                if !numbered.contains(property.name), !exempt {
                    problems.append("\(name).\(property.name) has no field number")
                }
            }
            let names = Set(properties.map(\.name))
            for member in numbered where !names.contains(member) {
                problems.append("\(name) numbers \(member), which it does not have")
            }
        }
        #expect(problems.isEmpty, "\(problems.sorted().joined(separator: "\n"))")
        #expect(seen.count > 150)
    }
}

extension ValueSchema {
    var referencedType: (any SchemaDescribing.Type)? {
        if case .reference(let type) = self { return type }
        return nil
    }
}
