import Logging
import Resources
import Synchronization

/// One shared informer per kind for every controller in a process, so that each kind is
/// listed and watched once whoever needs it. Informers are made on first request (before
/// `run`) and run together until the calling task is cancelled.
public final class InformerFactory: Sendable {
    private let client: any ClusterClient
    private let clock: any ClusterClock
    private let logger: Logger
    private let informers = Mutex<[ObjectIdentifier: any RunnableInformer]>([:])

    public init(client: any ClusterClient, clock: any ClusterClock = SystemClusterClock(), logger: Logger = Logger(label: "capstan.informers")) {
        self.client = client
        self.clock = clock
        self.logger = logger
    }

    /// The shared informer for `R`, with the standard indexes: namespace, owner uid, and for
    /// pods the node name.
    public func informer<R: APIResource>(_ type: R.Type) -> Informer<R> {
        informers.withLock { informers in
            if let existing = informers[ObjectIdentifier(R.self)] as? Informer<R> { return existing }
            var indexers: [String: InformerCache<R>.IndexFunction] = [Indexes.ownerUID: { Indexes.ownerUIDs($0) }]
            if R.self == Pod.self {
                indexers[Indexes.nodeName] = { object in Indexes.podNodeName(object as! Pod) }
            }
            let informer = Informer<R>(client: client, indexers: indexers, clock: clock, logger: logger)
            informers[ObjectIdentifier(R.self)] = informer
            return informer
        }
    }

    /// The cache of `R`'s shared informer.
    public func cache<R: APIResource>(_ type: R.Type) -> InformerCache<R> { informer(type).cache }

    /// Runs every informer made so far until cancelled.
    public func run() async {
        let all = informers.withLock { Array($0.values) }
        await withDiscardingTaskGroup { group in
            for informer in all { group.addTask { await informer.run() } }
        }
    }

    /// Returns once every informer made so far has synced.
    public func waitUntilSynced() async {
        let all = informers.withLock { Array($0.values) }
        for informer in all { await informer.waitUntilSynced() }
    }
}

/// An informer of any kind, as the factory runs it.
protocol RunnableInformer: Sendable {
    func run() async
    func waitUntilSynced() async
}

extension Informer: RunnableInformer {}
