/// Failures of the benchmark itself (not of the store under test).
enum BenchError: Error, CustomStringConvertible {
    case unreadable(String)
    case timedOut(String)
    case watchEndedEarly(store: String, received: Int, expected: Int)

    var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .timedOut(let what): "timed out: \(what)"
        case .watchEndedEarly(let store, let received, let expected):
            "\(store): a watch ended after \(received) of \(expected) events"
        }
    }
}
