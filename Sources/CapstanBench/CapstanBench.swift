import ArgumentParser

/// `capstan-bench`: measurements of Capstan's parts against the real systems they stand in for.
@main
struct CapstanBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan-bench",
        abstract: "Benchmarks of Capstan's parts.",
        subcommands: [StoreBenchmarkCommand.self, APIBenchmarkCommand.self, ControllerBenchmarkCommand.self, SchedulerBenchmarkCommand.self]
    )
}
