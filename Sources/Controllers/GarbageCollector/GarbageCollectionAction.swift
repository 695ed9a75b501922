import Client
import Resources

/// One step the garbage collector asks the API server to take.
enum GarbageCollectionAction: Sendable, Hashable {
    /// Delete `node` with `propagation`, on the condition (checked by the shell with a live
    /// read) that none of `absentOwners` exists any more; the delete carries the node's uid
    /// as a precondition.
    case delete(OwnershipGraph.Node, propagation: DeleteOptions.Propagation, absentOwners: [OwnerReference])
    /// Remove the owner references with these uids from `node` (orphaning it, or dropping
    /// references to owners that are gone while another owner remains).
    case removeOwnerReferences(OwnershipGraph.Node, uids: [String])
    /// Remove `finalizer` from `node`: its dependents have been orphaned or deleted.
    case removeFinalizer(OwnershipGraph.Node, finalizer: String)
}
