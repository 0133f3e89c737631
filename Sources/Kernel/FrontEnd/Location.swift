/// A line and column in the notebook file.
struct Location: Equatable {
    let line: Int
    let column: Int

    /// A located error at this place.
    func error(_ message: String) -> KernelError {
        KernelError(line: line, column: column, message: message)
    }
}
