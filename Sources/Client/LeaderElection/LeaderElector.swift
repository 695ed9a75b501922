import Foundation
import Logging
import Resources

/// Leader election on a coordination.k8s.io/v1 Lease, with client-go's rules: a candidate takes
/// the lease when it is free or its holder has not renewed it for `leaseDuration`; the leader
/// renews every `retryPeriod` and gives up leading when it could not renew for
/// `renewDeadline`. Every write is a compare-and-swap on the lease's resourceVersion, so two
/// candidates never both believe they lead.
public struct LeaderElector: Sendable {
    public struct Configuration: Sendable, Hashable {
        public var namespace: String
        public var name: String
        /// This candidate's identity, written as `holderIdentity`.
        public var identity: String
        public var leaseDuration: Duration
        public var renewDeadline: Duration
        public var retryPeriod: Duration

        public init(namespace: String = "kube-system", name: String, identity: String,
                    leaseDuration: Duration = .seconds(15), renewDeadline: Duration = .seconds(10), retryPeriod: Duration = .seconds(2)) {
            self.namespace = namespace
            self.name = name
            self.identity = identity
            self.leaseDuration = leaseDuration
            self.renewDeadline = renewDeadline
            self.retryPeriod = retryPeriod
        }
    }

    public let configuration: Configuration
    private let client: any ClusterClient
    private let clock: any ClusterClock
    private let logger: Logger

    public init(configuration: Configuration, client: any ClusterClient, clock: any ClusterClock = SystemClusterClock(),
                logger: Logger = Logger(label: "capstan.leader-election")) {
        self.configuration = configuration
        self.client = client
        self.clock = clock
        self.logger = logger
    }

    /// Campaigns until it leads, runs `work` while it leads, and cancels `work` as soon as the
    /// lease is lost; then campaigns again. Returns when the calling task is cancelled (and
    /// releases the lease if it holds it, so a successor need not wait out the duration).
    public func run(whileLeading work: @escaping @Sendable () async throws -> Void) async {
        while !Task.isCancelled {
            guard await acquire() else { return }
            logger.info("became leader", metadata: ["lease": "\(configuration.namespace)/\(configuration.name)", "identity": "\(configuration.identity)"])
            let lost: Bool = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    do { try await work() } catch is CancellationError {} catch {
                        logger.error("leader work failed", metadata: ["error": "\(error)"])
                    }
                    return false
                }
                group.addTask { await renewUntilLost() }
                let first = await group.next() ?? false
                group.cancelAll()
                await group.waitForAll()
                return first
            }
            if lost {
                logger.warning("lost leadership", metadata: ["lease": "\(configuration.namespace)/\(configuration.name)"])
            } else {
                await release()
                return
            }
        }
    }

    /// Tries until it holds the lease; false when cancelled first.
    func acquire() async -> Bool {
        while !Task.isCancelled {
            if (try? await tryAcquireOrRenew()) == true { return true }
            do { try await clock.sleep(for: configuration.retryPeriod) } catch { return false }
        }
        return false
    }

    /// Renews every retry period; returns true when renewal failed for the whole deadline
    /// (or another holder took the lease), false when cancelled.
    private func renewUntilLost() async -> Bool {
        var lastRenew = clock.now()
        while !Task.isCancelled {
            do { try await clock.sleep(for: configuration.retryPeriod) } catch { return false }
            do {
                if try await tryAcquireOrRenew() {
                    lastRenew = clock.now()
                    continue
                }
                return true
            } catch {
                if Task.isCancelled { return false }
                if clock.now().timeIntervalSince(lastRenew) >= configuration.renewDeadline.seconds { return true }
            }
        }
        return false
    }

    /// One attempt: create the lease, take it over when expired, or renew it when held.
    /// Returns whether this candidate holds it afterwards; throws when the API could not say.
    func tryAcquireOrRenew() async throws(ClientError) -> Bool {
        let now = MicroTime(Time(clock.now()))
        let existing: Lease
        do {
            existing = try await client.get(Lease.self, name: configuration.name, namespace: configuration.namespace)
        } catch where error.isNotFound {
            var lease = Lease()
            lease.metadata.name = configuration.name
            lease.metadata.namespace = configuration.namespace
            lease.spec = LeaseSpec(holderIdentity: configuration.identity, leaseDurationSeconds: Int32(configuration.leaseDuration.components.seconds),
                                   acquireTime: now, renewTime: now, leaseTransitions: 0)
            do {
                _ = try await client.create(lease)
                return true
            } catch where error.isAlreadyExists {
                return false
            }
        }
        var spec = existing.spec ?? LeaseSpec()
        let held = spec.holderIdentity == configuration.identity
        if !held, let holder = spec.holderIdentity, !holder.isEmpty {
            let renewed = spec.renewTime?.time.date ?? .distantPast
            let duration = TimeInterval(spec.leaseDurationSeconds ?? Int32(configuration.leaseDuration.components.seconds))
            if clock.now().timeIntervalSince(renewed) < duration { return false }
        }
        if !held {
            spec.holderIdentity = configuration.identity
            spec.acquireTime = now
            spec.leaseTransitions = (spec.leaseTransitions ?? 0) + 1
        }
        spec.renewTime = now
        spec.leaseDurationSeconds = Int32(configuration.leaseDuration.components.seconds)
        var lease = existing
        lease.spec = spec
        do {
            _ = try await client.update(lease)
            return true
        } catch where error.isConflict {
            return false
        }
    }

    /// Gives the lease up by clearing the holder, if this candidate still holds it.
    private func release() async {
        guard var lease = try? await client.get(Lease.self, name: configuration.name, namespace: configuration.namespace),
              lease.spec?.holderIdentity == configuration.identity else { return }
        lease.spec?.holderIdentity = nil
        lease.spec?.renewTime = nil
        _ = try? await client.update(lease)
    }
}
