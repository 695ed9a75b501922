/// The small pods the API benchmark creates, and how a watcher reads its stamps back out of a
/// watch event's bytes without decoding the whole object.
///
/// Annotations (keys without `/`, so no serializer escapes them): `capstan-bench-seq`, the
/// write's index in its phase, and `capstan-bench-sent`, `BenchValue.nowNanos()` just before the
/// POST was sent. A pod without them is a warm-up write.
enum BenchPod {
    static let sequenceKey = "capstan-bench-seq"
    static let sentKey = "capstan-bench-sent"

    /// The JSON body of a pod `name` in `namespace` with one container.
    static func body(name: String, namespace: String, sequence: Int? = nil, sentNanos: UInt64? = nil) -> [UInt8] {
        var annotations: [String] = []
        if let sequence { annotations.append(#""\#(sequenceKey)":"\#(sequence)""#) }
        if let sentNanos { annotations.append(#""\#(sentKey)":"\#(sentNanos)""#) }
        let metadata = #"{"name":"\#(name)","namespace":"\#(namespace)","labels":{"app":"capstan-bench"}"#
            + (annotations.isEmpty ? "" : #","annotations":{"# + annotations.joined(separator: ",") + "}") + "}"
        return Array((#"{"apiVersion":"v1","kind":"Pod","metadata":"# + metadata
            + #","spec":{"containers":[{"name":"main","image":"busybox:1.36","command":["sleep","3600"]}]}}"#).utf8)
    }

    /// A watch line's event type (`ADDED`, `MODIFIED`, `ERROR`, …), read from its start:
    /// `{"type":"ADDED","object":…}`; empty for a line that does not start so.
    static func eventType(_ line: ArraySlice<UInt8>) -> Substring {
        let prefix = Array(#"{"type":""#.utf8)
        guard line.starts(with: prefix) else { return "" }
        let start = line.startIndex + prefix.count
        guard let end = line[start...].firstIndex(of: UInt8(ascii: "\"")) else { return "" }
        return Substring(decoding: line[start..<end], as: UTF8.self)
    }

    /// The unsigned integer in string annotation `key` of the object in `line`, if present.
    static func annotation(_ key: String, in line: ArraySlice<UInt8>) -> UInt64? {
        let needle = Array(#""\#(key)":""#.utf8)
        guard let found = firstRange(of: needle, in: line) else { return nil }
        var value: UInt64 = 0
        var index = found
        var digits = 0
        while index < line.endIndex, line[index] >= UInt8(ascii: "0"), line[index] <= UInt8(ascii: "9") {
            value = value &* 10 &+ UInt64(line[index] - UInt8(ascii: "0"))
            index += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The index just past the first occurrence of `needle` in `haystack`.
    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) {
                return index + needle.count
            }
            index += 1
        }
        return nil
    }
}
