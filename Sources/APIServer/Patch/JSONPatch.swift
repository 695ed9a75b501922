import Resources

/// A JSON patch (RFC 6902, `application/json-patch+json`): a list of operations applied in
/// order to one document; the first one that does not apply fails the whole patch.
///
/// Indices are strict RFC 6901 ones (no leading zeros, no negative indices); `-` names the
/// position after the last element and is valid only where a value is added. Error messages
/// name the operation and its pointer, in the words of evanphx/json-patch, which Kubernetes
/// uses: `replace operation does not apply: doc is missing path: "/spec/foo"`.
struct JSONPatch: Sendable {
    /// One decoded operation.
    enum Operation: Sendable, Equatable {
        case add(path: JSONPointer, value: JSONValue)
        case remove(path: JSONPointer)
        case replace(path: JSONPointer, value: JSONValue)
        case move(from: JSONPointer, path: JSONPointer)
        case copy(from: JSONPointer, path: JSONPointer)
        case test(path: JSONPointer, value: JSONValue)
    }

    let operations: [Operation]

    /// Decodes a patch document: an array of operation objects, each with `op` and `path`,
    /// `value` for add/replace/test (it may be `null`) and `from` for move/copy. Unknown
    /// members of an operation are ignored, as the RFC requires.
    init(_ patch: JSONValue) throws(PatchError) {
        guard case .array(let elements) = patch else {
            throw PatchError("a JSON patch must be a JSON array of operations")
        }
        var operations: [Operation] = []
        operations.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            operations.append(try Self.decodeOperation(element, at: position))
        }
        self.operations = operations
    }

    /// `document` with every operation applied in order.
    func apply(to document: JSONValue) throws(PatchError) -> JSONValue {
        var document = document
        for operation in operations {
            try Self.apply(operation, to: &document)
        }
        return document
    }

    // MARK: Decoding

    private static func decodeOperation(_ element: JSONValue, at position: Int) throws(PatchError) -> Operation {
        guard case .object(let members) = element else {
            throw PatchError("JSON patch operation \(position) must be a JSON object")
        }
        guard let op = members["op"]?.stringValue else {
            throw PatchError("JSON patch operation \(position) is missing a string \"op\"")
        }
        func pointer(_ name: String) throws(PatchError) -> JSONPointer {
            guard let text = members[name]?.stringValue else {
                throw PatchError("\(op) operation \(position) is missing a string \"\(name)\"")
            }
            return try JSONPointer(text)
        }
        func value() throws(PatchError) -> JSONValue {
            guard let value = members["value"] else {
                throw PatchError("\(op) operation \(position) is missing \"value\"")
            }
            return value
        }
        switch op {
        case "add": return .add(path: try pointer("path"), value: try value())
        case "remove": return .remove(path: try pointer("path"))
        case "replace": return .replace(path: try pointer("path"), value: try value())
        case "move": return .move(from: try pointer("from"), path: try pointer("path"))
        case "copy": return .copy(from: try pointer("from"), path: try pointer("path"))
        case "test": return .test(path: try pointer("path"), value: try value())
        default: throw PatchError("JSON patch operation \(position) has unsupported op \"\(op)\"")
        }
    }

    // MARK: Applying

    private static func apply(_ operation: Operation, to document: inout JSONValue) throws(PatchError) {
        switch operation {
        case .add(let path, let value):
            try add(value, at: path, in: &document, op: "add")
        case .remove(let path):
            _ = try remove(at: path, in: &document, op: "remove")
        case .replace(let path, let value):
            guard !path.tokens.isEmpty else {
                document = value
                return
            }
            try updateParent(of: path, in: &document, op: "replace") { (parent, token) throws(PatchError) in
                switch parent {
                case .object(var members) where members[token] != nil:
                    members[token] = value
                    parent = .object(members)
                case .array(var elements):
                    guard let index = JSONPointer.arrayIndex(token, count: elements.count, allowingEnd: false) else {
                        throw invalidIndex(token, op: "replace", path: path)
                    }
                    elements[index] = value
                    parent = .array(elements)
                default:
                    throw missing(path, op: "replace")
                }
            }
        case .move(let from, let path):
            guard from != path else {
                _ = try value(at: from, in: document, op: "move", role: "from path")
                return
            }
            guard !path.isProperlyInside(from) else {
                throw PatchError("move operation does not apply: cannot move \"\(from)\" into its own child \"\(path)\"")
            }
            let moved = try remove(at: from, in: &document, op: "move", role: "from path")
            try add(moved, at: path, in: &document, op: "move", role: "destination path")
        case .copy(let from, let path):
            let copied = try value(at: from, in: document, op: "copy", role: "from path")
            try add(copied, at: path, in: &document, op: "copy", role: "destination path")
        case .test(let path, let expected):
            let actual = try value(at: path, in: document, op: "test")
            guard actual.isSameJSON(as: expected) else {
                throw PatchError("test operation failed: the value at path \"\(path)\" is \(actual.serialized()), not \(expected.serialized())")
            }
        }
    }

    /// Adds `value` at `path`: sets an object member (replacing one there), inserts into an
    /// array before the index (or appends for `-`), or replaces the document for `""`.
    private static func add(_ value: JSONValue, at path: JSONPointer, in document: inout JSONValue, op: String, role: String = "path") throws(PatchError) {
        guard !path.tokens.isEmpty else {
            document = value
            return
        }
        try updateParent(of: path, in: &document, op: op, role: role) { (parent, token) throws(PatchError) in
            switch parent {
            case .object(var members):
                members[token] = value
                parent = .object(members)
            case .array(var elements):
                guard let index = JSONPointer.arrayIndex(token, count: elements.count, allowingEnd: true) else {
                    throw invalidIndex(token, op: op, path: path)
                }
                elements.insert(value, at: index)
                parent = .array(elements)
            default:
                throw missing(path, op: op, role: role)
            }
        }
    }

    /// Removes and returns the value at `path`, which must exist and not be the document.
    private static func remove(at path: JSONPointer, in document: inout JSONValue, op: String, role: String = "path") throws(PatchError) -> JSONValue {
        guard !path.tokens.isEmpty else {
            throw PatchError("\(op) operation does not apply: cannot remove the whole document")
        }
        var removed = JSONValue.null
        try updateParent(of: path, in: &document, op: op, role: role) { (parent, token) throws(PatchError) in
            switch parent {
            case .object(var members):
                guard let value = members.removeValue(forKey: token) else { throw missing(path, op: op, role: role) }
                removed = value
                parent = .object(members)
            case .array(var elements):
                guard let index = JSONPointer.arrayIndex(token, count: elements.count, allowingEnd: false) else {
                    throw invalidIndex(token, op: op, path: path)
                }
                removed = elements.remove(at: index)
                parent = .array(elements)
            default:
                throw missing(path, op: op, role: role)
            }
        }
        return removed
    }

    /// The value at `path`, which must exist.
    private static func value(at path: JSONPointer, in document: JSONValue, op: String, role: String = "path") throws(PatchError) -> JSONValue {
        var current = document
        for token in path.tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { throw missing(path, op: op, role: role) }
                current = next
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(token, count: elements.count, allowingEnd: false) else {
                    throw missing(path, op: op, role: role)
                }
                current = elements[index]
            default:
                throw missing(path, op: op, role: role)
            }
        }
        return current
    }

    /// Walks to the container holding the last token of `path` (every step must exist) and
    /// lets `body` change it in place; `body` gets the container and the last token.
    private static func updateParent(
        of path: JSONPointer, in document: inout JSONValue, op: String, role: String = "path",
        _ body: (inout JSONValue, String) throws(PatchError) -> Void
    ) throws(PatchError) {
        func descend(_ value: inout JSONValue, _ tokens: ArraySlice<String>) throws(PatchError) {
            guard tokens.count > 1 else {
                try body(&value, tokens.first!)
                return
            }
            let token = tokens.first!
            switch value {
            case .object(var members):
                guard var child = members[token] else { throw missing(path, op: op, role: role) }
                value = .null  // drop the extra reference so the members mutate in place
                members[token] = .null
                try descend(&child, tokens.dropFirst())
                members[token] = child
                value = .object(members)
            case .array(var elements):
                guard let index = JSONPointer.arrayIndex(token, count: elements.count, allowingEnd: false) else {
                    throw missing(path, op: op, role: role)
                }
                var child = elements[index]
                value = .null
                elements[index] = .null
                try descend(&child, tokens.dropFirst())
                elements[index] = child
                value = .array(elements)
            default:
                throw missing(path, op: op, role: role)
            }
        }
        try descend(&document, path.tokens[...])
    }

    private static func missing(_ path: JSONPointer, op: String, role: String = "path") -> PatchError {
        PatchError("\(op) operation does not apply: doc is missing \(role): \"\(path)\"")
    }

    private static func invalidIndex(_ token: String, op: String, path: JSONPointer) -> PatchError {
        PatchError("\(op) operation does not apply: invalid array index \"\(token)\" in path \"\(path)\"")
    }
}
