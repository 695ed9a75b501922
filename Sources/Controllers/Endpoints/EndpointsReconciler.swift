import Client
import Foundation
import Logging
import Resources

/// Publishes the backends of every Service with a selector, twice, as Kubernetes does: the
/// `Endpoints` object of the Service's name, and EndpointSlices labelled with the Service's
/// name and owned by it (at most 100 endpoints each, one group per distinct port list).
/// Services without a selector are left to whoever writes their endpoints.
struct EndpointsReconciler: Reconciler {
    static let name = "endpoints"
    static let maxEndpointsPerSlice = 100

    let client: any ClusterClient
    let services: InformerCache<Service>
    let pods: InformerCache<Pod>
    let endpoints: InformerCache<Endpoints>
    let slices: InformerCache<EndpointSlice>

    static func controller(_ context: ControllerContext, workers: Int = 2) -> Controller {
        let serviceInformer = context.informers.informer(Service.self)
        let podInformer = context.informers.informer(Pod.self)
        let endpointsInformer = context.informers.informer(Endpoints.self)
        let sliceInformer = context.informers.informer(EndpointSlice.self)
        let queue = context.makeQueue()
        let reconciler = EndpointsReconciler(client: context.client, services: serviceInformer.cache, pods: podInformer.cache,
                                             endpoints: endpointsInformer.cache, slices: sliceInformer.cache)
        serviceInformer.addHandler { event in Task { await queue.add(event.object) } }
        podInformer.addHandler { [services = serviceInformer.cache] event in
            var labels: [[String: String]] = [event.object.metadata.labels ?? [:]]
            if case .updated(let old, _) = event { labels.append(old.metadata.labels ?? [:]) }
            let keys = services.list(namespace: event.object.metadata.namespace ?? "").filter { service in
                guard let selector = service.spec?.selector, !selector.isEmpty else { return false }
                let matcher = Selector(matching: selector)
                return labels.contains { matcher.matches($0) }
            }.map(ObjectKey.init)
            guard !keys.isEmpty else { return }
            Task { for key in keys { await queue.add(key) } }
        }
        sliceInformer.addHandler { event in
            guard let service = event.object.metadata.labels?[EndpointsPlanner.serviceNameLabel],
                  event.object.metadata.labels?[EndpointsPlanner.managedByLabel] == EndpointsPlanner.managedBy else { return }
            let key = ObjectKey(namespace: event.object.metadata.namespace, name: service)
            Task { await queue.add(key) }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let service = services.get(key) else {
            // Its slices go with it through their owner reference; Endpoints have none.
            if endpoints.get(key) != nil {
                do {
                    _ = try await client.delete(Endpoints.self, name: key.name, namespace: key.namespace)
                } catch {
                    guard error.isNotFound else { throw error }
                }
            }
            return .done
        }
        guard let selector = service.spec?.selector, !selector.isEmpty, service.metadata.deletionTimestamp == nil else { return .done }
        let backends = EndpointsPlanner.backends(of: service, pods: pods.list(namespace: key.namespace))
        try await writeEndpoints(service, subsets: EndpointsPlanner.subsets(backends))
        try await writeSlices(service, groups: EndpointsPlanner.slices(backends))
        return .done
    }

    private func writeEndpoints(_ service: Service, subsets: [EndpointSubset]) async throws {
        var wanted = Endpoints()
        wanted.metadata.name = service.name
        wanted.metadata.namespace = service.metadata.namespace
        wanted.metadata.labels = service.metadata.labels
        wanted.subsets = subsets
        guard var current = endpoints.get(ObjectKey(service)) else {
            do { _ = try await client.create(wanted) } catch { guard error.isAlreadyExists else { throw error } }
            return
        }
        guard current.subsets != subsets || current.metadata.labels != service.metadata.labels else { return }
        current.subsets = subsets
        current.metadata.labels = service.metadata.labels
        _ = try await client.update(current)
    }

    /// Keeps one slice per (port list, 100 endpoints): existing slices with the same ports are
    /// updated in place, missing ones created, the rest deleted.
    private func writeSlices(_ service: Service, groups: [(ports: [EndpointSlicePort], endpoints: [Endpoint])]) async throws {
        let namespace = service.metadata.namespace ?? ""
        var existing = slices.list(namespace: namespace).filter {
            $0.metadata.labels?[EndpointsPlanner.serviceNameLabel] == service.name
                && $0.metadata.labels?[EndpointsPlanner.managedByLabel] == EndpointsPlanner.managedBy
                && $0.metadata.deletionTimestamp == nil
        }.sorted { $0.name < $1.name }
        var wanted: [(ports: [EndpointSlicePort], endpoints: [Endpoint])] = []
        for group in groups {
            var chunk = group.endpoints[...]
            repeat {
                wanted.append((group.ports, Array(chunk.prefix(Self.maxEndpointsPerSlice))))
                chunk = chunk.dropFirst(Self.maxEndpointsPerSlice)
            } while !chunk.isEmpty
        }
        if wanted.isEmpty { wanted = [([], [])] }
        for slice in wanted {
            if let index = existing.firstIndex(where: { $0.ports == slice.ports }) {
                var current = existing.remove(at: index)
                guard current.endpoints != slice.endpoints else { continue }
                current.endpoints = slice.endpoints
                _ = try await client.update(current)
            } else {
                var fresh = EndpointSlice()
                fresh.metadata.generateName = "\(service.name)-"
                fresh.metadata.namespace = namespace
                fresh.metadata.labels = (service.metadata.labels ?? [:]).merging([
                    EndpointsPlanner.serviceNameLabel: service.name,
                    EndpointsPlanner.managedByLabel: EndpointsPlanner.managedBy,
                ]) { $1 }
                fresh.metadata.ownerReferences = [.controller(service)]
                fresh.addressType = "IPv4"
                fresh.ports = slice.ports
                fresh.endpoints = slice.endpoints
                _ = try await client.create(fresh)
            }
        }
        for stale in existing {
            do {
                _ = try await client.delete(EndpointSlice.self, name: stale.name, namespace: namespace,
                                            options: DeleteOptions(preconditionUID: stale.metadata.uid))
            } catch {
                guard error.isNotFound || error.isConflict else { throw error }
            }
        }
    }
}
