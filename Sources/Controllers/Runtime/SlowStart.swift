import Client

/// Creates in batches of 1, 2, 4, 8… (upstream's slowStartBatch), each batch concurrently,
/// and stops at the first batch with a failure: a template the server refuses costs one
/// request, not hundreds, while a good one still reaches the count in a few rounds.
enum SlowStart {
    struct Result: Sendable {
        var created = 0
        var error: ClientError?
    }

    static func run(count: Int, initialBatch: Int = 1, _ create: @escaping @Sendable () async throws(ClientError) -> Void) async -> Result {
        var result = Result()
        var batch = min(count, max(1, initialBatch))
        while result.created < count, result.error == nil {
            let outcomes = await withTaskGroup(of: ClientError?.self, returning: [ClientError?].self) { group in
                for _ in 0..<batch {
                    group.addTask {
                        do throws(ClientError) {
                            try await create()
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                var outcomes: [ClientError?] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            result.created += outcomes.filter { $0 == nil }.count
            result.error = outcomes.compactMap { $0 }.first
            batch = min(batch * 2, count - result.created)
        }
        return result
    }
}
