import Outputs
/// What running one cell produced: its outputs in order, and the error that stopped it.
public struct CellRun: Sendable, Equatable {
    /// The outputs, in the order the cell made them (kept when an error follows).
    public var outputs: [Output]
    /// The error that stopped the cell, if any.
    public var error: KernelError?
    /// The top-level names the cell declared (or declared again).
    public var declared: Set<String>

    /// A run with the given outputs and error.
    public init(outputs: [Output] = [], error: KernelError? = nil, declared: Set<String> = []) {
        self.outputs = outputs
        self.error = error
        self.declared = declared
    }
}
