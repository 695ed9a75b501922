import Foundation

/// A deduplicating work queue with delayed and rate-limited adds, in client-go's shape:
/// - an item added while it waits is queued once;
/// - an item added while a worker holds it is queued again only after `done`, so no two
///   workers ever hold the same item;
/// - `addAfter` keeps the earliest pending time per item; `addRateLimited` waits the
///   rate limiter's delay (per-item exponential back-off and an overall token bucket).
/// Time, including the delays, comes from the clock, so tests drive it with a manual clock.
public actor WorkQueue<Item: Hashable & Sendable> {
    private let clock: any ClusterClock
    public nonisolated let rateLimiter: RateLimiter<Item>
    private var queue: [Item] = []
    private var head = 0
    private var dirty: Set<Item> = []
    private var processing: Set<Item> = []
    private var waiters: [CheckedContinuation<Item?, Never>] = []
    private var timers: [Item: (due: Date, task: Task<Void, Never>)] = [:]
    private var shuttingDown = false
    /// Items handed to workers since the queue was made.
    public private(set) var handedOut = 0

    public init(clock: any ClusterClock = SystemClusterClock(), rateLimiter: RateLimiter<Item> = RateLimiter()) {
        self.clock = clock
        self.rateLimiter = rateLimiter
    }

    /// Queues `item` unless it is already waiting.
    public func add(_ item: Item) {
        guard !shuttingDown, !dirty.contains(item) else { return }
        dirty.insert(item)
        if processing.contains(item) { return }
        if let waiter = waiters.first {
            waiters.removeFirst()
            dirty.remove(item)
            processing.insert(item)
            handedOut += 1
            waiter.resume(returning: item)
        } else {
            queue.append(item)
        }
    }

    /// Queues `item` once `delay` has passed; an earlier pending time for it wins.
    public func add(_ item: Item, after delay: Duration) {
        guard !shuttingDown else { return }
        guard delay > .zero else { return add(item) }
        let due = clock.now().addingTimeInterval(delay.seconds)
        if let pending = timers[item], pending.due <= due { return }
        timers[item]?.task.cancel()
        let clock = self.clock
        let task = Task { [weak self] in
            // Sleep towards `due` as it stands when the task starts: the clock may have moved
            // on since the add (a manual clock in a test, a busy pool in production).
            let remaining = due.timeIntervalSince(clock.now())
            if remaining > 0 {
                do { try await clock.sleep(for: .milliseconds(Int64((remaining * 1000).rounded(.up)))) } catch { return }
            } else if Task.isCancelled {
                return
            }
            await self?.fire(item, due: due)
        }
        timers[item] = (due, task)
    }

    /// Queues `item` after the rate limiter's delay for it.
    public func addRateLimited(_ item: Item) {
        add(item, after: rateLimiter.delay(for: item, now: clock.now()))
    }

    /// Stops back-off tracking for `item` (after it succeeded).
    public nonisolated func forget(_ item: Item) { rateLimiter.forget(item) }

    /// The next item to work on, waiting for one; nil once the queue is shut down. The
    /// caller must call `done` with it.
    public func next() async -> Item? {
        if let item = popQueued() { return item }
        if shuttingDown { return nil }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Marks `item` finished; if it was added meanwhile it is queued again.
    public func done(_ item: Item) {
        processing.remove(item)
        if dirty.contains(item) {
            dirty.remove(item)
            add(item)
        }
    }

    /// Ends the queue: waiting workers get nil, pending delays are dropped. Items already
    /// queued are still handed out until the queue is empty.
    public func shutDown() {
        shuttingDown = true
        for (_, timer) in timers { timer.task.cancel() }
        timers.removeAll()
        let waiting = waiters
        waiters.removeAll()
        for waiter in waiting { waiter.resume(returning: nil) }
    }

    /// Items waiting to be handed out (not counting delayed ones).
    public var depth: Int { queue.count - head }
    /// Items waiting for a delay to pass.
    public var delayed: Int { timers.count }

    private func popQueued() -> Item? {
        while head < queue.count {
            let item = queue[head]
            head += 1
            if head > 1024, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            // An item is queued once; it may have been handed out through a waiter already.
            guard dirty.contains(item), !processing.contains(item) else { continue }
            dirty.remove(item)
            processing.insert(item)
            handedOut += 1
            return item
        }
        return nil
    }

    private func fire(_ item: Item, due: Date) {
        guard let pending = timers[item], pending.due == due else { return }
        timers.removeValue(forKey: item)
        add(item)
    }
}
