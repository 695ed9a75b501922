/// The side-by-side table of the embedded store's and etcd's figures from one run, with the
/// ratio embedded/etcd per figure and the verdict on Capstan's two store targets:
/// throughput at 128 writers at least etcd's, and p99 put latency at 128 writers at most etcd's.
struct ComparisonReport {
    var embedded: StoreFigures
    var etcd: StoreFigures
    /// The writer count the targets are judged at.
    var targetWriters = 128

    func render() -> String {
        var rows: [(String, Double, Double)] = []
        for figures in embedded.puts {
            guard let other = etcd.puts(writers: figures.writers) else { continue }
            let label = figures.writers == 1 ? "1 writer" : "\(figures.writers) writers"
            rows.append(("put ops/s, \(label)", figures.opsPerSecond, other.opsPerSecond))
            rows.append(("put p50 ms, \(label)", figures.latency.p50, other.latency.p50))
            rows.append(("put p99 ms, \(label)", figures.latency.p99, other.latency.p99))
        }
        rows.append(("watch p50 ms, \(embedded.watchers) watchers", embedded.watch.p50, etcd.watch.p50))
        rows.append(("watch p99 ms, \(embedded.watchers) watchers", embedded.watch.p99, etcd.watch.p99))
        rows.append(("memory MiB (*)", FigureFormat.mebibytes(embedded.memoryBytes), FigureFormat.mebibytes(etcd.memoryBytes)))
        rows.append(("disk MiB (data dir)", FigureFormat.mebibytes(embedded.diskBytes), FigureFormat.mebibytes(etcd.diskBytes)))

        let header = ("figure", embedded.store, etcd.store, "\(embedded.store)/\(etcd.store)")
        let cells = rows.map { label, mine, theirs in
            (label, FigureFormat.number(mine), FigureFormat.number(theirs), theirs > 0 ? FigureFormat.ratio(mine / theirs) : "-")
        }
        let widths = (
            max(header.0.count, cells.map(\.0.count).max() ?? 0),
            max(header.1.count, cells.map(\.1.count).max() ?? 0),
            max(header.2.count, cells.map(\.2.count).max() ?? 0),
            max(header.3.count, cells.map(\.3.count).max() ?? 0)
        )
        func line(_ row: (String, String, String, String)) -> String {
            pad(row.0, widths.0, left: true) + "  " + pad(row.1, widths.1) + "  " + pad(row.2, widths.2) + "  " + pad(row.3, widths.3)
        }
        var out = [line(header), String(repeating: "-", count: widths.0 + widths.1 + widths.2 + widths.3 + 6)]
        out += cells.map(line)
        out.append("(*) memory: embedded = growth of the benchmark process's RSS across the embedded run; etcd = the etcd process's RSS at the end of its run.")
        out.append(verdict())
        return out.joined(separator: "\n")
    }

    /// The final line: whether each target holds, with the numbers it is judged on.
    func verdict() -> String {
        guard let mine = embedded.puts(writers: targetWriters), let theirs = etcd.puts(writers: targetWriters) else {
            return "targets: not judged (no \(targetWriters)-writer phase was run)"
        }
        let ratio = theirs.opsPerSecond > 0 ? mine.opsPerSecond / theirs.opsPerSecond : 0
        let throughputHolds = ratio >= 1.0
        let latencyHolds = mine.latency.p99 <= theirs.latency.p99
        let both = throughputHolds && latencyHolds ? "both targets HOLD" : "targets NOT MET"
        return "targets at \(targetWriters) writers: \(both) — "
            + "throughput \(FigureFormat.ratio(ratio)) etcd's (\(FigureFormat.number(mine.opsPerSecond)) vs \(FigureFormat.number(theirs.opsPerSecond)) ops/s; target >= 1.0x: \(throughputHolds ? "held" : "missed")), "
            + "p99 \(FigureFormat.number(mine.latency.p99)) ms vs \(FigureFormat.number(theirs.latency.p99)) ms (target <= etcd's: \(latencyHolds ? "held" : "missed"))"
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}
