/// Why a cell failed: a message at a line and column of the notebook file.
public struct KernelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line in the notebook file.
    public var line: Int
    /// The 1-based column in the notebook file.
    public var column: Int
    /// What went wrong, e.g. "cannot find 'nett' in scope; did you mean 'net'?".
    public var message: String

    /// An error at a file location.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
