/// Everything one API benchmark run measured.
struct APIFigures: Sendable {
    /// Closed-loop phases, one per client count, in the order run.
    var creates: [CreateFigures]
    /// The open-loop phase at the target rate.
    var paced: CreateFigures?
    var list: ListFigures?
    var watch: WatchFigures?
    /// The server process's resident memory at the end, when it is a child process.
    var serverResidentBytes: Int?
}
