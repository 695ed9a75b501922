import Foundation
import Synchronization

/// How long an item waits before it is handed out again after a failure: the larger of a
/// per-item exponential back-off and an overall token bucket, as client-go's default
/// controller rate limiter. Thread-safe; time comes from the queue's clock.
public final class RateLimiter<Item: Hashable & Sendable>: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// The first retry's delay; it doubles with each further failure of the same item.
        public var baseDelay: Duration
        public var maxDelay: Duration
        /// The overall rate of retries, and how many may go at once.
        public var tokensPerSecond: Double
        public var burst: Int

        public init(baseDelay: Duration = .milliseconds(5), maxDelay: Duration = .seconds(1000),
                    tokensPerSecond: Double = 10, burst: Int = 100) {
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.tokensPerSecond = tokensPerSecond
            self.burst = burst
        }
    }

    private struct State {
        var failures: [Item: Int] = [:]
        /// Tokens available at `refilled`; negative while retries are booked ahead.
        var tokens: Double
        var refilled: Date?
    }

    public let configuration: Configuration
    private let state: Mutex<State>

    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
        state = Mutex(State(tokens: Double(configuration.burst)))
    }

    /// The delay before `item`'s next retry, counting this failure.
    public func delay(for item: Item, now: Date) -> Duration {
        state.withLock { state in
            let failures = state.failures[item, default: 0]
            state.failures[item] = failures + 1
            let backoff = Self.exponential(base: configuration.baseDelay, failures: failures, max: configuration.maxDelay)

            // Token bucket: refill since the last call, then take one token; a deficit is the
            // wait until a token is due.
            if let refilled = state.refilled {
                let elapsed = max(0, now.timeIntervalSince(refilled))
                state.tokens = min(Double(configuration.burst), state.tokens + elapsed * configuration.tokensPerSecond)
            }
            state.refilled = now
            state.tokens -= 1
            let bucket: Duration = state.tokens >= 0 ? .zero : .seconds(-state.tokens / configuration.tokensPerSecond)
            return max(backoff, bucket)
        }
    }

    /// Forgets `item`'s failures: its next failure starts again at the base delay.
    public func forget(_ item: Item) {
        _ = state.withLock { $0.failures.removeValue(forKey: item) }
    }

    /// How many times `item` has failed since it was last forgotten.
    public func failures(of item: Item) -> Int {
        state.withLock { $0.failures[item, default: 0] }
    }

    static func exponential(base: Duration, failures: Int, max limit: Duration) -> Duration {
        guard failures < 62 else { return limit }
        let factor = Double(1 << failures)
        let seconds = Double(base.components.seconds) + Double(base.components.attoseconds) / 1e18
        let delay = seconds * factor
        return delay >= limit.seconds ? limit : .seconds(delay)
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    public var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
