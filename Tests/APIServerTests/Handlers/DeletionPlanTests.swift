import Foundation
import Resources
import Testing
@testable import APIServer

/// `DeletionPlan.plan`: whether a delete removes an object now or marks it deleting, with
/// which grace period and finalizers.
@Suite struct DeletionPlanTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let pods = ResourceRegistry.builtIn.resource(group: "", version: "v1", plural: "pods")!
    static let configMaps = ResourceRegistry.builtIn.resource(group: "", version: "v1", plural: "configmaps")!

    static func pod(node: String? = nil, phase: String = "Running", terminationGrace: Int64? = nil) -> JSONValue {
        var spec: JSONValue = ["containers": [["name": "app", "image": "nginx"]]]
        if let node { spec["nodeName"] = .string(node) }
        if let terminationGrace { spec["terminationGracePeriodSeconds"] = .integer(terminationGrace) }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p", "namespace": "default"],
                "spec": spec, "status": ["phase": .string(phase)]]
    }

    static func configMap(finalizers: [String] = [], deleting: Bool = false) -> JSONValue {
        var object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c", "namespace": "default"]]
        if !finalizers.isEmpty { object["metadata"]?["finalizers"] = .array(finalizers.map(JSONValue.string)) }
        if deleting {
            object["metadata"]?["deletionTimestamp"] = .string(Time(now).rfc3339)
            object["metadata"]?["deletionGracePeriodSeconds"] = 0
        }
        return object
    }

    static func options(_ query: [String: String] = [:]) throws -> DeleteOptions {
        try DeleteOptions(body: nil, query: query)
    }

    static func plan(_ object: JSONValue, _ resource: ServedResource, _ query: [String: String] = [:]) throws -> DeletionPlan {
        DeletionPlan.plan(for: object, resource, options: try options(query), now: now)
    }

    /// The deletion metadata a `.markDeleting` plan stores, or nil for another plan.
    static func marked(_ plan: DeletionPlan) -> (grace: Int64?, timestamp: String?, finalizers: [String])? {
        guard case .markDeleting(let o) = plan else { return nil }
        return (o["metadata"]?["deletionGracePeriodSeconds"]?.int64Value,
                o["metadata"]?["deletionTimestamp"]?.stringValue,
                (o["metadata"]?["finalizers"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    @Test func podOnANodeIsMarkedDeletingWithDefaultGrace() throws {
        let m = try #require(Self.marked(try Self.plan(Self.pod(node: "n1"), Self.pods)))
        #expect(m.grace == 30)
        #expect(m.timestamp == Time(Self.now.addingTimeInterval(30)).rfc3339)
        #expect(m.finalizers.isEmpty)
    }

    /// A pod whose spec asks for 45 seconds, deleted with these query options.
    static let graceCases: [(query: [String: String], grace: Int64)] = [
        ([:], 45),
        (["gracePeriodSeconds": "5"], 5),
        (["gracePeriodSeconds": "-3"], 0),
        (["gracePeriodSeconds": "0"], 0),
    ]

    @Test(arguments: graceCases)
    func podGraceComesFromOptionsThenSpec(_ query: [String: String], _ expectedGrace: Int64) throws {
        let plan = try Self.plan(Self.pod(node: "n1", terminationGrace: 45), Self.pods, query)
        if expectedGrace == 0 {
            #expect(plan == .remove)
        } else {
            #expect(Self.marked(plan)?.grace == expectedGrace)
        }
    }

    @Test func unscheduledPodIsRemoved() throws {
        #expect(try Self.plan(Self.pod(), Self.pods) == .remove)
    }

    @Test(arguments: ["Succeeded", "Failed"])
    func finishedPodOnANodeIsRemoved(_ phase: String) throws {
        #expect(try Self.plan(Self.pod(node: "n1", phase: phase), Self.pods) == .remove)
    }

    @Test func objectWithFinalizersIsMarkedDeletingNow() throws {
        let m = try #require(Self.marked(try Self.plan(Self.configMap(finalizers: ["example.com/hold"]), Self.configMaps)))
        #expect(m.grace == 0)
        #expect(m.timestamp == Time(Self.now).rfc3339)
        #expect(m.finalizers == ["example.com/hold"])
    }

    @Test func objectWithoutFinalizersIsRemoved() throws {
        #expect(try Self.plan(Self.configMap(), Self.configMaps) == .remove)
    }

    @Test func deletingAgainChangesNothing() throws {
        #expect(try Self.plan(Self.configMap(finalizers: ["example.com/hold"], deleting: true), Self.configMaps) == .unchanged)
    }

    @Test func orphanPolicyAddsOrphanFinalizer() throws {
        let plan = try Self.plan(Self.configMap(finalizers: ["foregroundDeletion"]), Self.configMaps, ["propagationPolicy": "Orphan"])
        #expect(Self.marked(plan)?.finalizers == ["orphan"])
    }

    @Test func foregroundPolicyAddsForegroundFinalizer() throws {
        let plan = try Self.plan(Self.configMap(), Self.configMaps, ["propagationPolicy": "Foreground"])
        #expect(Self.marked(plan)?.finalizers == ["foregroundDeletion"])
    }

    @Test func backgroundPolicyDropsOrphanFinalizerSoTheObjectGoes() throws {
        let plan = try Self.plan(Self.configMap(finalizers: ["orphan"], deleting: true), Self.configMaps, ["propagationPolicy": "Background"])
        #expect(plan == .remove)
    }

    @Test func shorterGraceOnASecondDeleteMovesTheDeadlineEarlier() throws {
        guard case .markDeleting(let first) = try Self.plan(Self.pod(node: "n1"), Self.pods) else {
            Issue.record("a pod on a node is marked first")
            return
        }
        let m = try #require(Self.marked(try Self.plan(first, Self.pods, ["gracePeriodSeconds": "1"])))
        #expect(m.grace == 1)
        #expect(m.timestamp == Time(Self.now.addingTimeInterval(1)).rfc3339)
        #expect(try Self.plan(first, Self.pods, ["gracePeriodSeconds": "60"]) == .unchanged)
    }

    @Test func unknownPropagationPolicyIsInvalid() {
        #expect(throws: APIError.self) { try Self.options(["propagationPolicy": "Sideways"]) }
    }
}
