import Client
import Logging

/// What every controller is built from: the API client, the shared informers, the event
/// recorder and the clock. The controller manager makes one per leadership term.
public struct ControllerContext: Sendable {
    public let client: any ClusterClient
    public let informers: InformerFactory
    public let events: EventRecorder
    public let clock: any ClusterClock
    public let logger: Logger

    public init(client: any ClusterClient, informers: InformerFactory, events: EventRecorder, clock: any ClusterClock, logger: Logger) {
        self.client = client
        self.informers = informers
        self.events = events
        self.clock = clock
        self.logger = logger
    }

    /// A work queue on this context's clock.
    func makeQueue() -> WorkQueue<ObjectKey> { WorkQueue(clock: clock) }
}
