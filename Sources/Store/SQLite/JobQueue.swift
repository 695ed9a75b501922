import Foundation

/// A blocking FIFO of jobs for dedicated threads: blocking I/O (SQLite, fsync) runs there, never
/// on Swift's cooperative threads. All mutable state is guarded by `condition`.
final class JobQueue<Job: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var closed = false
    private var running = 0

    /// Adds a job; false if the queue is closed (the job was not taken).
    func submit(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Blocks until jobs are queued, then takes up to `limit` of them in order;
    /// nil once the queue is closed and drained.
    func take(limit: Int) -> [Job]? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !closed { condition.wait() }
        if jobs.isEmpty { return nil }
        let n = min(limit, jobs.count)
        let batch = Array(jobs.prefix(n))
        jobs.removeFirst(n)
        return batch
    }

    /// Starts `count` threads that each call `body` until it returns; `close()` waits for them.
    func startThreads(count: Int, name: String, body: @escaping @Sendable () -> Void) {
        condition.lock()
        running += count
        condition.unlock()
        for i in 0..<count {
            let thread = Thread { [self] in
                body()
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
            }
            thread.name = "\(name)-\(i)"
            thread.start()
        }
    }

    /// Refuses new jobs, lets the threads drain what is queued, and waits until they exit.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
