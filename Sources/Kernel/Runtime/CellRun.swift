import Outputs
/// What running one cell produced: its outputs in order, and the error that stopped it.
public struct CellRun: Sendable, Equatable {
    /// The outputs, in the order the cell made them (kept when an error follows).
    public var outputs: [Output]
    /// The error that stopped the cell, if any.
    public var error: KernelError?

    /// A run with the given outputs and error.
    public init(outputs: [Output] = [], error: KernelError? = nil) {
        self.outputs = outputs
        self.error = error
    }
}
