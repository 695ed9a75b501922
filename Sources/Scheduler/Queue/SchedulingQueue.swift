import Client
import Foundation
import Resources

/// A pod waiting to be scheduled, with what the queue knows of its attempts.
public struct QueuedPod: Sendable {
    public var pod: Pod
    public var key: ObjectKey
    /// Scheduling attempts so far.
    public var attempts = 0
    /// When it last entered a queue (active, back-off or unschedulable).
    public var timestamp: Date
    /// When it was first popped, for the creation-to-binding latency.
    public var firstAttempt: Date?

    public var priority: Int32 { pod.spec?.priority ?? 0 }
}

/// Upstream's scheduling queue, pure (the caller passes the time): the active queue, ordered
/// by priority and then by arrival; the back-off queue, where a pod that failed waits 1 s
/// doubling to 10 s per attempt; and the unschedulable pods, which wait for a cluster event
/// that could help them (`moveAllToActiveOrBackoff`) or for 5 minutes, whichever comes first.
/// A pod being scheduled is in flight: an event during its cycle sends it to back-off rather
/// than to the unschedulable pods if that cycle fails, so that no event is missed.
public struct SchedulingQueue: Sendable {
    public static let initialBackoff: TimeInterval = 1
    public static let maximumBackoff: TimeInterval = 10
    public static let unschedulableTimeout: TimeInterval = 5 * 60

    private enum Place: Sendable {
        case active(generation: Int)
        case backoff(until: Date)
        case unschedulable(since: Date)
    }

    private struct HeapItem: Sendable {
        var key: ObjectKey
        var priority: Int32
        var timestamp: Date
        var generation: Int

        /// Whether `self` is popped before `other`.
        func precedes(_ other: HeapItem) -> Bool {
            priority != other.priority ? priority > other.priority : timestamp < other.timestamp
        }
    }

    private var pods: [ObjectKey: QueuedPod] = [:]
    private var places: [ObjectKey: Place] = [:]
    private var heap: [HeapItem] = []
    private var generation = 0
    /// Pods popped and not yet done, with the cycle that popped them and, when the pod
    /// changed meanwhile, its latest version.
    private var inFlight: [ObjectKey: (cycle: Int, latest: Pod?)] = [:]
    /// The number of the last scheduling cycle started.
    public private(set) var schedulingCycle = 0
    /// The cycle at the last cluster event that could make pods schedulable.
    private var moveRequestCycle = -1

    public init() {}

    /// How many pods wait in each part.
    public var counts: (active: Int, backoff: Int, unschedulable: Int) {
        var counts = (active: 0, backoff: 0, unschedulable: 0)
        for place in places.values {
            switch place {
            case .active: counts.active += 1
            case .backoff: counts.backoff += 1
            case .unschedulable: counts.unschedulable += 1
            }
        }
        return counts
    }

    /// Whether `key` waits in the queue or is being scheduled.
    public func contains(_ key: ObjectKey) -> Bool { places[key] != nil || inFlight[key] != nil }

    /// A pod that needs a node was created or changed. A new pod goes to the active queue; a
    /// changed unschedulable pod is tried again (the change may help it); a pod in flight is
    /// remembered for when its cycle ends.
    public mutating func add(_ pod: Pod, now: Date) {
        let key = ObjectKey(pod)
        if inFlight[key] != nil {
            inFlight[key]?.latest = pod
            return
        }
        guard var queued = pods[key] else {
            pods[key] = QueuedPod(pod: pod, key: key, timestamp: now)
            activate(key)
            return
        }
        let changed = queued.pod.spec != pod.spec || queued.pod.metadata.labels != pod.metadata.labels
        queued.pod = pod
        pods[key] = queued
        switch places[key] {
        case .active: activate(key)
        case .unschedulable where changed: moveToActiveOrBackoff(key, now: now)
        default: break
        }
    }

    /// The pod is gone, or bound by someone else: it leaves the queue.
    public mutating func delete(_ key: ObjectKey) {
        pods[key] = nil
        places[key] = nil
        inFlight[key] = nil
    }

    /// The next pod to schedule, highest priority first; nil when the active queue is empty.
    public mutating func pop(now: Date) -> QueuedPod? {
        while let item = popHeap() {
            guard case .active(let generation) = places[item.key], generation == item.generation, var queued = pods[item.key] else { continue }
            places[item.key] = nil
            pods[item.key] = nil
            schedulingCycle += 1
            queued.attempts += 1
            queued.firstAttempt = queued.firstAttempt ?? now
            inFlight[item.key] = (schedulingCycle, nil)
            return queued
        }
        return nil
    }

    /// The cycle that popped `queued` ended with the pod bound (or gone for good).
    public mutating func done(_ key: ObjectKey) {
        inFlight[key] = nil
    }

    /// No node fits `queued` in this cycle: it waits among the unschedulable pods, or in
    /// back-off when a cluster event arrived while it was being scheduled.
    public mutating func requeueUnschedulable(_ queued: QueuedPod, now: Date) {
        guard let flight = inFlight.removeValue(forKey: queued.key) else { return }
        var queued = queued
        let changed = flight.latest.map { $0.spec != queued.pod.spec || $0.metadata.labels != queued.pod.metadata.labels } ?? false
        if let latest = flight.latest { queued.pod = latest }
        queued.timestamp = now
        pods[queued.key] = queued
        if moveRequestCycle >= flight.cycle || changed {
            places[queued.key] = .backoff(until: backoffExpiry(queued))
        } else {
            places[queued.key] = .unschedulable(since: now)
        }
    }

    /// The cycle for `queued` failed for a reason other than fit (an API error): it waits in
    /// back-off and is tried again.
    public mutating func requeueAfterError(_ queued: QueuedPod, now: Date) {
        guard let flight = inFlight.removeValue(forKey: queued.key) else { return }
        var queued = queued
        if let latest = flight.latest { queued.pod = latest }
        queued.timestamp = now
        pods[queued.key] = queued
        places[queued.key] = .backoff(until: backoffExpiry(queued))
    }

    /// A cluster event that could help (a node added or changed, a pod deleted): every
    /// unschedulable pod is tried again, through back-off if its back-off has not expired.
    public mutating func moveAllToActiveOrBackoff(now: Date) {
        moveRequestCycle = schedulingCycle
        for (key, place) in places {
            if case .unschedulable = place { moveToActiveOrBackoff(key, now: now) }
        }
    }

    /// Moves pods whose back-off has expired to the active queue, and pods unschedulable for
    /// longer than `unschedulableTimeout` back into play.
    public mutating func flush(now: Date) {
        for (key, place) in places {
            switch place {
            case .backoff(let until) where until <= now:
                activate(key)
            case .unschedulable(let since) where now.timeIntervalSince(since) >= Self.unschedulableTimeout:
                moveToActiveOrBackoff(key, now: now)
            default:
                break
            }
        }
    }

    /// The earliest back-off expiry, when a pod waits in back-off.
    public var nextBackoffExpiry: Date? {
        places.values.compactMap { place -> Date? in
            if case .backoff(let until) = place { return until }
            return nil
        }.min()
    }

    /// 1 s for the first failed attempt, doubling each attempt, at most 10 s, from the time
    /// the pod last entered the queue.
    func backoffExpiry(_ queued: QueuedPod) -> Date {
        let exponent = Double(max(0, queued.attempts - 1))
        let seconds = min(Self.maximumBackoff, Self.initialBackoff * pow(2, min(exponent, 16)))
        return queued.timestamp.addingTimeInterval(seconds)
    }

    private mutating func moveToActiveOrBackoff(_ key: ObjectKey, now: Date) {
        guard let queued = pods[key] else { return }
        let expiry = backoffExpiry(queued)
        if expiry > now {
            places[key] = .backoff(until: expiry)
        } else {
            activate(key)
        }
    }

    private mutating func activate(_ key: ObjectKey) {
        guard let queued = pods[key] else { return }
        generation += 1
        places[key] = .active(generation: generation)
        pushHeap(HeapItem(key: key, priority: queued.priority, timestamp: queued.timestamp, generation: generation))
    }

    private mutating func pushHeap(_ item: HeapItem) {
        heap.append(item)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popHeap() -> HeapItem? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < heap.count, heap[left].precedes(heap[first]) { first = left }
            if right < heap.count, heap[right].precedes(heap[first]) { first = right }
            guard first != parent else { break }
            heap.swapAt(parent, first)
            parent = first
        }
        return top
    }
}
