import GRPCCore

/// The events of one etcd watch, in revision order, as an `AsyncSequence`.
///
/// Responses without events (the creation acknowledgement, progress notifications) are skipped.
/// The sequence throws `EtcdClientError.watchCanceled` when etcd cancels the watch (for instance,
/// when its start revision was compacted), and ends when the stream does.
public struct EtcdWatchEvents: AsyncSequence, Sendable {
    public typealias Element = Mvccpb_Event
    public typealias Failure = any Error

    let responses: RPCAsyncSequence<Etcdserverpb_WatchResponse, any Error>

    public func makeAsyncIterator() -> Iterator {
        Iterator(responses: responses.makeAsyncIterator())
    }

    /// Yields the events of each response in turn.
    public struct Iterator: AsyncIteratorProtocol {
        var responses: RPCAsyncSequence<Etcdserverpb_WatchResponse, any Error>.AsyncIterator
        var pending: ArraySlice<Mvccpb_Event> = []

        public mutating func next() async throws -> Mvccpb_Event? {
            while pending.isEmpty {
                guard let response = try await responses.next() else { return nil }
                if response.canceled {
                    throw EtcdClientError.watchCanceled(reason: response.cancelReason, compactRevision: response.compactRevision)
                }
                pending = response.events[...]
            }
            return pending.popFirst()
        }
    }
}
