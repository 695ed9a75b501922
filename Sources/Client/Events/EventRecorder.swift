import Foundation
import Logging
import Resources
import Synchronization

/// Writes core/v1 Events about objects, as client-go's recorder does: `record` never blocks
/// the caller (events queue in a bounded buffer; past it they are dropped and counted), and a
/// repeat of the same event — same object, type, reason and message — raises the existing
/// Event's `count` and `lastTimestamp` instead of creating another.
public final class EventRecorder: Sendable {
    /// What an event is about and what it says.
    public struct Record: Sendable, Hashable {
        public var object: ObjectReference
        /// `Normal` or `Warning`.
        public var type: String
        public var reason: String
        public var message: String
    }

    private struct Aggregate {
        var name: String
        var count: Int32
        var first: Time
    }

    private let client: any ClusterClient
    private let component: String
    private let clock: any ClusterClock
    private let logger: Logger
    private let stream: AsyncStream<Record>
    private let continuation: AsyncStream<Record>.Continuation
    private let seen = Mutex<[Record: Aggregate]>([:])
    private let dropped = Atomic<Int>(0)

    public init(client: any ClusterClient, component: String, clock: any ClusterClock = SystemClusterClock(),
                bufferSize: Int = 1000, logger: Logger = Logger(label: "capstan.events")) {
        self.client = client
        self.component = component
        self.clock = clock
        self.logger = logger
        (stream, continuation) = AsyncStream.makeStream(of: Record.self, bufferingPolicy: .bufferingOldest(bufferSize))
    }

    /// Queues an event about `object`.
    public func record(_ object: some APIResource, type: String = "Normal", reason: String, message: String) {
        var reference = ObjectReference()
        reference.apiVersion = object.apiVersion
        reference.kind = object.kind
        reference.namespace = object.metadata.namespace
        reference.name = object.name
        reference.uid = object.metadata.uid
        reference.resourceVersion = object.metadata.resourceVersion
        record(reference, type: type, reason: reason, message: message)
    }

    /// Queues an event about the object `reference` names.
    public func record(_ reference: ObjectReference, type: String = "Normal", reason: String, message: String) {
        var key = reference
        key.resourceVersion = nil
        if case .dropped = continuation.yield(Record(object: key, type: type, reason: reason, message: message)) {
            dropped.add(1, ordering: .relaxed)
        }
    }

    /// Events dropped because the buffer was full.
    public var droppedCount: Int { dropped.load(ordering: .relaxed) }

    /// Writes queued events until the calling task is cancelled.
    public func run() async {
        await withTaskCancellationHandler {
            for await record in stream { await write(record) }
        } onCancel: {
            continuation.finish()
        }
    }

    private func write(_ record: Record) async {
        let now = Time(clock.now())
        let namespace = (record.object.namespace ?? "").isEmpty ? "default" : record.object.namespace!
        if let aggregate = seen.withLock({ $0[record] }) {
            let patch = JSONValue.object([
                "count": .integer(Int64(aggregate.count + 1)),
                "lastTimestamp": .string(now.rfc3339),
            ])
            do {
                _ = try await client.patch(Event.self, name: aggregate.name, namespace: namespace, .merge(patch))
                seen.withLock { $0[record]?.count += 1 }
                return
            } catch where error.isNotFound {
                seen.withLock { _ = $0.removeValue(forKey: record) }
            } catch {
                logger.debug("event not written", metadata: ["reason": "\(record.reason)", "error": "\(error)"])
                return
            }
        }
        var event = Event()
        event.metadata.name = "\(record.object.name ?? "object").\(String(UInt64(now.secondsSince1970 * 1e9), radix: 16))\(String(UInt32.random(in: 0...0xfff), radix: 16))"
        event.metadata.namespace = namespace
        event.involvedObject = record.object
        event.reason = record.reason
        event.message = record.message
        event.type = record.type
        event.source = EventSource(component: component)
        event.firstTimestamp = now
        event.lastTimestamp = now
        event.count = 1
        event.reportingComponent = component
        do {
            let created = try await client.create(event)
            seen.withLock { seen in
                if seen.count > 4096 { seen.removeAll() }
                seen[record] = Aggregate(name: created.name, count: 1, first: now)
            }
        } catch {
            logger.debug("event not written", metadata: ["reason": "\(record.reason)", "error": "\(error)"])
        }
    }
}
