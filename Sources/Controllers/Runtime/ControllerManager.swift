import Client
import Foundation
import Logging

/// Runs every controller, behind leader election: while this process holds the
/// `kube-system/capstan-controller-manager` Lease it starts the shared informers, waits for
/// them to sync, and runs the controllers and the event recorder; losing the lease cancels
/// all of it, and a new term starts from fresh caches.
public struct ControllerManager: Sendable {
    public struct Configuration: Sendable {
        public var identity: String
        /// How long a node may go without a heartbeat before it is marked Unknown.
        public var nodeMonitorGracePeriod: Duration
        public var leaderElection: Bool
        /// How many terminated pods may exist before the oldest are deleted; 0 keeps them all.
        public var terminatedPodThreshold: Int
        /// The pod network nodes get their ranges from, and the size of each range; nil
        /// turns node IPAM off.
        public var clusterCIDR: String?
        public var nodeCIDRMaskSize: Int

        public static let defaultClusterCIDR = "10.42.0.0/16"

        public init(identity: String = ProcessInfo.processInfo.hostName + "_" + UUID().uuidString.prefix(8).lowercased(),
                    nodeMonitorGracePeriod: Duration = .seconds(50), leaderElection: Bool = true,
                    terminatedPodThreshold: Int = 12_500, clusterCIDR: String? = Self.defaultClusterCIDR,
                    nodeCIDRMaskSize: Int = 24) {
            self.identity = identity
            self.nodeMonitorGracePeriod = nodeMonitorGracePeriod
            self.terminatedPodThreshold = terminatedPodThreshold
            self.leaderElection = leaderElection
            self.clusterCIDR = clusterCIDR
            self.nodeCIDRMaskSize = nodeCIDRMaskSize
        }
    }

    public let configuration: Configuration
    private let client: any ClusterClient
    private let clock: any ClusterClock
    private let logger: Logger
    private let onTerm: @Sendable ([Controller]) -> Void

    /// `onTerm` sees the controllers of each leadership term once they are built (for tests
    /// and the benchmark, which read their queues and counters).
    public init(configuration: Configuration = Configuration(), client: any ClusterClient, clock: any ClusterClock = SystemClusterClock(),
                logger: Logger = Logger(label: "capstan.controllers"), onTerm: @escaping @Sendable ([Controller]) -> Void = { _ in }) {
        self.configuration = configuration
        self.client = client
        self.clock = clock
        self.logger = logger
        self.onTerm = onTerm
    }

    /// Runs until the calling task is cancelled.
    public func run() async {
        guard configuration.leaderElection else { return await runTerm() }
        let elector = LeaderElector(
            configuration: .init(name: "capstan-controller-manager", identity: configuration.identity),
            client: client, clock: clock, logger: logger)
        await elector.run { await runTerm() }
    }

    /// One leadership term: fresh informers, every controller, until cancelled.
    func runTerm() async {
        let informers = InformerFactory(client: client, clock: clock, logger: logger)
        let events = EventRecorder(client: client, component: "capstan-controller-manager", clock: clock, logger: logger)
        let context = ControllerContext(client: client, informers: informers, events: events, clock: clock, logger: logger)
        let controllers = Self.controllers(context, configuration: configuration)
        onTerm(controllers)
        await withDiscardingTaskGroup { group in
            group.addTask { await informers.run() }
            group.addTask { await events.run() }
            group.addTask {
                await informers.waitUntilSynced()
                logger.info("controllers started", metadata: ["controllers": "\(controllers.map(\.name).joined(separator: ","))"])
                await withDiscardingTaskGroup { group in
                    for controller in controllers { group.addTask { await controller.run() } }
                }
            }
        }
    }

    /// The controllers, in one list: adding a controller means adding it here.
    static func controllers(_ context: ControllerContext, configuration: Configuration) -> [Controller] {
        [
            ReplicaSetReconciler.controller(context),
            DeploymentReconciler.controller(context),
            StatefulSetReconciler.controller(context),
            DaemonSetReconciler.controller(context),
            GarbageCollectorReconciler.controller(context),
            JobReconciler.controller(context),
            CronJobReconciler.controller(context),
            NodeLifecycleReconciler.controller(context, gracePeriod: configuration.nodeMonitorGracePeriod),
            NamespaceReconciler.controller(context),
            ServiceAccountReconciler.controller(context),
            EndpointsReconciler.controller(context),
            PodGCReconciler.controller(context, terminatedPodThreshold: configuration.terminatedPodThreshold),
        ] + [configuration.clusterCIDR.flatMap {
            NodeIPAMReconciler.controller(context, clusterCIDR: $0, maskSize: configuration.nodeCIDRMaskSize)
        }].compactMap { $0 }
    }
}
