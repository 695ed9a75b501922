import Client
import Foundation
import Logging
import Resources
import SchedulingFramework

/// The scheduler service: it watches pods and nodes, and places each pod that names one of
/// its profiles (`spec.schedulerName`) and has no node. One pod at a time goes through its
/// profile's framework against the cache's snapshot; a placement is assumed in the cache and
/// bound asynchronously through `pods/binding`, so the next cycle starts at once. A pod that
/// fits nowhere gets a FailedScheduling event, the PodScheduled=False condition, and waits
/// for a cluster event that could help it. Runs under leader election on the
/// `kube-system/capstan-scheduler` Lease.
public struct Scheduler: Sendable {
    public struct Configuration: Sendable {
        public var identity: String
        public var leaderElection: Bool
        /// The profiles, each answering to its `profileName` as a schedulerName.
        public var profiles: [Framework]

        public init(identity: String = ProcessInfo.processInfo.hostName + "_" + UUID().uuidString.prefix(8).lowercased(),
                    leaderElection: Bool = true,
                    profiles: [Framework] = [Registry.defaultProfile(parallelism: ProcessInfo.processInfo.activeProcessorCount)]) {
            self.identity = identity
            self.leaderElection = leaderElection
            self.profiles = profiles
        }
    }

    public let configuration: Configuration
    private let client: any ClusterClient
    private let clock: any ClusterClock
    private let logger: Logger
    private let onTerm: @Sendable (SchedulerTerm) -> Void

    /// `onTerm` sees each leadership term's state once it is built (for tests and the benchmark).
    public init(configuration: Configuration = Configuration(), client: any ClusterClient, clock: any ClusterClock = SystemClusterClock(),
                logger: Logger = Logger(label: "capstan.scheduler"), onTerm: @escaping @Sendable (SchedulerTerm) -> Void = { _ in }) {
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
            configuration: .init(name: "capstan-scheduler", identity: configuration.identity),
            client: client, clock: clock, logger: logger)
        await elector.run { await runTerm() }
    }

    /// One leadership term: fresh informers, cache and queue, until cancelled.
    func runTerm() async {
        let informers = InformerFactory(client: client, clock: clock, logger: logger)
        let events = EventRecorder(client: client, component: Registry.defaultSchedulerName, clock: clock, logger: logger)
        let term = SchedulerTerm(configuration: configuration, client: client, informers: informers, events: events,
                                 clock: clock, logger: logger)
        onTerm(term)
        await withDiscardingTaskGroup { group in
            group.addTask { await informers.run() }
            group.addTask { await events.run() }
            group.addTask { await term.queue.runFlusher() }
            group.addTask { await term.runBindings() }
            group.addTask {
                await informers.waitUntilSynced()
                logger.info("scheduler started", metadata: ["profiles": "\(configuration.profiles.map(\.profileName).joined(separator: ","))"])
                await term.runCycles()
            }
        }
    }
}
