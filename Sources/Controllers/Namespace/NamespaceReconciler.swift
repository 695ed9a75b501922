import Client
import Foundation
import Logging
import Resources

/// Empties a terminating namespace and then lets it go: deletes every namespaced resource in
/// it (found through discovery), reports what remains in the NamespaceContentRemaining
/// condition while objects wait on their own finalizers or graceful stops, and once nothing
/// remains removes the `kubernetes` finalizer through `/finalize`, after which the API server
/// removes the namespace.
struct NamespaceReconciler: Reconciler {
    static let name = "namespace"
    static let finalizer = "kubernetes"
    /// How soon to look again while content remains.
    static let recheck: Duration = .seconds(1)

    let client: any ClusterClient
    let namespaces: InformerCache<Namespace>
    let events: EventRecorder
    let clock: any ClusterClock

    static func controller(_ context: ControllerContext, workers: Int = 2) -> Controller {
        let informer = context.informers.informer(Namespace.self)
        let queue = context.makeQueue()
        let reconciler = NamespaceReconciler(client: context.client, namespaces: informer.cache, events: context.events, clock: context.clock)
        informer.addHandler { event in
            guard event.object.metadata.deletionTimestamp != nil else { return }
            Task { await queue.add(event.object) }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let namespace = namespaces.get(key), namespace.metadata.deletionTimestamp != nil else { return .done }
        let name = namespace.name
        let resources = try await NamespacedResource.discover(client)
        var remaining: [(plural: String, count: Int)] = []
        for resource in resources where resource.verbs.contains("list") {
            if resource.verbs.contains("deletecollection") {
                do {
                    _ = try await client.perform(ClientRequest(method: .delete, path: resource.path(in: name),
                                                               query: [QueryItem("propagationPolicy", "Background")]))
                } catch {
                    guard error.isNotFound || error.code == 405 else { throw error }
                }
            }
            let list = try await NamespacedResource.get(client, resource.path(in: name))
            let count = list["items"]?.arrayValue?.count ?? 0
            if count > 0 { remaining.append((resource.plural, count)) }
        }
        if !remaining.isEmpty {
            let message = "Some resources are remaining: " + remaining.map { "\($0.plural) has \($0.count) resource instances" }.joined(separator: ", ")
            try await report(namespace, remaining: message)
            return .requeueAfter(Self.recheck)
        }
        var finalized = namespace
        var spec = namespace.spec ?? NamespaceSpec()
        spec.finalizers.removeAll { $0 == Self.finalizer }
        finalized.spec = spec
        let body = try JSONValue(encoding: finalized).serializedBytes()
        do {
            _ = try await client.perform(ClientRequest(method: .put, path: Namespace.resourceType.path(name: name, subresource: "finalize"),
                                                       body: body))
        } catch {
            guard error.isNotFound else { throw error }
        }
        return .done
    }

    /// Sets the NamespaceContentRemaining condition, when it says something new.
    private func report(_ namespace: Namespace, remaining message: String) async throws {
        var status = namespace.status ?? NamespaceStatus()
        if let existing = status.conditions.first(where: { $0.type == "NamespaceContentRemaining" }),
           existing.status == "True", existing.message == message { return }
        status.conditions.removeAll { $0.type == "NamespaceContentRemaining" }
        status.conditions.append(NamespaceCondition(type: "NamespaceContentRemaining", status: "True", lastTransitionTime: Time(clock.now()),
                                                    reason: "SomeResourcesRemain", message: message))
        var updated = namespace
        updated.status = status
        do {
            _ = try await client.updateStatus(updated)
        } catch {
            guard error.isNotFound || error.isConflict else { throw error }
        }
    }
}
