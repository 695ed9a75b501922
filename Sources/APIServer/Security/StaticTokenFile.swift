import Foundation

/// Kubernetes' static token file (`kube-apiserver --token-auth-file`): CSV lines of
/// `token,user,uid,"group1,group2"`.
///
/// Contracts, matching kube-apiserver's reader (Go `encoding/csv`, leading spaces trimmed):
/// - A record needs at least three columns; the fourth (groups, comma-separated) is optional
///   and further columns are ignored.
/// - Blank lines are skipped; a record with an empty token is skipped.
/// - When a token appears twice, the later record wins.
/// - `rendered()` produces text that `init(parsing:path:)` reads back to the same entries.
struct StaticTokenFile: Hashable, Sendable {
    /// One record: a bearer token and the user it authenticates as.
    struct Entry: Hashable, Sendable {
        var token: String
        var user: UserInfo
    }

    private(set) var entries: [Entry]

    init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Parses the file's text; `path` only labels errors.
    init(parsing text: String, path: String) throws(ClusterCredentialsError) {
        var entries: [Entry] = []
        var indexByToken: [String: Int] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var content = Substring(line)
            if content.hasSuffix("\r") { content = content.dropLast() }
            if content.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields: [String]
            do {
                fields = try Self.fields(of: content)
            } catch {
                throw .malformedTokenFile(path: path, line: lineNumber, reason: error.reason)
            }
            guard fields.count >= 3 else {
                throw .malformedTokenFile(path: path, line: lineNumber, reason: "a record needs at least 3 columns (token,user,uid)")
            }
            guard !fields[0].isEmpty else { continue }
            let groups = fields.count > 3
                ? fields[3].split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                : []
            let entry = Entry(token: fields[0], user: UserInfo(name: fields[1], uid: fields[2], groups: groups))
            if let existing = indexByToken[entry.token] {
                entries[existing] = entry
            } else {
                indexByToken[entry.token] = entries.count
                entries.append(entry)
            }
        }
        self.entries = entries
    }

    /// The first entry for the user named `userName`.
    func entry(forUser userName: String) -> Entry? {
        entries.first { $0.user.name == userName }
    }

    /// Adds `entry` at the end.
    mutating func append(_ entry: Entry) {
        entries.append(entry)
    }

    /// The file's text, one record per line, groups always quoted.
    func rendered() -> String {
        entries.map { entry in
            [entry.token, entry.user.name, entry.user.uid].map(Self.quotedIfNeeded).joined(separator: ",")
                + "," + Self.quoted(entry.user.groups.joined(separator: ",")) + "\n"
        }.joined()
    }

    private struct FieldError: Error {
        var reason: String
    }

    /// The fields of one CSV record, as Go's `encoding/csv` with `TrimLeadingSpace` reads them.
    private static func fields(of line: Substring) throws(FieldError) -> [String] {
        var fields: [String] = []
        var rest = line[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var field = ""
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\"" {
                        if rest.first == "\"" {
                            field.append("\"")
                            rest = rest.dropFirst()
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        field.append(character)
                    }
                }
                guard closed else { throw FieldError(reason: "unterminated quoted field") }
                fields.append(field)
                if rest.isEmpty { return fields }
                guard rest.first == "," else { throw FieldError(reason: "extraneous text after a quoted field") }
                rest = rest.dropFirst()
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                let field = rest[..<end]
                guard !field.contains("\"") else { throw FieldError(reason: "bare \" in an unquoted field") }
                fields.append(String(field))
                if end == rest.endIndex { return fields }
                rest = rest[rest.index(after: end)...]
            }
        }
    }

    private static func quotedIfNeeded(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == " " || $0 == "\t" }) ? quoted(field) : field
    }

    private static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
