import CapstanTestKit
import Client
import Foundation
import Resources
import Testing

/// The scheduler against the in-process API server, placing pods on hollow nodes (8 cpu,
/// 32Gi and 110 pods each) that run whatever is bound to them but bind nothing themselves.
@Suite(.timeLimit(.minutes(2))) struct SchedulerScenarioTests {
    static func pod(_ name: String, cpu: String? = nil, app: String = "web") -> Pod {
        var pod = Fixtures.pod(name, app: app)
        if let cpu { pod.spec?.containers[0].resources = ResourceRequirements(requests: ["cpu": Quantity(cpu)]) }
        return pod
    }

    static func get(_ cluster: InProcessCluster, _ name: String) async -> Pod? {
        try? await cluster.client.get(Pod.self, name: name, namespace: "default")
    }

    static func events(_ cluster: InProcessCluster, for name: String, reason: String) async -> [Event] {
        ((try? await cluster.client.list(Event.self, namespace: "default").items) ?? [])
            .filter { $0.involvedObject?.name == name && $0.reason == reason }
    }

    static func node(_ name: String, cpu: String) -> Node {
        var node = Node()
        node.metadata.name = name
        node.metadata.labels = ["kubernetes.io/hostname": name]
        var status = NodeStatus()
        status.capacity = ["cpu": Quantity(cpu), "memory": "64Gi", "pods": "110"]
        status.allocatable = status.capacity
        var ready = NodeCondition()
        ready.type = "Ready"
        ready.status = "True"
        ready.lastHeartbeatTime = Time(Date())
        status.conditions = [ready]
        node.status = status
        return node
    }

    @Test func aPodTooBigForEveryNodeStaysPendingWithTheReasonUntilABigEnoughNodeJoins() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Self.pod("huge", cpu: "12"))
        let message = "0/3 nodes are available: 3 Insufficient cpu."
        #expect(await eventually {
            let condition = await Self.get(cluster, "huge")?.status?.conditions.first { $0.type == "PodScheduled" }
            return condition?.status == "False" && condition?.reason == "Unschedulable" && condition?.message == message
        }, "PodScheduled=False says why")
        #expect(await eventually { await !Self.events(cluster, for: "huge", reason: "FailedScheduling").isEmpty })
        let event = await Self.events(cluster, for: "huge", reason: "FailedScheduling").first
        #expect(event?.message == message)
        #expect(event?.type == "Warning")
        #expect(await Self.get(cluster, "huge")?.spec?.nodeName == nil)

        _ = try await cluster.client.create(Self.node("big", cpu: "16"))
        #expect(await eventually(timeout: .seconds(10)) { await Self.get(cluster, "huge")?.spec?.nodeName == "big" },
                "the new node's arrival puts the pod back in play, within its back-off")
        let scheduled = await Self.get(cluster, "huge")?.status?.conditions.first { $0.type == "PodScheduled" }
        #expect(scheduled?.status == "True")
        #expect(await eventually { await !Self.events(cluster, for: "huge", reason: "Scheduled").isEmpty })
        #expect(await Self.events(cluster, for: "huge", reason: "Scheduled").first?.message == "Successfully assigned default/huge to big")
    }

    @Test func requestsFillNodesAndTheRestWaits() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 2)
        defer { Task { await cluster.stop() } }
        for index in 0..<5 { _ = try await cluster.client.create(Self.pod("worker-\(index)", cpu: "3")) }
        #expect(await eventually {
            let pods = (try? await cluster.client.list(Pod.self, namespace: "default").items) ?? []
            return pods.filter { $0.spec?.nodeName != nil }.count == 4
                && pods.contains { $0.status?.conditions.contains { $0.type == "PodScheduled" && $0.status == "False" } == true }
        }, "two 3-cpu pods fit on each 8-cpu node, and the fifth fits nowhere")
        let pods = try await cluster.client.list(Pod.self, namespace: "default").items
        let perNode = Dictionary(grouping: pods.compactMap(\.spec?.nodeName), by: { $0 }).mapValues(\.count)
        #expect(perNode == ["hollow-0": 2, "hollow-1": 2])
        let waiting = try #require(pods.first { $0.spec?.nodeName == nil })
        #expect(waiting.status?.conditions.first { $0.type == "PodScheduled" }?.message == "0/2 nodes are available: 2 Insufficient cpu.")

        // A deleted pod frees room for the one that waits.
        let victim = try #require(pods.first { $0.spec?.nodeName != nil })
        try await cluster.client.delete(Pod.self, name: victim.name, namespace: "default", options: DeleteOptions(gracePeriodSeconds: 0))
        #expect(await eventually(timeout: .seconds(10)) { await Self.get(cluster, waiting.name)?.spec?.nodeName == victim.spec?.nodeName })
    }

    @Test func taintsKeepPodsOffNodesTheirTolerationsDoNotCover() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        for node in ["hollow-0", "hollow-1"] {
            _ = try await cluster.client.patch(Node.self, name: node, .merge(.object(["spec": .object(["taints": .array([
                .object(["key": .string("dedicated"), "value": .string("db"), "effect": .string("NoSchedule")]),
            ])])])))
        }
        for index in 0..<4 { _ = try await cluster.client.create(Self.pod("plain-\(index)")) }
        var tolerant = Self.pod("db-0", app: "db")
        tolerant.spec?.tolerations = [Toleration(key: "dedicated", operator: "Equal", value: "db", effect: "NoSchedule")]
        tolerant.spec?.nodeSelector = ["kubernetes.io/hostname": "hollow-1"]
        _ = try await cluster.client.create(tolerant)
        #expect(await eventually {
            let pods = (try? await cluster.client.list(Pod.self, namespace: "default").items) ?? []
            return pods.count == 5 && pods.allSatisfy { $0.spec?.nodeName != nil }
        })
        let pods = try await cluster.client.list(Pod.self, namespace: "default").items
        for pod in pods where pod.metadata.labels?["app"] == "web" {
            #expect(pod.spec?.nodeName == "hollow-2", "\(pod.name) does not tolerate the taint")
        }
        #expect(pods.first { $0.name == "db-0" }?.spec?.nodeName == "hollow-1", "the toleration lets db-0 onto its tainted node")
    }

    @Test func aDeploymentSpreadsAcrossNodesAndRunsThere() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        _ = try await cluster.client.create(Fixtures.deployment("web", replicas: 6))
        #expect(await eventually {
            let status = try? await cluster.client.get(Deployment.self, name: "web", namespace: "default").status
            return status?.readyReplicas == 6
        }, "scheduled, then run by the hollow nodes")
        let pods = try await cluster.client.list(Pod.self, namespace: "default").items
        let perNode = Dictionary(grouping: pods.compactMap(\.spec?.nodeName), by: { $0 }).mapValues(\.count)
        // Least-allocated scoring ranks an emptier node higher, in 1-point steps that tie
        // for nodes one pod apart; ties go round the nodes.
        #expect(perNode.count == 3, "every node gets replicas")
        #expect(perNode.values.max() ?? 0 <= 3)
    }

    static func perNode(_ cluster: InProcessCluster, app: String) async throws -> [String: Int] {
        let pods = try await cluster.client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=\(app)")).items
        return Dictionary(grouping: pods.compactMap(\.spec?.nodeName), by: { $0 }).mapValues(\.count)
    }

    @Test func antiAffinitySpreadsReplicasOnePerNodeAndLeavesTheRestPending() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        var deployment = Fixtures.deployment("cache", replicas: 4)
        var term = PodAffinityTerm()
        term.labelSelector = LabelSelector(matchLabels: ["app": "cache"])
        term.topologyKey = "kubernetes.io/hostname"
        deployment.spec?.template?.spec?.affinity = Affinity(podAntiAffinity: PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: [term]))
        _ = try await cluster.client.create(deployment)
        #expect(await eventually {
            let pods = (try? await cluster.client.list(Pod.self, namespace: "default").items) ?? []
            return pods.count == 4 && pods.filter { $0.spec?.nodeName != nil }.count == 3
                && pods.contains { $0.status?.conditions.contains { $0.type == "PodScheduled" && $0.status == "False" } == true }
        })
        #expect(try await Self.perNode(cluster, app: "cache") == ["hollow-0": 1, "hollow-1": 1, "hollow-2": 1])
        let pending = try #require(try await cluster.client.list(Pod.self, namespace: "default").items.first { $0.spec?.nodeName == nil })
        #expect(pending.status?.conditions.first { $0.type == "PodScheduled" }?.message
                    == "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.")
    }

    @Test func topologySpreadKeepsZonesWithinMaxSkew() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 4)
        defer { Task { await cluster.stop() } }
        // Zones a (hollow-0, hollow-1, hollow-2) and b (hollow-3): spreading by zone must
        // fill the one-node zone as fast as the three-node one.
        for (index, zone) in ["a", "a", "a", "b"].enumerated() {
            _ = try await cluster.client.patch(Node.self, name: "hollow-\(index)", .merge(.object(["metadata": .object(["labels": .object([
                "topology.kubernetes.io/zone": .string(zone)])])])))
        }
        var deployment = Fixtures.deployment("web", replicas: 6)
        var constraint = TopologySpreadConstraint()
        constraint.maxSkew = 1
        constraint.topologyKey = "topology.kubernetes.io/zone"
        constraint.whenUnsatisfiable = "DoNotSchedule"
        constraint.labelSelector = LabelSelector(matchLabels: ["app": "web"])
        deployment.spec?.template?.spec?.topologySpreadConstraints = [constraint]
        _ = try await cluster.client.create(deployment)
        #expect(await eventually {
            let status = try? await cluster.client.get(Deployment.self, name: "web", namespace: "default").status
            return status?.readyReplicas == 6
        })
        let perNode = try await Self.perNode(cluster, app: "web")
        let zoneB = perNode["hollow-3"] ?? 0
        let zoneA = (perNode["hollow-0"] ?? 0) + (perNode["hollow-1"] ?? 0) + (perNode["hollow-2"] ?? 0)
        #expect(zoneA == 3 && zoneB == 3, "skew 0 across zones: \(perNode)")
    }

    @Test func aHighPriorityPodPreemptsALowPriorityOneWhenTheClusterIsFull() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        var high = PriorityClass()
        high.metadata.name = "high"
        high.value = 1000
        _ = try await cluster.client.create(high)
        for index in 0..<2 { _ = try await cluster.client.create(Self.pod("batch-\(index)", cpu: "4", app: "batch")) }
        #expect(await eventually {
            let pods = (try? await cluster.client.list(Pod.self, namespace: "default").items) ?? []
            return pods.count == 2 && pods.allSatisfy { $0.status?.phase == "Running" }
        }, "the two low-priority pods fill the 8-cpu node")

        var urgent = Self.pod("urgent", cpu: "4", app: "urgent")
        urgent.spec?.priorityClassName = "high"
        let created = try await cluster.client.create(urgent)
        #expect(created.spec?.priority == 1000, "priority admission resolves the class")
        #expect(await eventually(timeout: .seconds(15)) { await Self.get(cluster, "urgent")?.spec?.nodeName == "hollow-0" },
                "one low-priority pod makes way")
        let pods = try await cluster.client.list(Pod.self, namespace: "default").items
        #expect(pods.filter { $0.metadata.labels?["app"] == "batch" }.count == 1, "exactly one victim: one is enough")
        #expect(await Self.get(cluster, "urgent")?.status?.nominatedNodeName == "hollow-0")
        #expect(await eventually { await !Self.events(cluster, for: "urgent", reason: "Preempted").isEmpty })
    }

    @Test func podsForAnotherSchedulerAreLeftAlone() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 1)
        defer { Task { await cluster.stop() } }
        var other = Self.pod("custom")
        other.spec?.schedulerName = "my-scheduler"
        _ = try await cluster.client.create(other)
        _ = try await cluster.client.create(Self.pod("mine"))
        #expect(await eventually { await Self.get(cluster, "mine")?.spec?.nodeName == "hollow-0" })
        try await Task.sleep(for: .milliseconds(300))
        #expect(await Self.get(cluster, "custom")?.spec?.nodeName == nil)
        #expect(await Self.events(cluster, for: "custom", reason: "FailedScheduling").isEmpty)
    }
}

/// Pods with claims on local volumes, through the scheduler and the real API server.
@Suite(.timeLimit(.minutes(2))) struct VolumeSchedulingScenarioTests {
    @Test func aPodWithAFirstConsumerClaimGoesToTheNodeOfAFittingVolumeAndBindsIt() async throws {
        let cluster = try await InProcessCluster.start(scheduler: true, hollowNodes: 3)
        defer { Task { await cluster.stop() } }
        let client = cluster.client
        _ = try await client.create(Fixtures.storageClass())
        _ = try await client.create(Fixtures.localVolume("small-0", on: "hollow-0", size: "1Gi"))
        _ = try await client.create(Fixtures.localVolume("big-1", on: "hollow-1", size: "10Gi"))
        _ = try await client.create(Fixtures.claim("data", size: "5Gi"))
        _ = try await client.create(Fixtures.mounting(["data"], in: Fixtures.pod("db-0", app: "db")))

        #expect(await eventually { await SchedulerScenarioTests.get(cluster, "db-0")?.spec?.nodeName == "hollow-1" },
                "the only node with a volume big enough")
        #expect(await eventually {
            let claim = try? await client.get(PersistentVolumeClaim.self, name: "data", namespace: "default")
            return claim?.spec?.volumeName == "big-1" && claim?.status?.phase == "Bound"
        }, "the claim is bound to the chosen volume")
        let volume = try await client.get(PersistentVolume.self, name: "big-1")
        #expect(volume.spec?.claimRef?.name == "data")
        #expect(volume.status?.phase == "Bound")
        let claim = try await client.get(PersistentVolumeClaim.self, name: "data", namespace: "default")
        #expect(claim.status?.capacity["storage"] == "10Gi")
        #expect(volume.spec?.claimRef?.uid == claim.metadata.uid)

        // A second claim finds no volume until one appears.
        _ = try await client.create(Fixtures.claim("more", size: "5Gi"))
        _ = try await client.create(Fixtures.mounting(["more"], in: Fixtures.pod("db-1", app: "db")))
        let message = "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind."
        #expect(await eventually {
            await SchedulerScenarioTests.get(cluster, "db-1")?.status?.conditions.first { $0.type == "PodScheduled" }?.message == message
        }, "big-1 is taken and small-0 too small")
        _ = try await client.create(Fixtures.localVolume("big-2", on: "hollow-2", size: "8Gi"))
        #expect(await eventually(timeout: .seconds(10)) { await SchedulerScenarioTests.get(cluster, "db-1")?.spec?.nodeName == "hollow-2" },
                "the new volume puts the pod back in play")

        // A pod whose claim is missing says so.
        _ = try await client.create(Fixtures.mounting(["ghost"], in: Fixtures.pod("db-2", app: "db")))
        #expect(await eventually {
            let message = await SchedulerScenarioTests.get(cluster, "db-2")?.status?.conditions.first { $0.type == "PodScheduled" }?.message
            return message?.hasPrefix("0/3 nodes are available: persistentvolumeclaim \"ghost\" not found.") == true
        })
    }
}
