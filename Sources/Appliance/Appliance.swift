import APIServer
import Client
import Controllers
import Foundation
import Logging
import Scheduler
import ServiceLifecycle
import Store

/// The composition root: builds every part for the configured role and runs them as one
/// `ServiceGroup`, shutting down gracefully on SIGTERM or SIGINT.
public struct Appliance: Sendable {
    public let configuration: ApplianceConfiguration
    private let logger: Logger

    public init(configuration: ApplianceConfiguration, logger: Logger = Logger(label: "capstan")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs the control plane (store, API server, controllers, scheduler) on the embedded defaults until
    /// a signal stops it. The all-in-one role adds its other parts here as they arrive.
    public func run() async throws {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = try SQLiteClusterStore(path: configuration.storePath)
        let revision = try await store.currentRevision()
        logger.info("cluster store open", metadata: ["path": "\(configuration.storePath)", "revision": "\(revision)"])
        let server = APIServer(
            configuration: APIServerConfiguration(
                dataDirectory: configuration.dataDirectory, bindAddress: configuration.bindAddress, port: configuration.port),
            store: store, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: StoreService(store: store, retention: configuration.storeRetention, logger: logger)),
            .init(service: server),
        ]
        if configuration.runsControllers {
            let manager = ControllerManager(client: server.inProcessClient(), logger: logger)
            services.append(.init(service: ControllerManagerService(manager: manager)))
            let scheduler = Scheduler(client: server.inProcessClient(), logger: logger)
            services.append(.init(service: SchedulerService(scheduler: scheduler)))
        }
        let group = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }
}

/// Keeps the embedded store maintained while the appliance runs, and closes it on shutdown.
struct StoreService: Service {
    let store: SQLiteClusterStore
    let retention: Duration
    let logger: Logger

    func run() async throws {
        let maintenance = StoreMaintenance(store: store, retention: retention)
        defer { logger.info("cluster store closed") }
        do {
            try await cancelWhenGracefulShutdown { try await maintenance.run() }
        } catch is CancellationError {
        } catch {
            logger.error("cluster store maintenance failed", metadata: ["error": "\(error)"])
            await store.close()
            throw error
        }
        await store.close()
    }
}

/// Runs the controller manager until graceful shutdown.
struct ControllerManagerService: Service {
    let manager: ControllerManager

    func run() async throws {
        try await cancelWhenGracefulShutdown { await manager.run() }
    }
}

/// Runs the scheduler until graceful shutdown.
struct SchedulerService: Service {
    let scheduler: Scheduler

    func run() async throws {
        try await cancelWhenGracefulShutdown { await scheduler.run() }
    }
}
