import Foundation

/// A set of completion indexes in the text form Job status uses: sorted, comma-separated
/// single indexes and ranges (`1,3-5,7`). Text that does not parse contributes nothing, as
/// upstream tolerates a corrupted status field.
struct CompletionIndexes: Hashable, Sendable {
    private(set) var members: Set<Int32>

    init<S: Sequence>(_ indexes: S) where S.Element == Int32 { members = Set(indexes) }

    init(parsing text: String?) {
        var members = Set<Int32>()
        for part in (text ?? "").split(separator: ",") {
            let bounds = part.split(separator: "-", maxSplits: 1).map { Int32($0.trimmingCharacters(in: .whitespaces)) }
            if bounds.count == 1, let index = bounds[0], index >= 0 {
                members.insert(index)
            } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low >= 0, low <= high {
                members.formUnion(low...high)
            }
        }
        self.members = members
    }

    var count: Int { members.count }

    func contains(_ index: Int32) -> Bool { members.contains(index) }

    mutating func insert(_ index: Int32) { members.insert(index) }

    /// The ranges text, or nil when empty.
    var text: String? {
        let sorted = members.sorted()
        guard var low = sorted.first else { return nil }
        var parts: [String] = []
        var high = low
        func close() { parts.append(low == high ? "\(low)" : "\(low)-\(high)") }
        for index in sorted.dropFirst() {
            if index == high + 1 { high = index; continue }
            close()
            low = index
            high = index
        }
        close()
        return parts.joined(separator: ",")
    }
}
