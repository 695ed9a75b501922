import Resources
import Store

/// The cached state of one resource: its current objects, and the recent changes a watch may
/// resume from. A value type applied to one store event at a time (pure: no I/O, no clock).
struct ResourceCacheState: Sendable {
    let prefix: String
    private(set) var objects: [String: CachedObject] = [:]
    /// The most recent changes, oldest first, at most `historyLimit`.
    private(set) var history: [CacheEvent] = []
    private var historyStart = 0
    let historyLimit: Int
    /// Watches from a revision at or after this one can be replayed from `history`.
    private(set) var oldestResumable: Int64

    init(prefix: String, loadedAt revision: Int64, objects: [CachedObject], historyLimit: Int) {
        self.prefix = prefix
        self.historyLimit = historyLimit
        self.oldestResumable = revision
        for o in objects { self.objects[o.key] = o }
    }

    /// Applies one store event; returns the change it made, or nil for an event that changes
    /// nothing the cache knows (a delete of an unknown key).
    mutating func apply(_ event: WatchEvent) throws -> CacheEvent? {
        let key = event.kv.key
        let revision = event.revision
        let change: CacheEvent.Change
        switch event.kind {
        case .put:
            let object = CachedObject(key: key, object: try StoredObject.decode(event.kv), revision: revision)
            if let previous = objects[key] {
                change = .modified(object, previous: previous)
            } else {
                change = .added(object)
            }
            objects[key] = object
        case .delete:
            guard let previous = objects.removeValue(forKey: key) else { return nil }
            change = .deleted(previous.restamped(revision), previous: previous)
        }
        let cacheEvent = CacheEvent(revision: revision, change: change)
        record(cacheEvent)
        return cacheEvent
    }

    private mutating func record(_ event: CacheEvent) {
        history.append(event)
        if history.count - historyStart > historyLimit {
            oldestResumable = history[historyStart].revision
            historyStart += 1
            if historyStart > historyLimit {
                history.removeFirst(historyStart)
                historyStart = 0
            }
        }
    }

    /// The changes after `revision`, oldest first. The caller checked `revision >= oldestResumable`.
    func events(after revision: Int64) -> ArraySlice<CacheEvent> {
        let live = history[historyStart...]
        guard let first = live.firstIndex(where: { $0.revision > revision }) else { return [] }
        return live[first...]
    }
}
