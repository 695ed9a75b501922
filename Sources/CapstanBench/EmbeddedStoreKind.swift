import ArgumentParser
import Store

/// Which embedded `ClusterStore` backend the benchmark opens.
enum EmbeddedStoreKind: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// `SQLiteClusterStore`, the appliance's default (a database file in the data directory).
    case sqlite
    /// `MemoryClusterStore`: no durability; for comparison only.
    case memory

    /// Opens the store with its files in `directory`; returns it and how to close it.
    func open(in directory: String) throws -> (store: any ClusterStore, close: @Sendable () async -> Void) {
        switch self {
        case .memory:
            let store = MemoryClusterStore()
            return (store, { await store.close() })
        case .sqlite:
            let store = try SQLiteClusterStore(path: directory + "/store.db")
            return (store, { await store.close() })
        }
    }
}
