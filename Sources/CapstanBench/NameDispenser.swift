import Synchronization

/// Hands out the numbers 1…`limit` once each, to whichever task asks next; nil when all are taken.
final class NameDispenser: Sendable {
    private let taken = Mutex(0)
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func next() -> Int? {
        taken.withLock { taken in
            guard taken < limit else { return nil }
            taken += 1
            return taken
        }
    }
}
