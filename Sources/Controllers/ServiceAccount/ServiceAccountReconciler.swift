import Client
import Foundation
import Logging
import Resources

/// Keeps a `default` ServiceAccount in every namespace that is not being deleted: creates it
/// for a new namespace and again if it is deleted.
struct ServiceAccountReconciler: Reconciler {
    static let name = "serviceaccount"
    static let accountName = "default"

    let client: any ClusterClient
    let namespaces: InformerCache<Namespace>
    let accounts: InformerCache<ServiceAccount>

    static func controller(_ context: ControllerContext, workers: Int = 1) -> Controller {
        let namespaceInformer = context.informers.informer(Namespace.self)
        let accountInformer = context.informers.informer(ServiceAccount.self)
        let queue = context.makeQueue()
        let reconciler = ServiceAccountReconciler(client: context.client, namespaces: namespaceInformer.cache, accounts: accountInformer.cache)
        namespaceInformer.addHandler { event in
            let key = ObjectKey(namespace: "", name: event.object.name)
            Task { await queue.add(key) }
        }
        accountInformer.addHandler { event in
            guard case .deleted(let account) = event, account.name == accountName else { return }
            let key = ObjectKey(namespace: "", name: account.metadata.namespace ?? "")
            Task { await queue.add(key) }
        }
        return Controller(reconciler, queue: queue, workers: workers, logger: context.logger)
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let namespace = namespaces.get(key), namespace.metadata.deletionTimestamp == nil else { return .done }
        guard accounts.get(ObjectKey(namespace: key.name, name: Self.accountName)) == nil else { return .done }
        var account = ServiceAccount()
        account.metadata.name = Self.accountName
        account.metadata.namespace = key.name
        do {
            _ = try await client.create(account)
        } catch {
            // Already there (the cache lags), or the namespace began terminating meanwhile.
            guard error.isAlreadyExists || error.code == 403 || error.isNotFound else { throw error }
        }
        return .done
    }
}
