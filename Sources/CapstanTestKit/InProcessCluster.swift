import APIServer
import Client
import Controllers
import Foundation
import Logging
import Resources
import Scheduler
import SchedulingFramework
import Store
import Synchronization

/// A control plane in this process: the API server over an in-memory store on loopback
/// (plain HTTP, for tests that want a socket), a client that calls its handlers directly,
/// optionally the controller manager and hollow nodes, all on one clock. `stop()` ends it.
public final class InProcessCluster: Sendable {
    public let port: Int
    public let store: MemoryClusterStore
    public let client: InProcessClusterClient
    public let clock: any ClusterClock
    /// The hollow nodes, when the cluster has any.
    public let hollowNodes: HollowNodes?
    private let tasks: [Task<Void, Never>]
    private let controllers: ControllersBox

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The controllers of the current term, once the controller manager has built them.
    public var runningControllers: [Controller] { controllers.value }

    private init(port: Int, store: MemoryClusterStore, client: InProcessClusterClient, clock: any ClusterClock,
                 hollowNodes: HollowNodes?, tasks: [Task<Void, Never>], controllers: ControllersBox) {
        self.hollowNodes = hollowNodes
        self.port = port
        self.store = store
        self.client = client
        self.clock = clock
        self.tasks = tasks
        self.controllers = controllers
    }

    /// Starts the server and, as asked, the controllers, the scheduler and `hollowNodes` nodes
    /// that run every pod as `behaviour` says. Without the scheduler, the hollow nodes bind
    /// pending pods themselves, round robin.
    /// `terminatedPodThreshold` is how many finished pods the pod collector keeps.
    /// `nodeMonitorGracePeriod` is how long a node may go without a heartbeat; tests that
    /// race a manual clock far ahead of the hollow nodes' heartbeats lengthen it.
    public static func start(clock: any ClusterClock = SystemClusterClock(), controllers runControllers: Bool = true,
                             scheduler runScheduler: Bool = false, schedulerProfiles: [Framework]? = nil,
                             nodeMonitorGracePeriod: Duration = .seconds(50), terminatedPodThreshold: Int = 12_500,
                             clusterCIDR: String? = ControllerManager.Configuration.defaultClusterCIDR,
                             hollowNodes: Int = 0, behaviour: @escaping @Sendable (Pod) -> HollowNodes.Outcome = { _ in .runReady })
        async throws -> InProcessCluster {
        let store = MemoryClusterStore()
        var logger = Logger(label: "capstan.test-cluster")
        logger.logLevel = ProcessInfo.processInfo.environment["CAPSTAN_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        let directory = NSTemporaryDirectory() + "capstan-cluster-\(UUID().uuidString)"
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let server = APIServer(
            configuration: APIServerConfiguration(dataDirectory: directory, bindAddress: "127.0.0.1", port: 0, secure: false),
            store: store, now: { clock.now() }, logger: logger, onReady: { port in continuation.yield(port) })
        var tasks = [Task<Void, Never>]()
        tasks.append(Task {
            do { try await server.run() } catch { logger.error("test API server stopped", metadata: ["error": "\(error)"]) }
            continuation.finish()
        })
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            for task in tasks { task.cancel() }
            throw CancellationError()
        }
        let client = server.inProcessClient()
        let box = ControllersBox()
        if runControllers {
            let manager = ControllerManager(
                configuration: .init(identity: "test-controller-manager", nodeMonitorGracePeriod: nodeMonitorGracePeriod,
                                     leaderElection: false, terminatedPodThreshold: terminatedPodThreshold,
                                     clusterCIDR: clusterCIDR),
                client: client, clock: clock, logger: logger, onTerm: { box.value = $0 })
            tasks.append(Task { await manager.run() })
        }
        if runScheduler {
            var configuration = Scheduler.Configuration(identity: "test-scheduler", leaderElection: false)
            if let schedulerProfiles { configuration.profiles = schedulerProfiles }
            let scheduler = Scheduler(configuration: configuration, client: client, clock: clock, logger: logger)
            tasks.append(Task { await scheduler.run() })
        }
        var nodes: HollowNodes?
        if hollowNodes > 0 {
            let hollow = HollowNodes(count: hollowNodes, client: client, clock: clock, bindsPods: !runScheduler, logger: logger,
                                     behaviour: behaviour)
            try await hollow.register()
            try await hollow.heartbeat()
            tasks.append(Task { await hollow.run() })
            nodes = hollow
        }
        return InProcessCluster(port: port, store: store, client: client, clock: clock, hollowNodes: nodes, tasks: tasks, controllers: box)
    }

    public func stop() async {
        for task in tasks.reversed() { task.cancel() }
        for task in tasks { await task.value }
    }

    deinit { for task in tasks { task.cancel() } }
}

/// The controller list the manager hands over, readable from any task.
private final class ControllersBox: Sendable {
    private let controllers = Mutex<[Controller]>([])
    var value: [Controller] {
        get { controllers.withLock { $0 } }
        set { controllers.withLock { $0 = newValue } }
    }
}
