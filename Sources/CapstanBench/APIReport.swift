/// The API benchmark's Markdown table: Capstan's figures beside Capstan's targets and
/// Kubernetes' published SLOs, with a verdict per judged row, then the notes a reader needs
/// (what the references are, the server, the machine, the command line).
struct APIReport {
    var figures: APIFigures
    /// What was measured: e.g. "capstan server (child process), HTTPS, SQLite store".
    var server: String
    var machine: MachineDescription
    var commandLine: String

    /// Capstan's targets (from the benchmark's issue).
    static let targetMutatingP99Milliseconds = 25.0
    static let targetListMilliseconds = 300.0
    /// Kubernetes' SLOs (sig-scalability, slos/api_call_latency.md): p99 over 5 minutes of
    /// mutating single-object calls ≤ 1 s; of LISTs ≤ 5 s namespace-scoped, ≤ 30 s cluster-scoped.
    static let kubernetesMutatingP99Milliseconds = 1_000.0
    static let kubernetesNamespaceListP99Milliseconds = 5_000.0
    static let kubernetesClusterListP99Milliseconds = 30_000.0

    struct Row {
        var figure: String
        var capstan: String
        var target = "–"
        var kubernetes = "–"
        var verdict = ""
    }

    func rows() -> [Row] {
        var rows: [Row] = []
        let k8sMutating = "p99 ≤ \(Self.whole(Self.kubernetesMutatingP99Milliseconds / 1000)) s"
        for phase in figures.creates {
            let label = phase.clients == 1 ? "1 client" : "\(phase.clients) clients"
            rows.append(Row(figure: "creates/s, \(label)", capstan: FigureFormat.number(phase.createsPerSecond)))
            rows.append(Row(figure: "create p50 ms, \(label)", capstan: FigureFormat.number(phase.latency.p50)))
            rows.append(Row(figure: "create p99 ms, \(label)", capstan: FigureFormat.number(phase.latency.p99),
                            kubernetes: k8sMutating,
                            verdict: verdict(slo: phase.latency.p99 <= Self.kubernetesMutatingP99Milliseconds)))
            if phase.errors > 0 { rows.append(Row(figure: "create errors, \(label)", capstan: String(phase.errors), target: "0", verdict: "FAILED")) }
        }
        if let paced = figures.paced, let rate = paced.targetRate {
            rows.append(Row(figure: "creates/s achieved, offered \(rate)/s", capstan: FigureFormat.number(paced.createsPerSecond),
                            target: "\(rate)/s"))
            rows.append(Row(figure: "create p50 ms at \(rate)/s", capstan: FigureFormat.number(paced.latency.p50)))
            let p99 = paced.latency.p99
            rows.append(Row(figure: "create p99 ms at \(rate)/s", capstan: FigureFormat.number(p99),
                            target: "≤ \(Self.whole(Self.targetMutatingP99Milliseconds)) ms", kubernetes: k8sMutating,
                            verdict: verdict(target: p99 <= Self.targetMutatingP99Milliseconds,
                                             slo: p99 <= Self.kubernetesMutatingP99Milliseconds)))
            if paced.errors > 0 { rows.append(Row(figure: "create errors at \(rate)/s", capstan: String(paced.errors), target: "0", verdict: "FAILED")) }
        }
        if let list = figures.list {
            let label = "list \(list.pods) pods"
            let k8s = "p99 ≤ \(Self.whole(Self.kubernetesNamespaceListP99Milliseconds / 1000)) s (namespace), ≤ \(Self.whole(Self.kubernetesClusterListP99Milliseconds / 1000)) s (cluster)"
            let target = "≤ \(Self.whole(Self.targetListMilliseconds)) ms"
            rows.append(Row(figure: "\(label), p50 ms (\(list.latency.count) reads)", capstan: FigureFormat.number(list.latency.p50),
                            target: target,
                            verdict: verdict(target: list.latency.p50 <= Self.targetListMilliseconds)))
            rows.append(Row(figure: "\(label), max ms", capstan: FigureFormat.number(list.latency.maximum),
                            target: target, kubernetes: k8s,
                            verdict: verdict(target: list.latency.maximum <= Self.targetListMilliseconds,
                                             slo: list.latency.maximum <= Self.kubernetesNamespaceListP99Milliseconds)))
            rows.append(Row(figure: "\(label), response MiB", capstan: FigureFormat.number(FigureFormat.mebibytes(list.bytes))))
            if let fill = list.fill {
                rows.append(Row(figure: "creates/s filling the list, \(fill.clients) clients", capstan: FigureFormat.number(fill.createsPerSecond)))
            }
        }
        if let watch = figures.watch {
            let label = "\(watch.established)/\(watch.watchers) watchers, \(watch.rate) writes/s"
            let none = "none published"
            rows.append(Row(figure: "watch delivery p50 ms (\(label))", capstan: FigureFormat.number(watch.fromSend.p50), kubernetes: none))
            rows.append(Row(figure: "watch delivery p99 ms", capstan: FigureFormat.number(watch.fromSend.p99), kubernetes: none))
            rows.append(Row(figure: "watch delivery max ms", capstan: FigureFormat.number(watch.fromSend.maximum), kubernetes: none))
            rows.append(Row(figure: "watch delivery p99 ms after the write's 201", capstan: FigureFormat.number(watch.fromAck.p99), kubernetes: none))
            rows.append(Row(figure: "watch events delivered / expected", capstan: "\(watch.delivered)/\(watch.expected)"))
            rows.append(Row(figure: "watch events missed", capstan: String(watch.missed), target: "0",
                            verdict: watch.missed == 0 && watch.established == watch.watchers ? "held" : "MISSED"))
            rows.append(Row(figure: "write p99 ms during the watch phase", capstan: FigureFormat.number(watch.writeLatency.p99),
                            kubernetes: k8sMutating, verdict: verdict(slo: watch.writeLatency.p99 <= Self.kubernetesMutatingP99Milliseconds)))
        }
        if let resident = figures.serverResidentBytes {
            rows.append(Row(figure: "server RSS MiB at the end", capstan: FigureFormat.number(FigureFormat.mebibytes(resident))))
        }
        return rows
    }

    func render() -> String {
        var out = [
            "| figure | Capstan | Capstan target | Kubernetes SLO (published) | verdict |",
            "|---|---:|---:|---:|---|",
        ]
        out += rows().map { "| \($0.figure) | \($0.capstan) | \($0.target) | \($0.kubernetes) | \($0.verdict) |" }
        out.append("")
        out += notes().map { "- " + $0 }
        return out.joined(separator: "\n")
    }

    func notes() -> [String] {
        var notes = [
            "Server under test: \(server).",
            "References: the Capstan targets are the benchmark issue's (mutating p99 ≤ 25 ms at 200 creates/s; a list of 10,000 pods in ≤ 300 ms). "
                + "The Kubernetes column holds Kubernetes' published SLOs (sig-scalability api_call_latency: mutating single-object calls p99 ≤ 1 s; "
                + "LIST p99 ≤ 5 s namespace-scoped, ≤ 30 s cluster-scoped; watch latency has no published SLO). "
                + "No kube-apiserver is installed on this machine, so these are published numbers, not a measurement beside ours; "
                + "Kubernetes judges them over 5-minute windows on a production-sized cluster, this run over seconds on one host.",
            "Closed-loop creates: each client sends its next POST when the previous one is answered; latency per POST (201 read in full). "
                + "Creates at a fixed rate: open loop, each POST started at its scheduled time on its own task; latency from the scheduled time.",
            "List: GET of the whole namespace's pods, timed from sending to having read the whole JSON body; one untimed read before.",
            "Watch: `?watch=true&resourceVersion=<list RV>` per watcher, one connection each; latency from just before the POST was sent "
                + "(or from its 201 reaching the writer) to the arrival of the chunk holding the event, on the same monotonic clock.",
            "Machine: \(machine).",
            "Command: `\(commandLine)`",
        ]
        if let watch = figures.watch {
            if watch.arrivedBeforeAck > 0 {
                notes.append("\(watch.arrivedBeforeAck) watch events arrived before their write's 201 reached the writer (counted as 0 ms after the 201).")
            }
            if let error = watch.firstError { notes.append("Watch phase's first error: \(error)") }
        }
        for phase in figures.creates + [figures.paced].compactMap({ $0 }) {
            if let error = phase.firstError { notes.append("First create error (\(phase.clients) clients): \(error)") }
        }
        return notes
    }

    /// A reference value as written in the issue and the SLO documents: a whole number.
    private static func whole(_ value: Double) -> String { String(Int(value.rounded())) }

    private func verdict(target: Bool? = nil, slo: Bool? = nil) -> String {
        var parts: [String] = []
        if let target { parts.append(target ? "target held" : "target MISSED") }
        if let slo { parts.append(slo ? "SLO held" : "SLO MISSED") }
        return parts.joined(separator: ", ")
    }
}
