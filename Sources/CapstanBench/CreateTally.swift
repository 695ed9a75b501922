import Synchronization

/// Counts of a create phase's outcomes, from any task.
final class CreateTally: Sendable {
    private let state = Mutex<(created: Int, errors: Int, firstError: String?)>((0, 0, nil))

    func record(_ outcome: APIBenchClient.CreateOutcome) {
        state.withLock { state in
            switch outcome {
            case .created:
                state.created += 1
            case .failed(let status, let message):
                state.errors += 1
                if state.firstError == nil { state.firstError = "HTTP \(status): \(message)" }
            }
        }
    }

    func figures(clients: Int, targetRate: Int?, seconds: Double, latency: LatencySummary) -> CreateFigures {
        state.withLock { state in
            CreateFigures(clients: clients, targetRate: targetRate, created: state.created, errors: state.errors,
                          firstError: state.firstError, seconds: seconds, latency: latency)
        }
    }
}
