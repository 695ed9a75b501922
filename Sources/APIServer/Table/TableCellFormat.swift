import Foundation
import Resources

/// How upstream's printers spell values in table cells: ages (`duration.HumanDuration`),
/// placeholders (`<none>`, `<unset>`, `<unknown>`), label sets and selectors, container lists.
/// Pure functions; the current time is always passed in.
enum TableCellFormat {
    /// An empty list or missing value where upstream prints `<none>`.
    static let none = "<none>"
    /// An unset optional where upstream prints `<unset>`.
    static let unset = "<unset>"
    /// A missing timestamp (and any cell we cannot compute).
    static let unknown = "<unknown>"

    /// `duration.HumanDuration`: ~2–3 significant figures, `<invalid>` for more than a second
    /// in the future, `0s` for clock skew below two seconds.
    static func humanDuration(seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "<invalid>" }
        // Go truncates toward zero at every step; so does Int(_: Double).
        let clamped = min(max(seconds, -1e15), 1e15)
        let wholeSeconds = Int(clamped)
        if wholeSeconds < -1 { return "<invalid>" }
        if wholeSeconds < 0 { return "0s" }
        if wholeSeconds < 60 * 2 { return "\(wholeSeconds)s" }
        let minutes = wholeSeconds / 60
        if minutes < 10 {
            let s = wholeSeconds % 60
            return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
        }
        if minutes < 60 * 3 { return "\(minutes)m" }
        let hours = wholeSeconds / 3600
        if hours < 8 {
            let m = minutes % 60
            return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let h = hours % 24
            return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let days = (hours / 24) % 365
            return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
        }
        return "\(hours / 24 / 365)y"
    }

    /// `translateTimestampSince`: the human duration from `time` to `now`, `<unknown>` without
    /// a time.
    static func age(since time: Time?, now: Date) -> String {
        guard let time else { return unknown }
        return humanDuration(seconds: now.timeIntervalSince1970 - time.secondsSince1970)
    }

    /// `labels.FormatLabels`: `k=v` pairs sorted and comma-joined; `<none>` when empty.
    static func labels(_ labels: [String: String]?) -> String {
        let pairs = (labels ?? [:]).map { "\($0.key)=\($0.value)" }.sorted()
        return pairs.isEmpty ? none : pairs.joined(separator: ",")
    }

    /// `metav1.FormatLabelSelector`: the selector's canonical string; `<none>` when it is nil
    /// or empty, `<error>` when it is invalid.
    static func labelSelector(_ selector: LabelSelector?) -> String {
        guard let parsed = try? Selector(selector) else { return "<error>" }
        let text = parsed.description
        return text.isEmpty ? none : text
    }

    /// `LabelSelectorAsSelector(…).String()` as the Deployment printer uses it: empty for a
    /// nil or empty selector, `<invalid>` when it is invalid.
    static func selectorString(_ selector: LabelSelector?) -> String {
        guard let parsed = try? Selector(selector) else { return "<invalid>" }
        return parsed.description
    }

    /// `layoutContainerCells`: container names and images, each comma-joined.
    static func containerNamesAndImages(_ containers: [Container]) -> (names: String, images: String) {
        (containers.map(\.name).joined(separator: ","), containers.map { $0.image ?? "" }.joined(separator: ","))
    }

    /// `printBoolPtr`: `True`, `False` or `<unset>`.
    static func bool(_ value: Bool?) -> String {
        guard let value else { return unset }
        return value ? "True" : "False"
    }

    /// `listWithMoreString`: the first `max` entries and `+ N more...`; `<unset>` when empty.
    static func listWithMore(_ list: [String], more: Bool, count: Int, max: Int) -> String {
        let joined = list.joined(separator: ",")
        if more { return "\(joined) + \(count - max) more..." }
        return joined.isEmpty ? unset : joined
    }

    /// `helper.GetAccessModesAsString`: `RWO,ROX,RWX,RWOP` in that order, each once.
    static func accessModes(_ modes: [String]) -> String {
        let abbreviations = [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"),
                             ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP")]
        return abbreviations.filter { modes.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    /// `Quantity.String()`: the canonical form; `0` for a missing quantity.
    static func quantity(_ quantity: Quantity?) -> String {
        quantity?.canonical ?? "0"
    }

    /// `net.JoinHostPort`: brackets around IPv6 hosts.
    static func hostPort(_ host: String, _ port: Int32) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
