/// Runs `body`, cancelling it and throwing `BenchError.timedOut(what)` if it takes longer than
/// `limit`.
func withTimeout<Result: Sendable>(
    _ limit: Duration,
    _ what: String,
    _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw BenchError.timedOut(what)
        }
        defer { group.cancelAll() }
        while let next = try await group.next() {
            if let result = next { return result }
        }
        throw BenchError.timedOut(what)
    }
}
