/// Failures of the benchmark itself (not of the store or server under test).
enum BenchError: Error, CustomStringConvertible {
    case unreadable(String)
    case timedOut(String)
    case watchEndedEarly(store: String, received: Int, expected: Int)
    /// A kubeconfig without what the API benchmark needs to connect.
    case kubeconfig(String)
    /// The server under test answered a set-up request (not a measured one) with an error.
    case unexpectedResponse(request: String, status: Int, body: String)
    /// The `capstan server` child process ended before it was ready; `log` is the tail of its output.
    case serverExited(status: Int32, log: String)
    case missingBinary(String)

    var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .timedOut(let what): "timed out: \(what)"
        case .watchEndedEarly(let store, let received, let expected):
            "\(store): a watch ended after \(received) of \(expected) events"
        case .kubeconfig(let problem): "kubeconfig: \(problem)"
        case .unexpectedResponse(let request, let status, let body): "\(request): HTTP \(status): \(body)"
        case .serverExited(let status, let log): "capstan server exited with status \(status) before it was ready; its log ends:\n\(log)"
        case .missingBinary(let path): "no executable at \(path) (build it: swift build -c release --scratch-path .build-bench --product capstan)"
        }
    }
}
