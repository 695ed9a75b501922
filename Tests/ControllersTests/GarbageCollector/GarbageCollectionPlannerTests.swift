@testable import Controllers
import Client
import Resources
import Testing

/// The collector's decisions, one object at a time, on small ownership graphs.
@Suite struct GarbageCollectionPlannerTests {
    static func node(_ uid: String, kind: ResourceType = ReplicaSet.resourceType, owners: [(String, Bool)] = [],
                     deleting: Bool = false, finalizers: [String] = []) -> OwnershipGraph.Node {
        OwnershipGraph.Node(
            type: kind, namespace: "default", name: "obj-\(uid)", uid: uid,
            owners: owners.map { uid, block in
                var reference = OwnerReference()
                reference.uid = uid
                reference.name = "obj-\(uid)"
                reference.kind = "Deployment"
                reference.apiVersion = "apps/v1"
                reference.controller = true
                reference.blockOwnerDeletion = block
                return reference
            },
            deleting: deleting, finalizers: finalizers)
    }

    static func graph(_ nodes: OwnershipGraph.Node...) -> OwnershipGraph {
        var graph = OwnershipGraph()
        for node in nodes { graph.upsert(node) }
        return graph
    }

    @Test func dependentWhoseOnlyOwnerIsGoneIsDeletedInTheBackground() {
        let graph = Self.graph(Self.node("rs", owners: [("deploy", true)]))
        let actions = GarbageCollectionPlanner.actions(for: "rs", in: graph)
        guard case .delete(let node, let propagation, let absent)? = actions.first else {
            Issue.record("expected a delete, got \(actions)")
            return
        }
        #expect(actions.count == 1)
        #expect(node.uid == "rs")
        #expect(propagation == .background)
        #expect(absent.map(\.uid) == ["deploy"])
    }

    @Test func dependentWithAPresentOwnerIsKept() {
        let graph = Self.graph(Self.node("deploy", kind: Deployment.resourceType), Self.node("rs", owners: [("deploy", true)]))
        #expect(GarbageCollectionPlanner.actions(for: "rs", in: graph).isEmpty)
    }

    @Test func referenceToAGoneOwnerIsDroppedWhileAnotherOwnerRemains() {
        let graph = Self.graph(Self.node("a", kind: Deployment.resourceType), Self.node("rs", owners: [("a", false), ("gone", false)]))
        let actions = GarbageCollectionPlanner.actions(for: "rs", in: graph)
        #expect(actions.count == 1)
        if case .removeOwnerReferences(let node, let uids)? = actions.first {
            #expect(node.uid == "rs")
            #expect(uids == ["gone"])
        } else {
            Issue.record("expected removeOwnerReferences, got \(actions)")
        }
    }

    @Test func orphaningOwnerReleasesEveryDependentThenDropsItsFinalizer() {
        let graph = Self.graph(
            Self.node("deploy", kind: Deployment.resourceType, deleting: true, finalizers: ["orphan"]),
            Self.node("rs1", owners: [("deploy", true)]), Self.node("rs2", owners: [("deploy", true)]))
        let actions = GarbageCollectionPlanner.actions(for: "deploy", in: graph)
        #expect(actions.count == 3)
        let released = actions.compactMap { action -> String? in
            if case .removeOwnerReferences(let node, let uids) = action, uids == ["deploy"] { return node.uid }
            return nil
        }
        #expect(released == ["rs1", "rs2"])
        if case .removeFinalizer(let node, let finalizer)? = actions.last {
            #expect(node.uid == "deploy")
            #expect(finalizer == "orphan")
        } else {
            Issue.record("the finalizer must be removed last, got \(actions)")
        }
    }

    @Test func foregroundOwnerDeletesDependentsAndWaitsForBlockingOnes() {
        let graph = Self.graph(
            Self.node("deploy", kind: Deployment.resourceType, deleting: true, finalizers: ["foregroundDeletion"]),
            Self.node("rs", owners: [("deploy", true)]))
        let actions = GarbageCollectionPlanner.actions(for: "deploy", in: graph)
        #expect(actions.count == 1)
        if case .delete(let node, let propagation, _)? = actions.first {
            #expect(node.uid == "rs")
            #expect(propagation == .foreground)
        } else {
            Issue.record("expected the dependent deleted, got \(actions)")
        }
    }

    @Test func foregroundOwnerDropsItsFinalizerWhenNoBlockingDependentRemains() {
        var graph = Self.graph(
            Self.node("deploy", kind: Deployment.resourceType, deleting: true, finalizers: ["foregroundDeletion"]),
            Self.node("rs", owners: [("deploy", true)]))
        let affected = graph.remove(uid: "rs")
        #expect(affected == ["deploy"])
        let actions = GarbageCollectionPlanner.actions(for: "deploy", in: graph)
        #expect(actions == [.removeFinalizer(Self.node("deploy", kind: Deployment.resourceType, deleting: true, finalizers: ["foregroundDeletion"]),
                                             finalizer: "foregroundDeletion")])
    }

    @Test func nonBlockingDependentDoesNotHoldTheForegroundOwner() {
        let graph = Self.graph(
            Self.node("deploy", kind: Deployment.resourceType, deleting: true, finalizers: ["foregroundDeletion"]),
            Self.node("rs", owners: [("deploy", false)], deleting: true))
        let actions = GarbageCollectionPlanner.actions(for: "deploy", in: graph)
        #expect(actions.count == 1)
        if case .removeFinalizer(_, let finalizer)? = actions.first { #expect(finalizer == "foregroundDeletion") }
    }

    @Test func dependentOfAForegroundOwnerWithItsOwnDependentsGoesInTheForeground() {
        let graph = Self.graph(
            Self.node("deploy", kind: Deployment.resourceType, deleting: true, finalizers: ["foregroundDeletion"]),
            Self.node("rs", owners: [("deploy", true)]),
            Self.node("pod", kind: Pod.resourceType, owners: [("rs", true)]))
        let actions = GarbageCollectionPlanner.actions(for: "rs", in: graph)
        if case .delete(_, let propagation, let absent)? = actions.first {
            #expect(propagation == .foreground)
            #expect(absent.isEmpty)
        } else {
            Issue.record("expected a foreground delete, got \(actions)")
        }
    }

    @Test func removingAnOwnerMarksItsDependentsForAnotherLook() {
        var graph = Self.graph(Self.node("deploy", kind: Deployment.resourceType), Self.node("rs", owners: [("deploy", true)]))
        #expect(graph.remove(uid: "deploy") == ["rs"])
        #expect(graph.dependentNodes(of: "deploy").map(\.uid) == ["rs"])
    }
}
