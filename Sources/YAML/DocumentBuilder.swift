import Resources

/// Builds one YAML document's JSON value and source map from libyaml's events: a pure state
/// machine fed one event at a time between `documentStart` and `documentEnd`.
///
/// Contracts:
/// - Mapping keys become strings as sigs.k8s.io/yaml makes them (`1` → "1", `true` → "true");
///   a null, sequence or mapping key is an error.
/// - A key written twice in one mapping is an error located at the second occurrence. Keys
///   brought in by a merge key (`<<`) are not duplicates: local keys override them, and among
///   several merged maps (`<<: [*a, *b]`) the earlier one wins, as the YAML merge type specifies.
/// - An alias to an undefined (or still open) anchor is an error; so is expanding aliases to more
///   than `maxAliasExpansion` nodes in one document, which stops "billion laughs" inputs early.
/// - Nesting deeper than `maxDepth` is an error, so recursive consumers of the value stay safe.
struct DocumentBuilder {
    let start: YAMLLocation
    let maxAliasExpansion: Int
    let maxDepth: Int

    /// The document's value once its root node has completed.
    private(set) var root: JSONValue?

    private enum PendingKey: Equatable {
        case none
        case key(String)
        case merge(YAMLLocation)
    }

    /// An open sequence or mapping.
    private struct Frame {
        var isMapping: Bool
        var elements: [JSONValue] = []
        var members: [String: JSONValue] = [:]
        var keyLocations: [String: YAMLLocation] = [:]
        /// Members from merge keys; applied under `members` when the mapping closes.
        var merged: [String: JSONValue] = [:]
        var pending: PendingKey = .none
        var anchor: String?
        var location: YAMLLocation
        var slot: Slot
        /// Nodes in this subtree so far, counting alias expansions.
        var nodeCount = 1
    }

    /// Where a node sits: its path, and whether it was copied in by a merge key.
    private struct Slot {
        var path: [String]
        var fromMerge: Bool
        /// The node is the value of a merge key itself (a map, or a list of maps).
        var isMergeValue: Bool
        /// Index of the node's own entry in `entries`.
        var entryIndex: Int
    }

    private struct Anchor {
        var value: JSONValue
        var nodeCount: Int
        /// The anchored node's source entries; the first is the node itself.
        var entries: Range<Int>
        var pathLength: Int
    }

    private struct Entry {
        var path: [String]
        var location: YAMLLocation
        var fromMerge: Bool
    }

    private var frames: [Frame] = []
    private var entries: [Entry] = []
    private var anchors: [String: Anchor] = [:]
    private var expandedByAliases = 0

    init(start: YAMLLocation, maxAliasExpansion: Int, maxDepth: Int) {
        self.start = start
        self.maxAliasExpansion = maxAliasExpansion
        self.maxDepth = maxDepth
    }

    /// Feeds one event of the document's content (everything between its start and end).
    mutating func handle(_ event: ParseEvent) throws(YAMLError) {
        switch event {
        case .scalar(let scalar):
            if isAtKey { return try takeKey(scalar) }
            let value = try Self.value(of: scalar)
            let slot = openSlot(at: scalar.location)
            try complete(value, nodeCount: 1, anchor: scalar.anchor, slot: slot, location: scalar.location)

        case .alias(let name, let location):
            guard let anchor = anchors[name] else {
                throw YAMLError(at: location, "unknown anchor '\(name)' referenced")
            }
            if isAtKey { return try takeKey(aliasOf: anchor.value, at: location) }
            expandedByAliases += anchor.nodeCount
            if expandedByAliases > maxAliasExpansion {
                throw YAMLError(at: location, "excessive aliasing: aliases expand to more than \(maxAliasExpansion) nodes")
            }
            let slot = openSlot(at: location)
            // The alias itself points at the alias; what it brings points at the anchored text.
            for entry in entries[anchor.entries].dropFirst() {
                entries.append(Entry(
                    path: slot.path + entry.path.dropFirst(anchor.pathLength),
                    location: entry.location,
                    fromMerge: slot.fromMerge || entry.fromMerge
                ))
            }
            try complete(anchor.value, nodeCount: anchor.nodeCount, anchor: nil, slot: slot, location: location)

        case .sequenceStart(let anchor, let location), .mappingStart(let anchor, let location):
            if isAtKey { throw YAMLError(at: location, "a sequence or mapping cannot be a mapping key") }
            if frames.count >= maxDepth { throw YAMLError(at: location, "nesting deeper than \(maxDepth) levels") }
            var isMapping = false
            if case .mappingStart = event { isMapping = true }
            let slot = openSlot(at: location)
            frames.append(Frame(isMapping: isMapping, anchor: anchor, location: location, slot: slot))

        case .sequenceEnd, .mappingEnd:
            guard let frame = frames.popLast() else { return }
            let value: JSONValue
            if frame.isMapping {
                value = .object(frame.members.merging(frame.merged) { local, _ in local })
            } else {
                value = .array(frame.elements)
            }
            try complete(value, nodeCount: frame.nodeCount, anchor: frame.anchor, slot: frame.slot, location: frame.location)

        case .streamStart, .streamEnd, .documentStart, .documentEnd:
            break
        }
    }

    /// The source map of the finished document: the last local entry for a path wins, a merged
    /// entry only fills a gap, and paths the value does not have (overridden merges) are dropped.
    func sourceMap() -> YAMLSourceMap {
        var locations: [[String]: YAMLLocation] = [:]
        for entry in entries {
            if entry.fromMerge, locations[entry.path] != nil { continue }
            locations[entry.path] = entry.location
        }
        let value = root ?? .null
        return YAMLSourceMap(locations.filter { Self.exists($0.key, in: value) })
    }

    // MARK: - Keys

    private var isAtKey: Bool {
        guard let top = frames.last else { return false }
        return top.isMapping && top.pending == .none
    }

    private mutating func takeKey(_ scalar: ParseEvent.Scalar) throws(YAMLError) {
        let isMergeKey = scalar.text == "<<"
            && ((scalar.isPlain && scalar.tag == nil) || scalar.tag == ScalarResolver.tagPrefix + "merge")
        if isMergeKey {
            frames[frames.count - 1].pending = .merge(scalar.location)
            return
        }
        let resolved: ScalarResolver.Resolved
        do {
            resolved = try ScalarResolver.resolve(scalar.text, tag: scalar.tag, plain: scalar.isPlain)
        } catch {
            throw YAMLError(at: scalar.location, error.message)
        }
        guard let key = ScalarResolver.keyString(resolved) else {
            throw YAMLError(at: scalar.location, "a null mapping key has no JSON form")
        }
        if let anchor = scalar.anchor {
            let value = (try? ScalarResolver.json(resolved, text: scalar.text)) ?? .string(key)
            anchors[anchor] = Anchor(value: value, nodeCount: 1, entries: entries.count..<entries.count, pathLength: 0)
        }
        try setPendingKey(key, at: scalar.location)
    }

    private mutating func takeKey(aliasOf value: JSONValue, at location: YAMLLocation) throws(YAMLError) {
        guard let key = ScalarResolver.keyString(value) else {
            throw YAMLError(at: location, "a mapping key must be a string, number or boolean")
        }
        try setPendingKey(key, at: location)
    }

    private mutating func setPendingKey(_ key: String, at location: YAMLLocation) throws(YAMLError) {
        let top = frames.count - 1
        if let first = frames[top].keyLocations[key] {
            throw YAMLError(at: location, "mapping key \"\(key)\" already defined at line \(first.line), column \(first.column)")
        }
        frames[top].keyLocations[key] = location
        frames[top].pending = .key(key)
    }

    // MARK: - Values

    private static func value(of scalar: ParseEvent.Scalar) throws(YAMLError) -> JSONValue {
        do {
            let resolved = try ScalarResolver.resolve(scalar.text, tag: scalar.tag, plain: scalar.isPlain)
            return try ScalarResolver.json(resolved, text: scalar.text)
        } catch {
            throw YAMLError(at: scalar.location, error.message)
        }
    }

    /// Records the location of a node about to be built and returns where it sits.
    private mutating func openSlot(at location: YAMLLocation) -> Slot {
        var slot = Slot(path: [], fromMerge: false, isMergeValue: false, entryIndex: entries.count)
        if let top = frames.last {
            slot.path = top.slot.path
            slot.fromMerge = top.slot.fromMerge
            if top.isMapping {
                switch top.pending {
                case .key(let key): slot.path.append(key)
                case .merge:
                    slot.fromMerge = true
                    slot.isMergeValue = true
                case .none: break
                }
            } else if !top.slot.isMergeValue {
                slot.path.append(String(top.elements.count))
            }
        }
        entries.append(Entry(path: slot.path, location: location, fromMerge: slot.fromMerge))
        return slot
    }

    /// Attaches a finished node to its parent (or makes it the root) and registers its anchor.
    private mutating func complete(
        _ value: JSONValue, nodeCount: Int, anchor: String?, slot: Slot, location: YAMLLocation
    ) throws(YAMLError) {
        if let anchor {
            anchors[anchor] = Anchor(value: value, nodeCount: nodeCount, entries: slot.entryIndex..<entries.count, pathLength: slot.path.count)
        }
        guard !frames.isEmpty else {
            root = value
            return
        }
        let top = frames.count - 1
        frames[top].nodeCount += nodeCount
        guard frames[top].isMapping else {
            frames[top].elements.append(value)
            return
        }
        switch frames[top].pending {
        case .key(let key):
            frames[top].members[key] = value
        case .merge(let mergeLocation):
            let sources: [[String: JSONValue]]?
            switch value {
            case .object(let members): sources = [members]
            case .array(let elements): sources = elements.allSatisfy { $0.objectValue != nil } ? elements.compactMap(\.objectValue) : nil
            default: sources = nil
            }
            guard let sources else {
                throw YAMLError(at: mergeLocation, "map merge requires map or sequence of maps as the value")
            }
            for source in sources {
                frames[top].merged.merge(source) { earlier, _ in earlier }
            }
        case .none:
            break
        }
        frames[top].pending = .none
    }

    private static func exists(_ path: [String], in value: JSONValue) -> Bool {
        var current = value
        for component in path {
            switch current {
            case .object(let members):
                guard let next = members[component] else { return false }
                current = next
            case .array(let elements):
                guard let index = Int(component), elements.indices.contains(index) else { return false }
                current = elements[index]
            default:
                return false
            }
        }
        return true
    }
}
