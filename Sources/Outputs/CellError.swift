/// The error a cell stopped with, located in the notebook file, as its outputs show it.
public struct CellError: Sendable, Equatable, Codable {
    /// The file line.
    public var line: Int
    /// The file column.
    public var column: Int
    /// What went wrong.
    public var message: String
    /// The offending line with a caret under the column, when there is one.
    public var excerpt: String?

    /// An error at a file location.
    public init(line: Int, column: Int, message: String, excerpt: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
    }

    /// The error as text: where, what, and the excerpt under it.
    public var text: String {
        var text = "error at line \(line), column \(column): \(message)"
        if let excerpt { text += "\n" + excerpt }
        return text
    }
}
